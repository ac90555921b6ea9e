/**
 * The form view's requests (issue 14): `miit95/formModel` builds the form model of an open document
 * from its one analysis (findings and parse shared with diagnostics), and `miit95/formEdit` turns a
 * form edit into the minimal text edits the core's YAML editor computes on the version the form
 * showed, rejecting it when the document has moved on. Protocol in ../editor-protocol.ts.
 */
import { buildFormModel, formEditEdits, type Locale } from '../core';
import type { FormEditParams, FormEditResult, FormModelResult } from '../editor-protocol';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';

/** The form model of `document`, or null when it is not open or is a `.miit95.yaml` file. */
export function formModel(
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  locale: Locale,
  today: string,
): FormModelResult | null {
  if (document === undefined) return null;
  const analysis = analyses.get(document);
  if (analysis.kind === 'config') return null;
  const model = buildFormModel({ parsed: analysis.result?.document, findings: analysis.findings, locale, today });
  return { uri: document.uri, version: document.version, model };
}

const MESSAGES = {
  notOpen: { 'zh-cn': '该文件未在编辑器中打开。', en: 'The file is not open in the editor.' },
  notApplication: { 'zh-cn': '该文件不是申请文件。', en: 'The file is not an application.' },
  doesNotParse: {
    'zh-cn': '文件中有 YAML 语法错误，改正后才能在表单中编辑。',
    en: 'The file has a YAML syntax error; fix it before editing in the form.',
  },
  cannot: {
    'zh-cn': '无法在表单中安全地完成此修改（该处可能用了别名或特殊写法），请在 YAML 中修改。',
    en: 'This change cannot be made safely from the form (the place may use an alias or unusual syntax); edit the YAML instead.',
  },
} as const;

/** The text edits for a form edit on the version the form showed. */
export function formEdit(
  params: FormEditParams,
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  locale: Locale,
): FormEditResult {
  if (document === undefined) return { status: 'rejected', message: MESSAGES.notOpen[locale] };
  if (document.version !== params.version) return { status: 'stale', version: document.version };
  const analysis = analyses.get(document);
  if (analysis.kind === 'config') return { status: 'rejected', message: MESSAGES.notApplication[locale] };
  const parsed = analysis.result?.document;
  if (parsed === undefined || !parsed.hasRoot || parsed.errors.length > 0) {
    return { status: 'rejected', message: MESSAGES.doesNotParse[locale] };
  }
  const edits = formEditEdits(parsed, params.edit, analysis.findings);
  if (edits === undefined) return { status: 'rejected', message: MESSAGES.cannot[locale] };
  return {
    status: 'ok',
    version: document.version,
    edits: edits.map((e) => ({
      range: { start: analysis.lines.positionAt(e.start), end: analysis.lines.positionAt(e.end) },
      newText: e.newText,
    })),
  };
}
