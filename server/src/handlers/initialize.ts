/**
 * Answers `initialize`: the capabilities the server implements (incremental text sync; clients that
 * only send full text work too), the display language and the base of the rule docs links.
 */
import {
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import type { Locale } from '../core';
import { resolveDocsBase } from './docs-base';
import { resolveLocale } from './locale';
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

export interface Session {
  readonly locale: Locale;
  /** Base URL for relative rule docs paths; undefined when it cannot be found. */
  readonly docsBase: string | undefined;
}

export function initialize(
  params: InitializeParams,
  version: string,
): { result: InitializeResult; session: Session } {
  return {
    session: { locale: resolveLocale(params), docsBase: resolveDocsBase(params.initializationOptions) },
    result: { capabilities: serverCapabilities(), serverInfo: { name: SERVER_NAME, version } },
  };
}
