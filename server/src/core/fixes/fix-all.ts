/**
 * Fix-all: every SAFE fix of a document's findings as one set of non-overlapping edits, for
 * `source.fixAll.miit95` (and `editor.codeActionsOnSave`) and `miit95 fix` alike. Takes the
 * findings of the document version at hand (no re-validation), the first safe intent of each
 * finding, in document order; an intent whose edits collide with one already taken, or that the
 * document already satisfies, is skipped. Pure.
 */
import type { Finding, FixIntent } from '../types';
import type { ParsedDocument } from '../document/parse';
import { intentEdits, verified, type FixOptions } from './apply-intent';
import { isSafeIntent } from './safety';
import { editSetsConflict, normalizeEdits, type TextEdit } from './text-edit';

/** One fix fix-all will apply. */
export interface PlannedFix {
  readonly finding: Finding;
  readonly intent: FixIntent;
  readonly edits: readonly TextEdit[];
}

export interface FixAllPlan {
  /** All edits, sorted and non-overlapping (empty when there is nothing safe to fix). */
  readonly edits: readonly TextEdit[];
  /** The fixes behind them, in document order. */
  readonly fixes: readonly PlannedFix[];
}

/** The first safe intent of a finding, if any. */
export function safeIntentOf(finding: Finding): FixIntent | undefined {
  return finding.data.fixes?.find(isSafeIntent);
}

/**
 * Plans fix-all for a parsed document and its findings (as validated, same version). The edits are
 * checked together once (one parse of the result); only when that check fails is each fix checked
 * on its own, and the failing ones left out.
 */
export function planFixAll(parsed: ParsedDocument, findings: readonly Finding[], options: FixOptions = {}): FixAllPlan {
  if (!parsed.hasRoot) return { edits: [], fixes: [] };
  const fast = plan(parsed, findings, { ...options, verify: false });
  if (fast.edits.length === 0) return fast;
  if (verified(parsed, fast.edits, fast.fixes.map((f) => f.intent))) return fast;
  return plan(parsed, findings, { ...options, verify: true });
}

function plan(parsed: ParsedDocument, findings: readonly Finding[], options: FixOptions): FixAllPlan {
  const taken: TextEdit[] = [];
  const fixes: PlannedFix[] = [];
  for (const finding of findings) {
    const intent = safeIntentOf(finding);
    if (intent === undefined) continue;
    const edits = intentEdits(parsed, intent, options);
    if (edits === undefined || edits.length === 0) continue;
    if (editSetsConflict(taken, edits)) {
      // The same change proposed by two findings (e.g. a schema enum and a rule on one value).
      if (edits.every((e) => taken.some((t) => t.start === e.start && t.end === e.end && t.newText === e.newText))) {
        fixes.push({ finding, intent, edits });
      }
      continue;
    }
    taken.push(...edits);
    fixes.push({ finding, intent, edits });
  }
  return { edits: normalizeEdits(taken), fixes };
}
