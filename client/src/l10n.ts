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

/** A translation function: `t` itself, or one bound to a language (see {@link translatorFor}). */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

let extensionRoot: string | undefined;
let chineseBundle: Record<string, string> | undefined;

function formatMessage(message: string, args: readonly (string | number | boolean)[]): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}

/**
 * The strings of a view whose data is in `locale` (the form's model follows `miit95.language`):
 * the Chinese bundle for 'zh-cn', English for 'en', so labels and data speak one language even when
 * the setting differs from VS Code's display language.
 */
export function translatorFor(locale: 'zh-cn' | 'en'): Translate {
  if (locale === 'en') return (message, ...args) => formatMessage(message, args);
  if (chineseBundle === undefined) {
    const file = extensionRoot === undefined ? undefined : resolveBundlePath(extensionRoot, 'zh-cn');
    try {
      chineseBundle = file === undefined ? {} : (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>);
    } catch {
      chineseBundle = {};
    }
  }
  const bundle = chineseBundle;
  return (message, ...args) => formatMessage(bundle[message] ?? message, args);
}

/**
 * The language of a view that shows the server's data (the form, the applications view): the
 * `miit95.language` setting, else VS Code's display language — so that its labels and its data
 * speak one language (code-server has no Chinese language pack offline; the setting still gives a
 * Chinese view).
 */
export function contentLocale(): 'zh-cn' | 'en' {
  const setting = vscode.workspace.getConfiguration('miit95').get<string>('language');
  if (setting === 'zh-cn' || setting === 'en') return setting;
  return displayLocale();
}

/** VS Code's display language as one of ours: Chinese for any `zh*`, else English (the language of `t`). */
export function displayLocale(): 'zh-cn' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** `t` in the {@link contentLocale} (read at each call: the setting may change). */
export const contentT: Translate = (message, ...args) => translatorFor(contentLocale())(message, ...args);

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
  extensionRoot = extensionPath;
  const bundle = vscode.l10n.bundle;
  if (bundle !== undefined) {
    l10n.config({ contents: bundle });
    return;
  }
  const file = resolveBundlePath(extensionPath, vscode.env.language);
  if (file !== undefined) l10n.config({ fsPath: file });
}
