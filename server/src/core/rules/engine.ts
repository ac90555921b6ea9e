/**
 * Runs rule modules over a parsed document: gives each rule its context, collects its reports,
 * places them with the shared locator, renders the message templates in both languages, applies
 * severity overrides and links each finding to its rule's page (`docs/rules/<ID>.md`, derived from
 * the ID). A rule that throws (or reports nonsense) becomes one `internal/rule-error` finding and
 * the other rules still run. Owns no rule.
 */
import type { Finding, LocalizedText, RelatedInfo, Severity } from '../types';
import { firstLineRange, locate } from '../document/locate';
import type { ParsedDocument } from '../document/parse';
import type { FileProbe } from '../files';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../config/thresholds';
import type { MessageParam, RuleContext, RuleModule, RuleReport } from './define-rule';
import { ruleDocsPath } from './docs';

/** A severity override per rule ID; `off` disables the rule. */
export type RuleSeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

export interface RunRulesOptions {
  readonly files?: FileProbe;
  readonly severity?: RuleSeverityOverrides;
  readonly thresholds?: Thresholds;
  /** `YYYY-MM-DD`; today's UTC date when absent. */
  readonly today?: string;
  /**
   * Reuse of rule results between versions of a document (see RuleMemo): `previous` is what the
   * last run recorded, `next` receives what this run records.
   */
  readonly memo?: { readonly previous: RuleMemo | undefined; readonly next: RuleMemo };
}

/**
 * What a rule reported last time and what that depended on, so that its reports are reused (and only
 * placed again in the new text) while its inputs stay the same: rules are pure functions of their
 * context. Recorded through proxies while the rule runs: the top-level keys it read with their values
 * and, for a value that is a plain record (a section), the keys of it the rule read with theirs; the
 * key list of the top level or of a section when the rule listed it; the thresholds and the date.
 * Values compare by identity: the incremental parse and plain-value.ts keep unchanged subtrees as the
 * same objects. That is enough: all the rule saw of the data came through those reads (anything
 * deeper was reached from a second-level value, which compares whole), and a section that is no
 * longer a plain record fails the check. Arrays and scalars at the top level compare whole. So an edit
 * of tech.seats reruns the rules that read tech.seats, not every rule that read tech. A rule that
 * looked at ctx.files (the probe, or that there is none) is always run.
 */
export type RuleMemo = Map<RuleModule, RuleMemoEntry>;

/** What a rule read of one plain record: keys with their values, and the key list if it listed them. */
interface RecordReads {
  readonly values: Map<string, unknown>;
  keys: readonly string[] | undefined;
}

interface RuleMemoEntry {
  readonly data: RecordReads;
  /** The reads of top-level values that are plain records, by top-level key. */
  readonly sections: ReadonlyMap<string, RecordReads>;
  readonly thresholds: Thresholds;
  readonly today: string;
  readonly reports: readonly RuleReport[];
}

/** A key the record does not have. */
const MISSING = Symbol('missing');

function ownValue(data: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : MISSING;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameKeys(reads: RecordReads, record: Record<string, unknown>): boolean {
  if (reads.keys === undefined) return true;
  const keys = Object.keys(record);
  return keys.length === reads.keys.length && keys.every((key, i) => key === reads.keys?.[i]);
}

/**
 * The entry to keep when the rule's inputs are unchanged in `app`, else undefined. A section that
 * is a new object but reads the same gets its new value recorded, so the next check of it is one
 * identity comparison again (and the old version's section is not kept alive).
 */
function reusable(
  entry: RuleMemoEntry,
  app: Record<string, unknown>,
  thresholds: Thresholds,
  today: string,
): RuleMemoEntry | undefined {
  if (entry.thresholds !== thresholds || entry.today !== today || !sameKeys(entry.data, app)) return undefined;
  let moved = false;
  for (const [key, value] of entry.data.values) {
    const now = ownValue(app, key);
    if (now === value) continue;
    const section = entry.sections.get(key);
    if (section === undefined || !isPlainRecord(now) || !sameKeys(section, now)) return undefined;
    for (const [field, old] of section.values) if (ownValue(now, field) !== old) return undefined;
    moved = true;
  }
  if (!moved) return entry;
  const values = new Map([...entry.data.values.keys()].map((key) => [key, ownValue(app, key)]));
  return { ...entry, data: { values, keys: entry.data.keys } };
}

/**
 * `record` behind a proxy that notes in `reads` every key read (with its value) and the key list
 * when it is listed. An own value read is handed out as `view(key, value)`: the top level gives out
 * its sections watched in turn.
 */
function watch(
  record: Record<string, unknown>,
  reads: RecordReads,
  view?: (key: string, value: unknown) => unknown,
): Record<string, unknown> {
  return new Proxy(record, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== 'string') return value;
      const own = Object.prototype.hasOwnProperty.call(target, key);
      reads.values.set(key, own ? value : MISSING);
      return own && view !== undefined ? view(key, value) : value;
    },
    has(target, key) {
      if (typeof key === 'string') reads.values.set(key, ownValue(target, key));
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (typeof key !== 'string') return descriptor;
      reads.values.set(key, descriptor === undefined ? MISSING : target[key]);
      if (descriptor === undefined || view === undefined || !('value' in descriptor)) return descriptor;
      const value = view(key, descriptor.value);
      return value === descriptor.value ? descriptor : { ...descriptor, value };
    },
    ownKeys(target) {
      reads.keys = Object.keys(target);
      return Reflect.ownKeys(target);
    },
  });
}

const memos = new WeakMap<ParsedDocument, RuleMemo>();

/** The rule memo recorded by the validation of `parsed`, if any. */
export function ruleMemoOf(parsed: ParsedDocument): RuleMemo | undefined {
  return memos.get(parsed);
}

/** Records the rule memo of a validation of `parsed`, for the next version to reuse. */
export function keepRuleMemo(parsed: ParsedDocument, memo: RuleMemo): void {
  memos.set(parsed, memo);
}

/** Runs `rules` over the document's data. Never throws. Returns no findings when there is no data. */
export function runRules(
  rules: readonly RuleModule[],
  parsed: ParsedDocument,
  options: RunRulesOptions = {},
): Finding[] {
  if (!parsed.hasRoot) return [];
  const findings: Finding[] = [];
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  for (const rule of rules) {
    const override = options.severity?.[rule.id];
    if (override === 'off') continue;
    try {
      findings.push(...runRule(rule, parsed, options, override, thresholds, today));
    } catch (error) {
      findings.push(ruleErrorFinding(rule, parsed, error));
    }
  }
  return findings;
}

function runRule(
  rule: RuleModule,
  parsed: ParsedDocument,
  options: RunRulesOptions,
  override: Severity | undefined,
  thresholds: Thresholds,
  today: string,
): Finding[] {
  const app = parsed.value;
  const memo = isPlainRecord(app) ? options.memo : undefined;
  const known = memo?.previous?.get(rule);
  const kept = memo !== undefined && known !== undefined ? reusable(known, app as Record<string, unknown>, thresholds, today) : undefined;
  if (memo !== undefined && kept !== undefined) {
    memo.next.set(rule, kept);
    return kept.reports.map((report) => toFinding(rule, parsed, report, override));
  }

  const reports: RuleReport[] = [];
  // With a memo, the data is watched to learn what the rule depends on (see RuleMemo).
  const data: RecordReads = { values: new Map(), keys: undefined };
  const sections = new Map<string, RecordReads>();
  const views = new Map<string, Record<string, unknown>>();
  let usesFiles = false;
  const watched =
    memo === undefined
      ? app
      : watch(app as Record<string, unknown>, data, (key, value) => {
          // A section is handed out watched, the same view each time (identity within a run holds).
          if (!isPlainRecord(value)) return value;
          let view = views.get(key);
          if (view === undefined) {
            const reads: RecordReads = { values: new Map(), keys: undefined };
            sections.set(key, reads);
            view = watch(value, reads);
            views.set(key, view);
          }
          return view;
        });
  const ctx = {
    app: watched,
    thresholds,
    today,
    report(report: RuleReport) {
      if (!Object.prototype.hasOwnProperty.call(rule.messages, report.messageId)) {
        throw new Error(`unknown messageId "${report.messageId}"`);
      }
      reports.push(report);
    },
  } as RuleContext;
  // Watched even when there is no probe: a rule that found none (and stayed silent) must run again
  // when a later version is validated with one, so looking counts, whatever it found.
  const files = options.files;
  Object.defineProperty(ctx, 'files', {
    enumerable: true,
    get: () => {
      usesFiles = true;
      return files;
    },
  });
  rule.check(ctx);
  if (memo !== undefined && !usesFiles) memo.next.set(rule, { data, sections, thresholds, today, reports });
  return reports.map((report) => toFinding(rule, parsed, report, override));
}

function toFinding(
  rule: RuleModule,
  parsed: ParsedDocument,
  report: RuleReport,
  override: Severity | undefined,
): Finding {
  const location = locate(parsed, report.path, report.target ?? 'value');
  const message = render(messageOf(rule, report.messageId), report.params);
  const related: RelatedInfo[] = [...(location.related ?? [])];
  for (const other of report.related ?? []) {
    related.push({
      range: locate(parsed, other.path, other.target ?? 'value').range,
      message: render(messageOf(rule, other.messageId), other.params),
    });
  }
  return {
    code: rule.id,
    severity: override ?? report.severity ?? rule.defaultSeverity,
    message,
    range: location.range,
    data: {
      path: report.path,
      ...(report.suggestion !== undefined ? { suggestion: report.suggestion } : {}),
      ...(report.fixes !== undefined && report.fixes.length > 0 ? { fixes: report.fixes } : {}),
      ...(report.extra !== undefined ? { extra: report.extra } : {}),
    },
    ...(related.length > 0 ? { related } : {}),
    docs: rule.docs ?? ruleDocsPath(rule.id),
  };
}

function messageOf(rule: RuleModule, messageId: string): LocalizedText {
  const messages = rule.messages;
  const message = messages[messageId];
  if (message === undefined) throw new Error(`unknown messageId "${messageId}"`);
  return message;
}

/**
 * Fills `{name}` placeholders in both languages. A localized parameter gives each language its own
 * text; an unknown placeholder is left as written so the omission shows.
 */
export function render(
  template: LocalizedText,
  params: Readonly<Record<string, MessageParam>> = {},
): LocalizedText {
  const fill = (text: string, locale: keyof LocalizedText): string =>
    text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[locale] : String(value);
    });
  return { 'zh-cn': fill(template['zh-cn'], 'zh-cn'), en: fill(template.en, 'en') };
}

function ruleErrorFinding(rule: RuleModule, parsed: ParsedDocument, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal/rule-error',
    severity: 'error',
    message: {
      'zh-cn': `规则 ${rule.id}（${rule.name}）执行出错，已跳过：${detail}`,
      en: `Rule ${rule.id} (${rule.name}) failed and was skipped: ${detail}`,
    },
    range: firstLineRange(parsed.text),
    data: { path: [], extra: { rule: rule.id, error: detail } },
  };
}
