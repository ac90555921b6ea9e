/**
 * Support for the getting-started walkthrough (package.json `contributes.walkthroughs`): the context
 * key `miit95.applicationOpen`, true while an application is the active editor, which completes the
 * "fill it in" step. The steps themselves are contributed statically.
 */
import * as vscode from 'vscode';
import { languageId } from './language-client';

export const walkthroughId = 'miit95.miit95#miit95.gettingStarted';
export const applicationOpenContext = 'miit95.applicationOpen';

export function registerWalkthroughContext(): vscode.Disposable {
  const update = (editor: vscode.TextEditor | undefined): void =>
    void vscode.commands.executeCommand('setContext', applicationOpenContext, editor?.document.languageId === languageId);
  update(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(update);
}
