/**
 * The language status item of miit95 documents: error and warning counts of the active document
 * (diagnostics from source `miit95` only) and the server state; clicking it opens the Problems view.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { languageId, type ServerController } from './language-client';
import { t } from './l10n';

export const diagnosticSource = 'miit95';
const showProblemsCommand = 'workbench.panel.markers.view.focus';

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export function countProblems(diagnostics: readonly vscode.Diagnostic[]): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.source !== diagnosticSource) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}

/** Call after `server.start()`: a server that is stopped from then on is shown as stopped. */
export function registerStatusItem(server: ServerController): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('miit95.problems', { language: languageId });
  item.name = t('95 Number Application: problems');

  const update = (): void => {
    const state = server.state;
    item.busy = state === State.Starting;
    if (state === State.Stopped) {
      item.text = `$(debug-disconnect) ${t('Server stopped')}`;
      item.detail = t('Run "Restart Language Server" to try again');
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = { command: 'miit95.restartServer', title: t('Restart Language Server') };
      return;
    }
    item.command = { command: showProblemsCommand, title: t('Show Problems') };
    const doc = vscode.window.activeTextEditor?.document;
    const { errors, warnings } =
      doc !== undefined && doc.languageId === languageId
        ? countProblems(vscode.languages.getDiagnostics(doc.uri))
        : { errors: 0, warnings: 0 };
    item.text = `$(error) ${errors} $(warning) ${warnings}`;
    item.detail =
      errors === 0 && warnings === 0 ? t('No problems') : t('{0} errors, {1} warnings', errors, warnings);
    item.severity =
      errors > 0
        ? vscode.LanguageStatusSeverity.Error
        : warnings > 0
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
  };

  const subscriptions = [
    item,
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active !== undefined && e.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    server.onDidPublishDiagnostics(update),
    server.onDidChangeState(update),
  ];
  update();
  return vscode.Disposable.from(...subscriptions);
}
