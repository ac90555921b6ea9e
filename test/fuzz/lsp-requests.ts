/**
 * Asks a running server every document request its capabilities announce (hover, completion, code
 * actions, symbols, lenses, inlay hints, folding, links…) and checks the answers: each request is
 * answered without an error, and every range or position in an answer lies inside the document the
 * request was made on. New features are covered as soon as they announce a capability.
 */
import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  Diagnostic,
  Position,
  ProtocolConnection,
  Range,
  ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import type { LspClient } from '../lsp/client';
import { assertRangeInDocument } from './edits';

/** The test client's connection (private there: it offers no generic request of its own). */
export function connectionOf(client: LspClient): ProtocolConnection {
  return (client as unknown as { connection: ProtocolConnection }).connection;
}

export interface DocumentRequest {
  readonly method: string;
  readonly params: object;
}

/** The document requests the capabilities announce, at `position` (and the whole document as range). */
export function documentRequests(
  capabilities: ServerCapabilities,
  document: TextDocument,
  position: Position,
  diagnostics: readonly Diagnostic[],
): DocumentRequest[] {
  const textDocument = { uri: document.uri };
  const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  const at = { textDocument, position };
  const requests: DocumentRequest[] = [];
  const add = (enabled: unknown, method: string, params: object): void => {
    if (enabled !== undefined && enabled !== false && enabled !== null) requests.push({ method, params });
  };
  add(capabilities.hoverProvider, 'textDocument/hover', at);
  add(capabilities.completionProvider, 'textDocument/completion', at);
  add(capabilities.definitionProvider, 'textDocument/definition', at);
  add(capabilities.referencesProvider, 'textDocument/references', { ...at, context: { includeDeclaration: true } });
  add(capabilities.documentHighlightProvider, 'textDocument/documentHighlight', at);
  add(capabilities.signatureHelpProvider, 'textDocument/signatureHelp', at);
  add(capabilities.selectionRangeProvider, 'textDocument/selectionRange', { textDocument, positions: [position] });
  add(capabilities.documentSymbolProvider, 'textDocument/documentSymbol', { textDocument });
  add(capabilities.codeLensProvider, 'textDocument/codeLens', { textDocument });
  add(capabilities.foldingRangeProvider, 'textDocument/foldingRange', { textDocument });
  add(capabilities.documentLinkProvider, 'textDocument/documentLink', { textDocument });
  add(capabilities.inlayHintProvider, 'textDocument/inlayHint', { textDocument, range: whole });
  add(capabilities.documentFormattingProvider, 'textDocument/formatting', {
    textDocument,
    options: { tabSize: 2, insertSpaces: true },
  });
  add(capabilities.codeActionProvider, 'textDocument/codeAction', {
    textDocument,
    range: whole,
    context: { diagnostics, triggerKind: 1 },
  });
  add(capabilities.codeActionProvider, 'textDocument/codeAction', {
    textDocument,
    range: { start: position, end: position },
    context: { diagnostics: diagnostics.filter((d) => d.range.start.line === position.line) },
  });
  const semantic = capabilities.semanticTokensProvider;
  if (semantic !== undefined && semantic.full !== undefined && semantic.full !== false)
    requests.push({ method: 'textDocument/semanticTokens/full', params: { textDocument } });
  return requests;
}

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p['line'] === 'number' && typeof p['character'] === 'number';
}

function isRange(value: unknown): value is Range {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return isPosition(r['start']) && isPosition(r['end']);
}

/**
 * Checks every range and position in an answer against `document`. Workspace edits are followed
 * only into edits of this document (an edit may target another file, e.g. `.miit95.yaml`).
 */
export function assertAnswerInDocument(answer: unknown, document: TextDocument, what: string): void {
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${where}[${i}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (isRange(value)) {
      assertRangeInDocument(document, value, `${what} ${where}`);
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'changes' && typeof child === 'object' && child !== null) {
        walk((child as Record<string, unknown>)[document.uri], `${where}.changes`);
      } else if (key === 'documentChanges' && Array.isArray(child)) {
        child.forEach((change: { textDocument?: { uri?: string }; edits?: unknown }, i) => {
          if (change.textDocument?.uri === document.uri) walk(change.edits, `${where}.documentChanges[${i}]`);
        });
      } else if ((key === 'position' || key === 'start' || key === 'end') && isPosition(child)) {
        assertRangeInDocument(document, { start: child, end: child }, `${what} ${where}.${key}`);
      } else if ((key === 'startLine' || key === 'endLine') && typeof child === 'number') {
        assert.ok(child >= 0 && child < document.lineCount, `${what} ${where}.${key} = ${child}`);
      } else if (key !== 'data' && key !== 'command' && key !== 'arguments') {
        walk(child, `${where}.${key}`);
      }
    }
  };
  walk(answer, '');
}

/** Sends every request; each must be answered without an error, inside `document`. */
export async function askEverything(
  client: LspClient,
  requests: readonly DocumentRequest[],
  document: TextDocument,
): Promise<void> {
  const connection = connectionOf(client);
  const answers = await Promise.all(
    requests.map((r) =>
      connection.sendRequest(r.method, r.params).then(
        (answer: unknown) => ({ r, answer, error: undefined }),
        (error: unknown) => ({ r, answer: undefined, error }),
      ),
    ),
  );
  for (const { r, answer, error } of answers) {
    assert.equal(error, undefined, `${r.method} failed: ${String((error as Error | undefined)?.message)}`);
    assertAnswerInDocument(answer, document, r.method);
  }
}
