/**
 * Code lens middleware: a lens whose command is not registered in this window (the fee preview
 * comes from another module of the extension, which may be missing) is shown as plain text rather
 * than as a link that fails with "command not found".
 */
import * as vscode from 'vscode';

export async function withAvailableCommands(
  lenses: vscode.CodeLens[] | null | undefined,
): Promise<vscode.CodeLens[] | null | undefined> {
  if (lenses === null || lenses === undefined || lenses.length === 0) return lenses;
  const known = new Set(await vscode.commands.getCommands(true));
  for (const lens of lenses) {
    const command = lens.command;
    if (command !== undefined && command.command !== '' && !known.has(command.command))
      lens.command = { ...command, command: '', arguments: [] };
  }
  return lenses;
}
