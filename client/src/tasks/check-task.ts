/**
 * The workspace check: a task provider of type `miit95` giving one `miit95: check workspace` task
 * per workspace folder, and the command `miit95.checkWorkspace` that runs it. The task runs the
 * bundled CLI (`dist/cli.js check`) in the folder with VS Code's own Node (ELECTRON_RUN_AS_NODE), so
 * it checks exactly what `miit95 check` checks; the `$miit95` problem matcher (package.json) turns
 * its text lines into Problems entries — for every application of the folder, open or not. The
 * CLI's code cache goes to the extension's own storage, beside the server's.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from '../l10n';

export const TASK_TYPE = 'miit95';
export const CHECK_WORKSPACE_COMMAND = 'miit95.checkWorkspace';
/** The problem matcher contributed in package.json (`contributes.problemMatchers[].name`). */
export const PROBLEM_MATCHER = '$miit95';

interface CheckTaskDefinition extends vscode.TaskDefinition {
  readonly task: 'check';
  /** Files or folders relative to the workspace folder; the whole folder by default. */
  readonly paths?: readonly string[];
}

/** The CLI's `--lang`: the `miit95.language` setting, else VS Code's display language. */
export function cliLanguage(setting: string | undefined, displayLanguage: string): 'zh-cn' | 'en' {
  if (setting === 'zh-cn' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
}

/** The CLI arguments of a check task (after the CLI path). */
export function checkArguments(paths: readonly string[] | undefined, lang: 'zh-cn' | 'en'): string[] {
  const targets = paths !== undefined && paths.length > 0 ? [...paths] : ['.'];
  return ['check', ...targets, '--lang', lang];
}

function isCheckDefinition(definition: vscode.TaskDefinition): definition is CheckTaskDefinition {
  return definition.type === TASK_TYPE && definition['task'] === 'check';
}

/** Where the task's CLI lives and keeps its code cache. */
interface CliPlace {
  readonly extensionPath: string;
  /** The extension's code-cache folder (globalStorage), shared with the server's cache. */
  readonly codeCacheDir: string;
}

function buildTask(
  cli: CliPlace,
  folder: vscode.WorkspaceFolder,
  definition: CheckTaskDefinition,
  scope: vscode.TaskScope | vscode.WorkspaceFolder = folder,
): vscode.Task {
  const setting = vscode.workspace.getConfiguration('miit95').get<string>('language');
  const args = checkArguments(definition.paths, cliLanguage(setting, vscode.env.language));
  const execution = new vscode.ProcessExecution(
    process.execPath,
    [path.join(cli.extensionPath, 'dist', 'cli.js'), ...args],
    {
      cwd: folder.uri.fsPath,
      // VS Code's executable runs as plain Node with ELECTRON_RUN_AS_NODE (code-server's already is
      // Node); VS Code merges this with its own environment.
      env: { ELECTRON_RUN_AS_NODE: '1', MIIT95_CODE_CACHE_DIR: cli.codeCacheDir },
    },
  );
  const task = new vscode.Task(definition, scope, t('check workspace'), 'miit95', execution, PROBLEM_MATCHER);
  task.detail = t('Check every 95 number application of {0} and list the findings in Problems', folder.name);
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** The folders of the workspace that can be checked (on disk). */
function fileFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
}

class CheckTaskProvider implements vscode.TaskProvider {
  constructor(private readonly cli: CliPlace) {}

  provideTasks(): vscode.Task[] {
    return fileFolders().map((folder) =>
      buildTask(this.cli, folder, { type: TASK_TYPE, task: 'check' }),
    );
  }

  /** A task from tasks.json (e.g. with `paths`): built like a provided one, in its folder. */
  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition;
    if (!isCheckDefinition(definition)) return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : fileFolders()[0];
    if (folder === undefined) return undefined;
    return buildTask(this.cli, folder, definition, task.scope ?? folder);
  }
}

/** Resolves when the task's process has ended (or the task ended without one). */
function ended(execution: vscode.TaskExecution): Promise<void> {
  return new Promise((resolve) => {
    const subscriptions = [
      vscode.tasks.onDidEndTaskProcess((e) => e.execution === execution && finish()),
      vscode.tasks.onDidEndTask((e) => e.execution === execution && finish()),
    ];
    function finish(): void {
      for (const subscription of subscriptions) subscription.dispose();
      resolve();
    }
  });
}

/** Runs the check task of every folder, then shows Problems, where the task's findings are. */
async function checkWorkspace(): Promise<void> {
  const tasks = (await vscode.tasks.fetchTasks({ type: TASK_TYPE })).filter((task) =>
    isCheckDefinition(task.definition),
  );
  if (tasks.length === 0) {
    void vscode.window.showInformationMessage(t('Open a folder to check the applications in it.'));
    return;
  }
  const executions = await Promise.all(tasks.map((task) => vscode.tasks.executeTask(task)));
  await Promise.all(executions.map(ended));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

export function registerCheckTask(extensionPath: string, codeCacheDir: string): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.tasks.registerTaskProvider(TASK_TYPE, new CheckTaskProvider({ extensionPath, codeCacheDir })),
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, checkWorkspace),
  );
}
