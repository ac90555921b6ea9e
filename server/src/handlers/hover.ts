/**
 * Answers `textDocument/hover` from the document's cached analysis: the parsed document and the
 * findings of the same version go to core/features/hover.ts, whose Markdown is returned with the
 * range it is about. Rule documentation links resolve against the session's docs base. Never throws:
 * a failure is logged and gives no hover.
 */
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../core';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { docsHref, toRange } from '../lsp/convert';
import type { Session } from '../lsp/session';

export function hover(
  params: HoverParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  session: Session,
  logError: (message: string) => void,
): Hover | null {
  if (document === undefined) return null;
  try {
    const analysis = analyses.get(document);
    const parsed = analysis.result?.document;
    if (analysis.kind === 'config' || parsed === undefined) return null;
    const result = hoverAt(parsed, analysis.lines.offsetAt(params.position), {
      locale: session.locale,
      findings: analysis.findings,
      linkFor: (docs) => docsHref(docs, session.docsBase),
    });
    if (result === undefined) return null;
    return {
      contents: { kind: 'markdown', value: result.markdown },
      range: toRange(analysis.lines, result.range),
    };
  } catch (error) {
    logError(
      `miit95: hover in ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return null;
  }
}
