/**
 * Answers `textDocument/codeAction` from the document's cached analysis (never validating again):
 * for each miit95 diagnostic in the request, the quick fixes its `data.fixes` propose, the grouped
 * fixes ("fill all missing required fields", "add all to the schedule"…), a suppression comment
 * for domain rules, and "show documentation" (a `miit95.openRuleDoc` command); on request
 * (`source.fixAll.miit95`, also through `editor.codeActionsOnSave`) one action with every safe fix.
 * A diagnostic whose `data.version` is not the document's current version is stale and gets no
 * action. The core computes the offset edits (core/fixes); this module converts them to LSP types.
 * Never throws: a failure is logged and gives no actions.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  groupFixesFor,
  intentEdits,
  isSafeIntent,
  planFixAll,
  RULE_ID_PATTERN,
  suppressionFix,
  type Finding,
  type LineIndex,
  type Locale,
  type LocalizedText,
  type TextEdit,
} from '../core';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';
import { DIAGNOSTIC_SOURCE, toRange, type DiagnosticData } from '../lsp/convert';
import type { Session } from '../lsp/session';
import { CLIENT_COMMANDS } from '../editor-protocol';

/** The fix-all kind, for `editor.codeActionsOnSave: { "source.fixAll.miit95": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.miit95`;
/** The kinds this server offers (the `codeActionProvider` capability). */
export const CODE_ACTION_KINDS: readonly string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];
/** The client command that opens a rule's documentation page (argument: the rule ID). */

/** True when the request asks for `kind`. Without `only`, quick fixes only: fix-all is asked for by name. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined) return kind === CodeActionKind.QuickFix;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

function text(value: LocalizedText, locale: Locale): string {
  return value[locale] || value['zh-cn'];
}

function workspaceEdit(uri: string, lines: LineIndex, edits: readonly TextEdit[]): WorkspaceEdit {
  const converted: LspTextEdit[] = edits.map((edit) => ({ range: toRange(lines, edit), newText: edit.newText }));
  return { changes: { [uri]: converted } };
}

function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return typeof data['version'] === 'number' && Array.isArray(data['path']);
}

export function codeActions(
  params: CodeActionParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  session: Session,
  logError: (message: string) => void,
): CodeAction[] {
  if (document === undefined) return [];
  try {
    const analysis = analyses.get(document);
    const parsed = analysis.result?.document;
    if (analysis.kind === 'config' || parsed === undefined) return [];
    const { lines } = analysis;
    const uri = document.uri;
    const locale = session.locale;
    const only = params.context.only;
    const actions: CodeAction[] = [];

    if (wants(only, CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
        const data: unknown = diagnostic.data;
        // Stale: computed for another version of the text, its paths and offsets may be wrong now.
        if (!isDiagnosticData(data) || data.version !== document.version) continue;
        const finding: Finding = {
          code: diagnostic.code,
          severity: 'error',
          message: { 'zh-cn': '', en: '' },
          range: { start: lines.offsetAt(diagnostic.range.start), end: lines.offsetAt(diagnostic.range.end) },
          data,
        };
        const quickFix = (title: LocalizedText, edits: readonly TextEdit[], preferred = false): CodeAction => ({
          title: text(title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(preferred ? { isPreferred: true } : {}),
          edit: workspaceEdit(uri, lines, edits),
        });

        (data.fixes ?? []).forEach((intent, index) => {
          const edits = intentEdits(parsed, intent);
          if (edits !== undefined && edits.length > 0) {
            actions.push(quickFix(intent.title, edits, index === 0 && isSafeIntent(intent)));
          }
        });
        for (const group of groupFixesFor(parsed, finding, analysis.findings)) {
          actions.push(quickFix(group.title, group.edits));
        }
        const suppression = suppressionFix(parsed, finding, locale);
        if (suppression !== undefined) actions.push(quickFix(suppression.title, [suppression.edit]));
        if (RULE_ID_PATTERN.test(finding.code)) actions.push(docsAction(diagnostic, finding.code, locale));
      }
    }

    if (wants(only, FIX_ALL_KIND)) {
      const plan = planFixAll(parsed, analysis.findings);
      if (plan.edits.length > 0) {
        actions.push({
          title: text(
            {
              'zh-cn': `修复所有可安全自动修复的问题（${plan.fixes.length} 处）`,
              en: `Fix all safely fixable problems (${plan.fixes.length})`,
            },
            locale,
          ),
          kind: FIX_ALL_KIND,
          edit: workspaceEdit(uri, lines, plan.edits),
        });
      }
    }
    return actions;
  } catch (error) {
    logError(
      `miit95: code actions for ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return [];
  }
}

function docsAction(diagnostic: Diagnostic, id: string, locale: Locale): CodeAction {
  const title = text({ 'zh-cn': `查看 ${id} 的规则说明`, en: `Show documentation for ${id}` }, locale);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title, command: CLIENT_COMMANDS.openRuleDoc, arguments: [id] },
  };
}
