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
import type { FileProbe } from '../service';
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
 * What a rule reported last time and what that depended on: the top-level sections of the data it
 * read (by identity: the incremental parse keeps unchanged sections as the same objects), whether
 * it listed the top-level keys, the thresholds and the date. A rule whose inputs are all the same
 * reports the same (rules are pure functions of their context), so its reports are reused and only
 * placed again in the new text. A rule that looked at the disk (ctx.files) is always run.
 */
export type RuleMemo = Map<RuleModule, RuleMemoEntry>;

interface RuleMemoEntry {
  readonly reads: ReadonlyMap<string, unknown>;
  readonly keys: readonly string[] | undefined;
  readonly thresholds: Thresholds;
  readonly today: string;
  readonly reports: readonly RuleReport[];
}

/** A top-level key the data does not have. */
const MISSING = Symbol('missing');

function ownValue(data: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : MISSING;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameInputs(entry: RuleMemoEntry, app: Record<string, unknown>, thresholds: Thresholds, today: string): boolean {
  if (entry.thresholds !== thresholds || entry.today !== today) return false;
  for (const [key, value] of entry.reads) if (ownValue(app, key) !== value) return false;
  if (entry.keys !== undefined) {
    const keys = Object.keys(app);
    if (keys.length !== entry.keys.length || keys.some((key, i) => key !== entry.keys?.[i])) return false;
  }
  return true;
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
  if (memo !== undefined && known !== undefined && sameInputs(known, app as Record<string, unknown>, thresholds, today)) {
    memo.next.set(rule, known);
    return known.reports.map((report) => toFinding(rule, parsed, report, override));
  }

  const reports: RuleReport[] = [];
  // With a memo, the data is watched at its top level to learn what the rule depends on.
  const reads = new Map<string, unknown>();
  let keys: string[] | undefined;
  let usesFiles = false;
  const watched =
    memo === undefined
      ? app
      : new Proxy(app as Record<string, unknown>, {
          get(target, key, receiver) {
            if (typeof key === 'string') reads.set(key, ownValue(target, key));
            return Reflect.get(target, key, receiver) as unknown;
          },
          has(target, key) {
            if (typeof key === 'string') reads.set(key, ownValue(target, key));
            return Reflect.has(target, key);
          },
          getOwnPropertyDescriptor(target, key) {
            if (typeof key === 'string') reads.set(key, ownValue(target, key));
            return Reflect.getOwnPropertyDescriptor(target, key);
          },
          ownKeys(target) {
            keys = Object.keys(target);
            return Reflect.ownKeys(target);
          },
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
  const files = options.files;
  if (files !== undefined) {
    Object.defineProperty(ctx, 'files', {
      enumerable: true,
      get: () => {
        usesFiles = true;
        return files;
      },
    });
  }
  rule.check(ctx);
  if (memo !== undefined && !usesFiles) memo.next.set(rule, { reads, keys, thresholds, today, reports });
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
