/**
 * What the server knows about its client for the whole session, decided once at `initialize`: the
 * display language of its messages (locale.ts) and the base of the rule documentation links
 * (host/docs-base.ts).
 */
import type { InitializeParams } from 'vscode-languageserver/node';
import type { Locale } from '../core';
import { resolveDocsBase } from '../host/docs-base';
import { resolveLocale } from './locale';

export interface Session {
  readonly locale: Locale;
  /** Base URL for relative rule docs paths; undefined when it cannot be found. */
  readonly docsBase: string | undefined;
}

/** The session a client's `initialize` request opens. */
export function openSession(params: InitializeParams): Session {
  return { locale: resolveLocale(params), docsBase: resolveDocsBase(params.initializationOptions) };
}
