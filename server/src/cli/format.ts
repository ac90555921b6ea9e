/**
 * Renders checked files for the CLI: 1-based positions from the core's LineIndex, the text format
 * (one line per finding, then a summary) and the JSON format (exactly one object: the findings and
 * the suppression comments that apply, for review). Severities and codes stay untranslated so
 * scripts and problem matchers can rely on them.
 */
import {
  LineIndex,
  type Finding,
  type Locale,
  type Severity,
  type Suppression,
  type SuppressionScope,
} from '../core';
import { summaryText, type Counts } from './messages';

export interface CheckedFile {
  /** Path as shown to the user: relative to the working directory. */
  readonly file: string;
  readonly text: string;
  readonly findings: readonly Finding[];
  /** The suppression comments of an application (none for a configuration file). */
  readonly suppressions?: readonly Suppression[];
}

export interface JsonSuppression {
  readonly file: string;
  readonly rule: string;
  readonly reason: string;
  /** The 1-based line of the directive comment. */
  readonly line: number;
  readonly scope: SuppressionScope;
  /** True when it suppressed at least one finding. */
  readonly used: boolean;
}

export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** One line: newlines inside a message would break the one-finding-per-line contract. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function toJsonFindings(files: readonly CheckedFile[], locale: Locale): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const checked of files) {
    const index = new LineIndex(checked.text);
    for (const finding of checked.findings) {
      const start = index.positionAt(finding.range.start);
      const end = index.positionAt(Math.max(finding.range.start, finding.range.end));
      out.push({
        file: checked.file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: finding.severity,
        code: finding.code,
        message: oneLine(finding.message[locale]),
      });
    }
  }
  return out;
}

export function countFindings(files: readonly CheckedFile[]): Counts {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const checked of files) {
    for (const finding of checked.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      else notes++;
    }
  }
  return { files: files.length, errors, warnings, notes };
}

/**
 * The findings, one per line, then the summary. `unusable` counts the inputs that could not be
 * checked (their messages went to stderr): the summary is printed when anything was checked or
 * failed, so a run over a single unreadable file still ends with one.
 */
export function renderText(files: readonly CheckedFile[], locale: Locale, unusable = 0): string {
  const lines = toJsonFindings(files, locale).map(
    (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`,
  );
  if (files.length > 0 || unusable > 0)
    lines.push(summaryText({ ...countFindings(files), unusable }, locale));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function toJsonSuppressions(files: readonly CheckedFile[]): JsonSuppression[] {
  return files.flatMap((checked) =>
    (checked.suppressions ?? []).map((s) => ({
      file: checked.file,
      rule: s.rule,
      reason: s.reason,
      line: s.line,
      scope: s.scope,
      used: s.used,
    })),
  );
}

export function renderJson(files: readonly CheckedFile[], locale: Locale): string {
  const output = { findings: toJsonFindings(files, locale), suppressions: toJsonSuppressions(files) };
  return `${JSON.stringify(output, null, 2)}\n`;
}
