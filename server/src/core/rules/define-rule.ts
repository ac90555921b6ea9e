/**
 * The contract between the rule engine and the domain rules: a rule module's metadata and `check`,
 * and the context a rule reads and reports through. A rule reports a data path, what to underline and
 * a message id with parameters; it never computes offsets (the engine locates). Rules read the data
 * through document/data-access.ts. Owns no behaviour.
 */
import type { DataPath, FixIntent, LocalizedText, Severity, Target } from '../types';
import type { FileProbe } from '../files';
import type { Thresholds } from '../config/thresholds';

/** How well the catalogue's source supports a rule (reference.md §9, column "Status"). */
export type RuleStatus = 'confirmed' | 'secondary' | 'inference' | 'unverified';

/** A value for a `{param}` placeholder: the same in both languages, or localized. */
export type MessageParam = string | number | boolean | LocalizedText;

/** A related location a report may point at (e.g. the other field of a mismatch). */
export interface RelatedReport<M extends string = string> {
  readonly path: DataPath;
  readonly target?: Target;
  readonly messageId: M;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** One problem a rule reports. */
export interface RuleReport<M extends string = string> {
  /** Where the problem is, in the data (`['usage', 'area', 3, 'province']`). */
  readonly path: DataPath;
  /** What to underline; `value` by default. */
  readonly target?: Target;
  /** A key of the rule's `messages`. */
  readonly messageId: M;
  /** Values for the template's `{name}` placeholders. */
  readonly params?: Readonly<Record<string, MessageParam>>;
  /** Overrides the rule's default severity for this report (e.g. info instead of error). */
  readonly severity?: Severity;
  /** Fix intents, in order of preference (only when the rule is `fixable`). */
  readonly fixes?: readonly FixIntent[];
  /** Values a consumer may show (e.g. the agents Erlang C requires). */
  readonly extra?: Readonly<Record<string, string | number | boolean>>;
  /** "Did you mean" text, also shown by quick fixes. */
  readonly suggestion?: string;
  /** Other locations that explain the problem. */
  readonly related?: readonly RelatedReport<M>[];
}

/** What a rule sees while it checks one document. */
export interface RuleContext<M extends string = string> {
  /** The plain JS data of the document. Unvalidated: guard every access (document/data-access.ts). */
  readonly app: unknown;
  /** Attachment existence; absent when the caller cannot look at the disk (rules then stay silent). */
  readonly files?: FileProbe;
  /** The configured thresholds (defaults when there is no `.miit95.yaml`). */
  readonly thresholds: Thresholds;
  /** Today's date as `YYYY-MM-DD`, injected so the core stays pure; `application.date` wins where given. */
  readonly today: string;
  /** Reports a problem; the engine turns it into a finding. */
  report(report: RuleReport<M>): void;
}

/** One domain rule of the catalogue. */
export interface RuleModule<M extends string = string> {
  /** The catalogue ID, `R-<AREA>-<NNN>` (e.g. `R-COVERAGE-001`). */
  readonly id: string;
  /** A short kebab-case name (e.g. `coverage-within-licence`). */
  readonly name: string;
  readonly defaultSeverity: Severity;
  readonly status: RuleStatus;
  /** One sentence saying what the rule checks. */
  readonly description: LocalizedText;
  /** Message templates with `{param}` placeholders, by message id. */
  readonly messages: Readonly<Record<M, LocalizedText>>;
  /** True when the rule may offer fix intents. */
  readonly fixable: boolean;
  /**
   * The fields the rule reads or reports on, as path patterns: dotted keys, `*` for any item index
   * (`usage.area.*.province`). Every path the rule reports must match one of them or lie below one;
   * the hovers' "rules that apply here" are derived from these (features/rule-paths.ts).
   */
  readonly fields: readonly string[];
  /** The documentation page, if any (becomes `Finding.docs`). */
  readonly docs?: string;
  /** Reads `ctx.app` and calls `ctx.report`; must not modify the data. */
  check(ctx: RuleContext<M>): void;
}

/** Declares a rule with its message ids checked against `messages` at compile time. */
export function defineRule<M extends string>(rule: RuleModule<M>): RuleModule<M> {
  return rule;
}

/** The catalogue ID pattern. */
export const RULE_ID_PATTERN = /^R-[A-Z]+-\d{3}$/;
/** The rule name pattern (kebab-case). */
export const RULE_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
