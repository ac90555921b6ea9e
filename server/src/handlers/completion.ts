/**
 * Answers `textDocument/completion` from the document's cached analysis (its text and parsed data;
 * core/features/completion.ts finds the items) and converts them to LSP: a text edit on the typed
 * range, snippets with absolute indentation (`insertTextMode: asIs`), the field's title as the label
 * description, Markdown documentation, and a re-trigger after a key whose values can be completed.
 * Never throws: a failure is logged and gives no items.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver/node';
import { completionsAt, type FeatureCompletionItemKind } from '../core';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { docsHref, toRange } from '../lsp/convert';
import type { Session } from '../lsp/session';

/** The characters that open the list: after `key:`, a space, `- `, and inside `[ … , … ]`. */
export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '-', '[', ',', '"'];

const KINDS: Readonly<Record<FeatureCompletionItemKind, CompletionItemKind>> = {
  section: CompletionItemKind.Module,
  property: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
  enum: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  constant: CompletionItemKind.Constant,
};

export function completion(
  params: CompletionParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  session: Session,
  logError: (message: string) => void,
  /** Today's date (the host's clock), for date values. */
  today: string,
): CompletionList | null {
  if (document === undefined) return null;
  try {
    const analysis = analyses.get(document);
    if (analysis.kind === 'config') return null; // `.miit95.yaml`: not an application
    const offset = analysis.lines.offsetAt(params.position);
    const trigger = params.context?.triggerCharacter;
    const result = completionsAt(
      {
        text: analysis.text,
        value: analysis.result?.document?.value,
        ...(analysis.result?.document !== undefined ? { yaml: analysis.result.document.yaml } : {}),
      },
      offset,
      {
        locale: session.locale,
        today,
        ...(trigger !== undefined ? { triggerCharacter: trigger } : {}),
        linkFor: (docs) => docsHref(docs, session.docsBase),
      },
    );
    const items = result.items.map((item): CompletionItem => {
      const out: CompletionItem = {
        label: item.label,
        kind: KINDS[item.kind],
        sortText: item.sortText,
        filterText: item.filterText,
        textEdit: { range: toRange(analysis.lines, item.range), newText: item.insertText },
        insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
      };
      if (item.description !== undefined) out.labelDetails = { description: item.description };
      if (item.detail !== undefined) out.detail = item.detail;
      if (item.documentation !== undefined && item.documentation !== '')
        out.documentation = { kind: 'markdown', value: item.documentation };
      if (item.retrigger) out.command = { title: '', command: 'editor.action.triggerSuggest' };
      return out;
    });
    return { isIncomplete: result.isIncomplete, items };
  } catch (error) {
    logError(
      `miit95: completion in ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return null;
  }
}
