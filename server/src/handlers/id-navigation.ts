/**
 * Answers `textDocument/definition` and `textDocument/references` for the site and link ids of the
 * technical plan used by the routing scenarios (core/features/id-references.ts), from the cached
 * analysis. Never throws: a failure is logged and gives no locations.
 */
import type { DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver/node';
import { definitionsAt, referencesAt, type IdOccurrence } from '../core';
import type { Analysis, AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { toRange } from '../lsp/convert';

type Lookup = (analysis: Analysis, offset: number) => IdOccurrence[];

function locations(
  what: string,
  uri: string,
  position: DefinitionParams['position'],
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  lookup: Lookup,
  logError: (message: string) => void,
): Location[] {
  if (document === undefined || document.uri !== uri) return [];
  try {
    const analysis = analyses.get(document);
    if (analysis.kind === 'config' || analysis.result?.document === undefined) return [];
    return lookup(analysis, analysis.lines.offsetAt(position)).map((o) => ({
      uri,
      range: toRange(analysis.lines, o.range),
    }));
  } catch (error) {
    logError(
      `miit95: ${what} in ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return [];
  }
}

export function definition(
  params: DefinitionParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  logError: (message: string) => void,
): Location[] {
  return locations(
    'definition',
    params.textDocument.uri,
    params.position,
    document,
    analyses,
    (a, offset) => (a.result?.document === undefined ? [] : definitionsAt(a.result.document, offset)),
    logError,
  );
}

export function references(
  params: ReferenceParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  logError: (message: string) => void,
): Location[] {
  const include = params.context?.includeDeclaration === true;
  return locations(
    'references',
    params.textDocument.uri,
    params.position,
    document,
    analyses,
    (a, offset) => (a.result?.document === undefined ? [] : referencesAt(a.result.document, offset, include)),
    logError,
  );
}
