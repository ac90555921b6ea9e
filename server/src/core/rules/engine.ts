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
}

/** Runs `rules` over the document's data. Never throws. Returns no findings when there is no data. */
export function runRules(
  rules: readonly RuleModule[],
  parsed: ParsedDocument,
  options: RunRulesOptions = {},
): Finding[] {
  if (!parsed.hasRoot) return [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    const override = options.severity?.[rule.id];
    if (override === 'off') continue;
    try {
      findings.push(...runRule(rule, parsed, options, override));
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
): Finding[] {
  const reports: RuleReport[] = [];
  const ctx: RuleContext = {
    app: parsed.value,
    ...(options.files !== undefined ? { files: options.files } : {}),
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    report(report) {
      if (!Object.prototype.hasOwnProperty.call(rule.messages, report.messageId)) {
        throw new Error(`unknown messageId "${report.messageId}"`);
      }
      reports.push(report);
    },
  };
  rule.check(ctx);
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
