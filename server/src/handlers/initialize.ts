/**
 * Answers `initialize`: the capabilities the server implements (incremental text sync; clients that
 * only send full text work too), and opens the session (lsp/session.ts).
 */
import {
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { openSession, type Session } from '../lsp/session';
import { COMPLETION_TRIGGER_CHARACTERS } from './completion';
import { CODE_ACTION_KINDS } from './code-actions';

export const SERVER_NAME = 'miit95';

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeLensProvider: { resolveProvider: false }, // readiness, fees, number lookup (code-lens.ts)
    inlayHintProvider: true, // Erlang C seats requirement (inlay-hints.ts)
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS }, // completion.ts
    hoverProvider: true, // hover.ts
    documentSymbolProvider: true, // symbols.ts
    foldingRangeProvider: true, // folding.ts
    codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false }, // code-actions.ts
    documentLinkProvider: { resolveProvider: false }, // attachment paths (document-links.ts)
    definitionProvider: true, // site and link ids (id-navigation.ts)
    referencesProvider: true, // site and link ids (id-navigation.ts)
  };
}

export function initialize(
  params: InitializeParams,
  version: string,
): { result: InitializeResult; session: Session } {
  return {
    session: openSession(params),
    result: { capabilities: serverCapabilities(), serverInfo: { name: SERVER_NAME, version } },
  };
}
