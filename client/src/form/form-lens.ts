/**
 * The code lens at the top of an application that opens it in the form view ("在申请表单中打开"),
 * next to the server's readiness lens. A client-only affordance: it runs a client command and needs
 * no analysis, so it is not part of the server's lenses.
 */
import * as vscode from 'vscode';
import { languageId } from '../language-client';
import { t } from '../l10n';
import { OPEN_FORM_COMMAND } from './form-editor';

export function registerFormLens(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(
    { language: languageId, pattern: '**/*.app95.{yaml,yml}' },
    {
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
}
