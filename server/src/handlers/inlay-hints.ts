/**
 * Answers `textDocument/inlayHint` from the document's cached analysis: the Erlang C requirement
 * after `tech.seats` ("需要 ≥ 66 席以达到 80/20", core/features/lenses.ts). Only hints inside the
 * requested range are returned. Never throws: a failure is logged and gives no hints.
 */
import type { InlayHint, Range } from 'vscode-languageserver/node';
import { documentHints } from '../core/features/lenses';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import type { Session } from '../lsp/session';

function inside(range: Range, line: number): boolean {
  return line >= range.start.line && line <= range.end.line;
}

export function inlayHints(
  document: DocumentSnapshot | undefined,
  range: Range,
  analyses: AnalysisCache,
  session: Session,
  logError: (message: string) => void,
): InlayHint[] {
  if (document === undefined) return [];
  try {
    const analysis = analyses.get(document);
    if (analysis.kind === 'config') return []; // `.miit95.yaml`: not an application
    return documentHints(analysis.result?.document, session.locale).flatMap((hint) => {
      const position = analysis.lines.positionAt(hint.offset);
      if (!inside(range, position.line)) return [];
      return [{ position, label: hint.label, tooltip: hint.tooltip, paddingLeft: true }];
    });
  } catch (error) {
    logError(`miit95: inlay hints of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
}
