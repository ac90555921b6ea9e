/**
 * The contract between the rule engine and the domain rules: a rule module's metadata and `check`,
 * the context a rule reads and reports through, and small typed accessors for the plain data. A rule
 * reports a data path, what to underline and a message id with parameters; it never computes
 * offsets (the engine locates). Owns no behaviour beyond the accessors.
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
  /** The plain JS data of the document. Unvalidated: guard every access (see the accessors below). */
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

// ---- accessors: typed reads of unvalidated data ----

/** True for a plain mapping (not an array, not null). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing or of the wrong kind. */
export function get(data: unknown, path: DataPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment] as unknown;
    } else {
      if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** The string at `path`, or undefined. */
export function getString(data: unknown, path: DataPath): string | undefined {
  const value = get(data, path);
  return typeof value === 'string' ? value : undefined;
}

/** The finite number at `path`, or undefined. */
export function getNumber(data: unknown, path: DataPath): number | undefined {
  const value = get(data, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The boolean at `path`, or undefined. */
export function getBoolean(data: unknown, path: DataPath): boolean | undefined {
  const value = get(data, path);
  return typeof value === 'boolean' ? value : undefined;
}

/** The array at `path`, or an empty array. */
export function getArray(data: unknown, path: DataPath): readonly unknown[] {
  const value = get(data, path);
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The mapping at `path`, or undefined. */
export function getRecord(data: unknown, path: DataPath): Readonly<Record<string, unknown>> | undefined {
  const value = get(data, path);
  return isRecord(value) ? value : undefined;
}

/** A string or a number as text (candidate numbers may be written either way), or undefined. */
export function getText(data: unknown, path: DataPath): string | undefined {
  const value = get(data, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
