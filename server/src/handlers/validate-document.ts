/**
 * Computes the diagnostics of one document version: validate (guarded) with the document's probe,
 * then convert. Never throws: any failure, in the core or in the conversion, becomes one
 * `internal/server-error` diagnostic and a line in the connection log.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { LineIndex } from '../core';
import { describeError, internalErrorFinding } from '../node/validate-safely';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { toDiagnostics } from '../lsp/convert';
import type { Session } from '../lsp/session';

export type { DocumentSnapshot } from '../lsp/analysis';

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack !== undefined ? error.stack : describeError(error);
}

export function diagnosticsFor(
  document: DocumentSnapshot,
  session: Session,
  analyses: AnalysisCache,
  logError: (message: string) => void,
): Diagnostic[] {
  const context = {
    uri: document.uri,
    version: document.version,
    locale: session.locale,
    ...(session.docsBase === undefined ? {} : { docsBase: session.docsBase }),
  };
  try {
    const { findings, error, lines } = analyses.get(document);
    if (error !== undefined)
      logError(
        `miit95: validation of ${document.uri} (version ${document.version}) failed: ${stackOf(error)}`,
      );
    return toDiagnostics(findings, lines, context);
  } catch (error) {
    logError(
      `miit95: diagnostics of ${document.uri} (version ${document.version}) failed: ${stackOf(error)}`,
    );
    // No analysis to borrow the line index from: index the text here (this path is rare).
    const text = document.getText();
    return toDiagnostics([internalErrorFinding(text, error)], new LineIndex(text), context);
  }
}
