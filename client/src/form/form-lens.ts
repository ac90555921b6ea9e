/**
 * The code lens at the top of an application that opens it in the form view ("在申请表单中打开"),
 * next to the server's readiness lens. A client-only affordance: it runs a client command and needs
 * no analysis, so it is not part of the server's lenses. It speaks the language of the server's
 * lenses beside it and of the form it opens (`miit95.language`, else VS Code's display language)
 * and is drawn again when that setting changes.
 */
import * as vscode from 'vscode';
import { languageId } from '../language-client';
import { contentT as t } from '../l10n';
import { OPEN_FORM_COMMAND } from './form-editor';

export function registerFormLens(): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const settingWatch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('miit95.language')) changed.fire();
  });
  const provider = vscode.languages.registerCodeLensProvider(
    { language: languageId, pattern: '**/*.app95.{yaml,yml}' },
    {
      onDidChangeCodeLenses: changed.event,
      provideCodeLenses(document) {
        const top = new vscode.Range(0, 0, 0, 0);
        return [
          new vscode.CodeLens(top, {
            title: t('Open in Application Form'),
            tooltip: t('Edit this application as a form, beside the YAML; both stay in step.'),
            command: OPEN_FORM_COMMAND,
            arguments: [document.uri],
          }),
        ];
      },
    },
  );
  return vscode.Disposable.from(provider, settingWatch, changed);
}
