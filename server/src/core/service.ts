/**
 * The core's entry point: validates one application text and returns findings sorted by position.
 * Parses once, then syntax findings, schema findings (against the cached compiled schemas) and the
 * domain rules. A failure inside any stage becomes one `internal/<stage>-error` finding; `validate`
 * never throws. Runs on every keystroke, so nothing here recompiles or re-walks the document.
 */
import type { Finding, Severity } from './types';
import { firstLineRange } from './document/locate';
import { parseApplication, type ParsedDocument } from './document/parse';
import { syntaxFindings } from './document/syntax';
import type { RuleModule } from './rules/define-rule';
import { runRules, type RuleSeverityOverrides } from './rules/engine';
import { allRules } from './rules/index';
import type { Thresholds } from './config/thresholds';
import { schemaFindings } from './schema/findings';
import { getApplicationValidator, type SchemaValidator } from './schema/registry';

/** How an attachment path (relative to the application file) resolves on disk. Injected: the core never touches fs. */
export type FileKind = 'file' | 'directory' | 'missing' | 'outside';
export interface FileProbe {
  probe(relativePath: string): FileKind;
}

export interface ValidateOptions {
  /** Attachment existence, injected by the server/CLI. Without it, attachment rules stay silent. */
  readonly files?: FileProbe;
  /** Per-rule severity overrides by rule ID (from `.miit95.yaml`); `off` disables a rule. */
  readonly ruleSeverity?: RuleSeverityOverrides;
  /** Rule thresholds (from `.miit95.yaml`); the defaults otherwise. */
  readonly thresholds?: Thresholds;
  /** Today's date `YYYY-MM-DD` for date rules; the current UTC date otherwise. */
  readonly today?: string;
  /** The rules to run; all rules of the catalogue by default (tests pass their own). */
  readonly rules?: readonly RuleModule[];
  /** The schema set to validate against; the application schemas by default (tests pass their own). */
  readonly schema?: SchemaValidator;
}

export interface ValidationResult {
  /** All findings, sorted by start offset, then end offset, then severity, then code. */
  readonly findings: readonly Finding[];
  /** The parsed document, for features that need the tree or the data (absent if parsing failed). */
  readonly document?: ParsedDocument;
}

/** Validates an application text. Never throws. */
export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  let parsed: ParsedDocument;
  try {
    parsed = parseApplication(text);
  } catch (error) {
    return { findings: [internalFinding('parse', error, text)] };
  }
  return { findings: validateDocument(parsed, options), document: parsed };
}

/**
 * Validates an already parsed document (see `parseApplication`). Never throws. Schema and rule
 * findings that start on a line with a YAML syntax error, or overlap one, are left out: the data
 * there is the parser's best guess, and the syntax error is the cause to fix.
 */
export function validateDocument(parsed: ParsedDocument, options: ValidateOptions = {}): Finding[] {
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
      dataFindings.push(
        ...runRules(options.rules ?? allRules, parsed, {
          ...(options.files !== undefined ? { files: options.files } : {}),
          ...(options.ruleSeverity !== undefined ? { severity: options.ruleSeverity } : {}),
          ...(options.thresholds !== undefined ? { thresholds: options.thresholds } : {}),
          ...(options.today !== undefined ? { today: options.today } : {}),
        }),
      );
    } catch (error) {
      findings.push(internalFinding('rules', error, parsed.text));
    }
    findings.push(...withoutSyntaxShadow(parsed, findings, dataFindings));
  }
  return findings.sort(compareFindings);
}

/** Drops data findings on the lines (or ranges) of YAML syntax errors. */
function withoutSyntaxShadow(
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
  stage: 'parse' | 'syntax' | 'schema' | 'rules',
  error: unknown,
  text: string,
): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  const what: Record<typeof stage, { 'zh-cn': string; en: string }> = {
    parse: { 'zh-cn': '解析', en: 'Parsing' },
    syntax: { 'zh-cn': '语法检查', en: 'The syntax check' },
    schema: { 'zh-cn': '结构校验', en: 'Schema validation' },
    rules: { 'zh-cn': '规则检查', en: 'The rule check' },
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
