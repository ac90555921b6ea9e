/**
 * Answers `textDocument/codeLens` from the document's cached analysis: the readiness lens on
 * `apiVersion`, a fee lens on each candidate number and the R-NUMBER-009 reminder
 * (core/features/lenses.ts computes them; this module only converts to LSP and picks the client
 * command of each action). Never throws: a failure is logged and gives no lenses.
 */
import type { CodeLens, Command } from 'vscode-languageserver/node';
import { documentLenses, type LensAction } from '../core/features/lenses';
import { CLIENT_COMMANDS } from '../editor-protocol';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { toRange } from '../lsp/convert';
import type { Session } from '../lsp/session';

function commandOf(action: LensAction, title: string, uri: string, tooltip: string | undefined): Command {
  const base = tooltip === undefined ? { title } : { title, tooltip };
  switch (action.kind) {
    case 'showProblems':
      return { ...base, command: CLIENT_COMMANDS.showProblems };
    case 'showFeePreview':
      return { ...base, command: CLIENT_COMMANDS.showFeePreview, arguments: [uri] };
    case 'openRuleDoc':
      return { ...base, command: CLIENT_COMMANDS.openRuleDoc, arguments: [action.ruleId] };
  }
}

export function codeLenses(
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  session: Session,
  logError: (message: string) => void,
): CodeLens[] {
  if (document === undefined) return [];
  try {
    const analysis = analyses.get(document);
    if (analysis.kind === 'config') return []; // `.miit95.yaml`: not an application
    return documentLenses(analysis.findings, analysis.result?.document, session.locale).map((lens) => ({
      range: toRange(analysis.lines, lens.range),
      command: commandOf(lens.action, lens.title, document.uri, lens.tooltip),
    }));
  } catch (error) {
    logError(`miit95: code lenses of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
}
