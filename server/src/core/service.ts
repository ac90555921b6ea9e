/**
 * The core's entry point: validates one application text and returns findings sorted by position.
 * Parses once, then syntax findings, schema findings (against the cached compiled schemas), the
 * domain rules (with the configuration's severities and thresholds) and the suppression comments.
 * A failure inside any stage becomes one `internal/<stage>-error` finding; `validate` never throws.
 * Runs on every keystroke, so nothing here recompiles or re-walks the document.
 */
import type { Finding, Severity } from './types';
import { firstLineRange } from './document/locate';
import { parseApplication, type ParsedDocument } from './document/parse';
import { reparseApplication } from './document/incremental';
import { syntaxFindings } from './document/syntax';
import type { RuleModule } from './rules/define-rule';
import {
  keepRuleMemo,
  ruleMemoOf,
  runRules,
  type RuleMemo,
  type RuleSeverityOverrides,
} from './rules/engine';
import { allRules } from './rules/index';
import type { Thresholds } from './config/thresholds';
import { mergeSeverities, type ResolvedConfig } from './config/config';
import { applySuppressions, type Suppression } from './suppressions';
import { schemaFindings } from './schema/findings';
import { getApplicationValidator, type SchemaValidator } from './schema/registry';

import type { FileProbe } from './files';

export interface ValidateOptions {
  /** Attachment existence, injected by the server/CLI. Without it, attachment rules stay silent. */
  readonly files?: FileProbe;
  /**
   * The configuration (`loadConfig` of the nearest `.miit95.yaml`, with the user's overrides merged
   * by `mergeSeverities`); the defaults otherwise.
   */
  readonly config?: ResolvedConfig;
  /** Per-rule severity overrides by rule ID, applied on top of `config.severities`; `off` disables a rule. */
  readonly ruleSeverity?: RuleSeverityOverrides;
  /** Rule thresholds; replaces `config.thresholds` when given. */
  readonly thresholds?: Thresholds;
  /** Today's date `YYYY-MM-DD` for date rules; the current UTC date otherwise. */
  readonly today?: string;
  /** The rules to run; all rules of the catalogue by default (tests pass their own). */
  readonly rules?: readonly RuleModule[];
  /** The schema set to validate against; the application schemas by default (tests pass their own). */
  readonly schema?: SchemaValidator;
  /**
   * The parse of an earlier version of the same document (`result.document` of its validation):
   * the unchanged parts of its tree, and the rule results that depend only on unchanged sections,
   * are reused (document/incremental.ts, rules/engine.ts). The result is the same as without it; it
   * only saves time. The earlier parse is consumed: its tree now serves the new version, so do not
   * use it afterwards (pass each parse as `previous` at most once).
   */
  readonly previous?: ParsedDocument;
  /**
   * False when no later version will build on this validation (the CLI checking a file): the rules'
   * inputs are then not recorded for reuse (recording watches every read, ~0.3 ms a validation).
   * The findings are the same either way. Default true.
   */
  readonly keepForReuse?: boolean;
}

export interface ValidationResult {
  /** All findings, sorted by start offset, then end offset, then severity, then code. */
  readonly findings: readonly Finding[];
  /** The parsed document, for features that need the tree or the data (absent if parsing failed). */
  readonly document?: ParsedDocument;
  /**
   * The suppression comments that can apply (with a reason and a known rule), whether used or not,
   * for the CLI's JSON output and the export manifest. Always set by `validate`; optional so that
   * stand-ins in tests may leave it out.
   */
  readonly suppressions?: readonly Suppression[];
}

/** Validates an application text. Never throws. */
export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  let parsed: ParsedDocument;
  try {
    parsed =
      options.previous !== undefined ? reparseApplication(options.previous, text) : parseApplication(text);
  } catch (error) {
    return { findings: [internalFinding('parse', error, text)], suppressions: [] };
  }
  const { findings, suppressions } = checkDocument(parsed, options);
  return { findings, document: parsed, suppressions };
}

/**
 * Validates an already parsed document (see `parseApplication`). Never throws. Schema and rule
 * findings that start on a line with a YAML syntax error, or overlap one, are left out: the data
 * there is the parser's best guess, and the syntax error is the cause to fix.
 */
export function validateDocument(parsed: ParsedDocument, options: ValidateOptions = {}): Finding[] {
  return checkDocument(parsed, options).findings;
}

function checkDocument(
  parsed: ParsedDocument,
  options: ValidateOptions,
): { findings: Finding[]; suppressions: Suppression[] } {
  const rules = options.rules ?? allRules;
  const severity = mergeSeverities(options.config?.severities, options.ruleSeverity);
  const thresholds = options.thresholds ?? options.config?.thresholds;
  const findings: Finding[] = [];
  try {
    findings.push(...syntaxFindings(parsed));
  } catch (error) {
    findings.push(internalFinding('syntax', error, parsed.text));
  }
  if (parsed.hasRoot) {
    const dataFindings: Finding[] = [];
    try {
      dataFindings.push(...schemaFindings(parsed, options.schema ?? getApplicationValidator()));
    } catch (error) {
      findings.push(internalFinding('schema', error, parsed.text));
    }
    try {
      // The rules' results of the previous version are reused where their inputs are unchanged.
      const memo =
        options.keepForReuse === false
          ? undefined
          : { previous: options.previous && ruleMemoOf(options.previous), next: new Map() as RuleMemo };
      dataFindings.push(
        ...runRules(rules, parsed, {
          ...(options.files !== undefined ? { files: options.files } : {}),
          severity,
          ...(thresholds !== undefined ? { thresholds } : {}),
          ...(options.today !== undefined ? { today: options.today } : {}),
          ...(memo !== undefined ? { memo } : {}),
        }),
      );
      if (memo !== undefined) keepRuleMemo(parsed, memo.next);
    } catch (error) {
      findings.push(internalFinding('rules', error, parsed.text));
    }
    findings.push(...withoutSyntaxShadow(parsed, findings, dataFindings));
  }
  let suppressions: Suppression[] = [];
  let result = findings;
  try {
    const outcome = applySuppressions(parsed.text, parsed.lines, findings, {
      knownRules: rules.map((rule) => rule.id),
      disabledRules: new Set(Object.keys(severity).filter((id) => severity[id] === 'off')),
      // A missing finding proves nothing when the rules did not see trustworthy data.
      reportUnused:
        parsed.hasRoot &&
        !findings.some(
          (f) => f.code.startsWith('internal/') || (f.code.startsWith('yaml/') && f.severity === 'error'),
        ),
    });
    result = outcome.findings;
    suppressions = outcome.suppressions;
  } catch (error) {
    findings.push(internalFinding('suppressions', error, parsed.text));
  }
  return { findings: result.sort(compareFindings), suppressions };
}

/**
 * Drops data findings on the lines (or ranges) of YAML syntax errors. Shared with the configuration
 * loader.
 */
export function withoutSyntaxShadow(
  parsed: ParsedDocument,
  syntax: readonly Finding[],
  data: readonly Finding[],
): Finding[] {
  const errors = syntax.filter((f) => f.severity === 'error' && f.code.startsWith('yaml/'));
  if (errors.length === 0) return [...data];
  const lines = new Set(errors.map((f) => parsed.lines.positionAt(f.range.start).line));
  return data.filter(
    (finding) =>
      finding.code.startsWith('internal/') ||
      (!lines.has(parsed.lines.positionAt(finding.range.start).line) &&
        !errors.some(
          (error) => finding.range.start < error.range.end && error.range.start < finding.range.end,
        )),
  );
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Orders findings by position, then severity (errors first), then code. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

function internalFinding(
  stage: 'parse' | 'syntax' | 'schema' | 'rules' | 'suppressions',
  error: unknown,
  text: string,
): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  const what: Record<typeof stage, { 'zh-cn': string; en: string }> = {
    parse: { 'zh-cn': '解析', en: 'Parsing' },
    syntax: { 'zh-cn': '语法检查', en: 'The syntax check' },
    schema: { 'zh-cn': '结构校验', en: 'Schema validation' },
    rules: { 'zh-cn': '规则检查', en: 'The rule check' },
    suppressions: { 'zh-cn': '抑制注释处理', en: 'Applying the suppression comments' },
  };
  return {
    code: `internal/${stage}-error`,
    severity: 'error',
    message: {
      'zh-cn': `${what[stage]['zh-cn']}时发生内部错误，结果可能不完整：${detail}`,
      en: `${what[stage].en} failed with an internal error; results may be incomplete: ${detail}`,
    },
    range: firstLineRange(text),
    data: { path: [], extra: { error: detail } },
  };
}
