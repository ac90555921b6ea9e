/**
 * Converts core findings to LSP diagnostics: the one place where offsets become LSP ranges (through
 * the core's LineIndex), severities become LSP severities and messages pick the locale. Every
 * diagnostic carries `code`, `source: 'miit95'`, `data` (the finding's data plus the document
 * version, so a quick fix can drop itself when stale) and, when the rule has docs, `codeDescription`
 * (relative docs paths resolved against the session's docs base).
 */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver/node';
import type { LineIndex, Finding, FindingData, Locale, OffsetRange, Severity } from '../core';

export const DIAGNOSTIC_SOURCE = 'miit95';

/** What `Diagnostic.data` holds: the finding's data and the version of the document it was computed for. */
export type DiagnosticData = FindingData & { readonly version: number };

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(index: LineIndex, range: OffsetRange): Range {
  const start = Number.isFinite(range.start) ? range.start : 0;
  const end = Number.isFinite(range.end) ? Math.max(start, range.end) : start;
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

/** What the conversion needs to know about the document and the session. */
export interface ConvertContext {
  readonly uri: string;
  readonly version: number;
  readonly locale: Locale;
  /**
   * Absolute URL (ending in '/') that relative docs paths such as `docs/rules/R-NUMBER-003.md` resolve
   * against: the packaged extension root as a file: URL, or a web base the client chose.
   */
  readonly docsBase?: string;
}

/** The docs link as an absolute URL, or undefined: a relative path would be a broken link in the editor. */
export function docsHref(docs: string | undefined, docsBase: string | undefined): string | undefined {
  if (docs === undefined || docs === '') return undefined;
  try {
    return new URL(docs).href;
  } catch {
    // Relative: resolve against the base below.
  }
  if (docsBase === undefined) return undefined;
  try {
    return new URL(docs, docsBase).href;
  } catch {
    return undefined;
  }
}

export function toDiagnostic(finding: Finding, index: LineIndex, context: ConvertContext): Diagnostic {
  const data: DiagnosticData = { ...finding.data, version: context.version };
  const diagnostic: Diagnostic = {
    range: toRange(index, finding.range),
    severity: SEVERITIES[finding.severity] ?? DiagnosticSeverity.Error,
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message:
      finding.message[context.locale] || finding.message['zh-cn'] || finding.message.en || finding.code,
    data,
  };
  const href = docsHref(finding.docs, context.docsBase);
  if (href !== undefined) diagnostic.codeDescription = { href };
  if (finding.related !== undefined && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related): DiagnosticRelatedInformation => ({
      location: { uri: context.uri, range: toRange(index, related.range) },
      message: related.message[context.locale] || related.message['zh-cn'],
    }));
  }
  return diagnostic;
}

/**
 * The diagnostics of one document version. `lines` is the LineIndex of the text the findings were
 * computed on: the server passes the one its analysis of that version already holds.
 */
export function toDiagnostics(
  findings: readonly Finding[],
  lines: LineIndex,
  context: ConvertContext,
): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(finding, lines, context));
}
