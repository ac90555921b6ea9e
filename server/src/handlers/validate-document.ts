/**
 * Computes the diagnostics of one document version: validate (guarded) with the document's probe,
 * then convert. Never throws: any failure, in the core or in the conversion, becomes one
 * `internal/server-error` diagnostic and a line in the connection log.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { describeError, internalErrorFinding, validateSafely } from '../node/validate-safely';
import { toDiagnostics } from './convert';
import type { Session } from './initialize';
import { probeForUri } from './document-probe';

export interface DocumentSnapshot {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack !== undefined ? error.stack : describeError(error);
}

export function diagnosticsFor(
  document: DocumentSnapshot,
  session: Session,
  logError: (message: string) => void,
): Diagnostic[] {
  const text = document.getText();
  const context = {
    uri: document.uri,
    version: document.version,
    locale: session.locale,
    ...(session.docsBase === undefined ? {} : { docsBase: session.docsBase }),
  };
  try {
    const { findings, error } = validateSafely(text, probeForUri(document.uri));
    if (error !== undefined)
      logError(
        `miit95: validation of ${document.uri} (version ${document.version}) failed: ${stackOf(error)}`,
      );
    return toDiagnostics(findings, text, context);
  } catch (error) {
    logError(
      `miit95: diagnostics of ${document.uri} (version ${document.version}) failed: ${stackOf(error)}`,
    );
    return toDiagnostics([internalErrorFinding(text, error)], text, context);
  }
}
