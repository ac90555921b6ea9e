/**
 * Client UI strings: configures @vscode/l10n with the bundle for VS Code's display language.
 * English is the default text in code; l10n/bundle.l10n.<locale>.json holds the translations.
 * Owns nothing else: contributed titles and descriptions live in package.nls*.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export const t = l10n.t;

/**
 * The bundle file for `language` (a VS Code display language such as `zh-cn`), trying the full
 * tag and then its primary subtag; undefined for English or when no bundle exists.
 */
export function resolveBundlePath(extensionPath: string, language: string): string | undefined {
  const lang = language.toLowerCase();
  if (lang === 'en' || lang.startsWith('en-')) return undefined;
  const candidates = [lang, lang.split('-')[0] ?? lang];
  for (const candidate of candidates) {
    const file = path.join(extensionPath, 'l10n', `bundle.l10n.${candidate}.json`);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Loads the bundle for the display language before the first `t()` call. Prefers the bundle VS
 * Code itself resolved (package.json "l10n" field); falls back to reading l10n/ directly.
 */
export function initL10n(extensionPath: string): void {
  const bundle = vscode.l10n.bundle;
  if (bundle !== undefined) {
    l10n.config({ contents: bundle });
    return;
  }
  const file = resolveBundlePath(extensionPath, vscode.env.language);
  if (file !== undefined) l10n.config({ fsPath: file });
}
