/**
 * Answers `initialize`: the capabilities the server implements (incremental text sync; clients that
 * only send full text work too) and the display language it will use.
 */
import {
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import type { Locale } from '../core';
import { resolveLocale } from './locale';

export const SERVER_NAME = 'miit95';

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
}

export function initialize(params: InitializeParams, version: string): { result: InitializeResult; locale: Locale } {
  return {
    locale: resolveLocale(params),
    result: { capabilities: serverCapabilities(), serverInfo: { name: SERVER_NAME, version } },
  };
}
