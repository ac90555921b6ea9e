/**
 * Answers `textDocument/documentLink`: the attachment paths of an application (core
 * attachmentLinks) that name a file inside the application's folder become links to that file, so
 * Ctrl+click opens it. A missing, outside or folder path gets no link: its diagnostic (R-DOCS-001,
 * R-TECH-005) says what is wrong. Only `file:` documents have attachments. Never throws.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver/node';
import { attachmentLinks } from '../core';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { toRange } from '../lsp/convert';
import { fsPathOf } from '../host/file-uri';
import { probeForUri } from '../host/document-probe';

export function documentLinks(
  params: DocumentLinkParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  logError: (message: string) => void,
): DocumentLink[] {
  if (document === undefined || document.uri !== params.textDocument.uri) return [];
  try {
    const analysis = analyses.get(document);
    const parsed = analysis.result?.document;
    const file = fsPathOf(document.uri);
    const probe = probeForUri(document.uri);
    if (analysis.kind === 'config' || parsed === undefined || file === undefined || probe === undefined)
      return [];
    const folder = path.dirname(file);
    return attachmentLinks(parsed)
      .filter((link) => probe.probe(link.target) === 'file')
      .map((link) => ({
        range: toRange(analysis.lines, link.range),
        target: pathToFileURL(path.resolve(folder, link.target)).href,
      }));
  } catch (error) {
    logError(
      `miit95: document links of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return [];
  }
}
