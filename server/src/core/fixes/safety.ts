/**
 * Which fix intents are SAFE: certain enough to be applied without a person choosing (fix-all,
 * `editor.codeActionsOnSave`, `miit95 fix`). A rule or the schema mapping marks an intent safe where
 * it creates it (`markSafe`); everything unmarked is offered as a quick fix only. Safe: official
 * names for short forms, a key rename with one clear "did you mean", an enum value with one clear
 * suggestion, the only allowed value of a `const`, a recomputed check character, a normalised
 * licence number. Never safe: removals, moves, inserted placeholders, guesses between alternatives.
 *
 * The mark travels as `safe: true` on the intent (JSON, so it survives `Diagnostic.data`).
 */
import type { FixIntent } from '../types';

/** The intent, marked safe for fix-all. */
export function markSafe<T extends FixIntent>(intent: T): T {
  return { ...intent, safe: true };
}

/** True when the intent was marked safe by its producer. */
export function isSafeIntent(intent: FixIntent): boolean {
  return (intent as { readonly safe?: unknown }).safe === true;
}
