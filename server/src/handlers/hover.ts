/**
 * Answers `textDocument/hover` from the document's cached analysis: the parsed document and the
 * findings of the same version go to core/features/hover.ts, whose Markdown is returned with the
 * range it is about. Rule documentation links resolve against the session's docs base. Never throws:
 * a failure is logged and gives no hover.
 */
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { configHoverAt, hoverAt } from '../core';
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
    if (parsed === undefined) return null;
    const offset = analysis.lines.offsetAt(params.position);
    const linkFor = (docs: string): string | undefined => docsHref(docs, session.docsBase);
    // A `.miit95.yaml`: its keys and rule IDs (core/features/config-features.ts).
    const result =
      analysis.kind === 'config'
        ? configHoverAt(parsed, offset, { locale: session.locale, linkFor })
        : hoverAt(parsed, offset, { locale: session.locale, findings: analysis.findings, linkFor });
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
