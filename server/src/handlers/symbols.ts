/**
 * Answers `textDocument/documentSymbol` with the hierarchical outline of core/features/symbols.ts
 * (sections named after the materials, then fields, lists and list items), from the cached analysis.
 * Never throws: a failure is logged and gives an empty outline.
 */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver/node';
import { documentSymbols, type LineIndex, type OutlineKind, type OutlineSymbol } from '../core';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { toRange } from '../lsp/convert';
import type { Session } from '../lsp/session';

const KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  section: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  item: SymbolKind.Struct,
  field: SymbolKind.Field,
  value: SymbolKind.String,
};

function convert(symbol: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  const out: DocumentSymbol = {
    name: symbol.name,
    kind: KINDS[symbol.kind],
    range: toRange(lines, symbol.range),
    selectionRange: toRange(lines, symbol.selectionRange),
    children: symbol.children.map((child) => convert(child, lines)),
  };
  if (symbol.detail !== undefined) out.detail = symbol.detail;
  return out;
}

export function symbols(
  params: DocumentSymbolParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  session: Session,
  logError: (message: string) => void,
): DocumentSymbol[] {
  if (document === undefined || document.uri !== params.textDocument.uri) return [];
  try {
    const analysis = analyses.get(document);
    const parsed = analysis.result?.document;
    if (analysis.kind === 'config' || parsed === undefined) return [];
    return documentSymbols(parsed, session.locale).map((symbol) => convert(symbol, analysis.lines));
  } catch (error) {
    logError(
      `miit95: outline of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return [];
  }
}
