/**
 * Parses the command line with node:util parseArgs into one of: help, version, check, or a usage
 * error (with a bilingual message). Owns option names and their accepted values; runs nothing.
 */
import { parseArgs } from 'node:util';
import type { Locale, LocalizedText } from '../core';
import type { HelpTopic } from './help';
import { usage } from './messages';

export type OutputFormat = 'text' | 'json';

export type CliCommand =
  | { readonly kind: 'help'; readonly topic: HelpTopic; readonly locale: Locale | undefined }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'check';
      readonly paths: readonly string[];
      readonly format: OutputFormat;
      readonly locale: Locale;
    }
  | { readonly kind: 'usage-error'; readonly message: LocalizedText };

const COMMANDS: readonly string[] = ['check'];

export function parseLang(value: string): Locale | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans') return 'zh-cn';
  if (v === 'en') return 'en';
  return undefined;
}

export function parseCommandLine(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        lang: { type: 'string', short: 'l' },
      },
    });
  } catch (error) {
    return {
      kind: 'usage-error',
      message: usage.badOption(error instanceof Error ? error.message : String(error)),
    };
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;

  let locale: Locale | undefined;
  if (values.lang !== undefined) {
    locale = parseLang(values.lang);
    if (locale === undefined) return { kind: 'usage-error', message: usage.badLang(values.lang) };
  }
  if (command !== undefined && !COMMANDS.includes(command)) {
    return { kind: 'usage-error', message: usage.unknownCommand(command) };
  }
  if (values.help === true) return { kind: 'help', topic: command === 'check' ? 'check' : 'program', locale };
  if (values.version === true) return { kind: 'version' };
  if (command === undefined) return { kind: 'usage-error', message: usage.noCommand };

  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    return { kind: 'usage-error', message: usage.badFormat(format) };
  if (paths.length === 0) return { kind: 'usage-error', message: usage.noPaths };
  return { kind: 'check', paths, format, locale: locale ?? 'zh-cn' };
}
