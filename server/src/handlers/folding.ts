/**
 * Answers `textDocument/foldingRange` with the ranges of core/features/folding.ts (entries and list
 * items that span lines, comment runs, `# region` markers), from the cached analysis. Never throws: a
 * failure is logged and gives no ranges (the editor then folds by indentation).
 */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import { foldingRanges } from '../core';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';

export function folding(
  params: FoldingRangeParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  logError: (message: string) => void,
): FoldingRange[] | null {
  if (document === undefined || document.uri !== params.textDocument.uri) return null;
  try {
    const analysis = analyses.get(document);
    const parsed = analysis.result?.document;
    if (parsed === undefined) return null;
    return foldingRanges(parsed).map((range): FoldingRange => ({
      startLine: range.startLine,
      endLine: range.endLine,
      ...(range.kind === 'comment'
        ? { kind: FoldingRangeKind.Comment }
        : range.kind === 'region'
          ? { kind: FoldingRangeKind.Region }
          : {}),
    }));
  } catch (error) {
    logError(
      `miit95: folding ranges of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return null;
  }
}
