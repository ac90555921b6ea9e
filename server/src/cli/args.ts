/**
 * Parses the command line with node:util parseArgs into one of: help, version, check, or a usage
 * error (with a bilingual message). Owns option names and their accepted values; runs nothing.
 */
import { parseArgs } from 'node:util';
import type { Locale, LocalizedText } from '../core';
import type { HelpTopic } from './help';
import type { CheckFormat, FailOn, OutputFormat } from './formats';
import { usage } from './messages';
import { CLI_COMMANDS } from './command-names';
import { initCommand, type InitCommand } from './init';
import { feesCommand, type FeesCommand } from './fees';
import { exportCommand, type ExportCommand } from './export';
import { fixCommand, type FixCommand } from './fix';
import { calendarCommand, portfolioCommand, type CalendarCommand, type PortfolioCommand } from './portfolio';


export type CliCommand =
  | { readonly kind: 'help'; readonly topic: HelpTopic; readonly locale: Locale | undefined }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'check';
      readonly paths: readonly string[];
      readonly format: CheckFormat;
      readonly failOn: FailOn;
      readonly locale: Locale;
      /** `--config <file>`: the configuration for every file (else the nearest `.miit95.yaml`). */
      readonly config?: string;
    }
  | { readonly kind: 'rules'; readonly format: OutputFormat; readonly locale: Locale }
  | InitCommand
  | FeesCommand
  | ExportCommand
  | FixCommand
  | PortfolioCommand
  | CalendarCommand
  | { readonly kind: 'usage-error'; readonly message: LocalizedText };

/** The commands with a help text of their own (`miit95 <command> --help`). */
const HELP_TOPICS: readonly HelpTopic[] = ['check', 'rules', 'init', 'fees', 'export', 'fix', 'portfolio', 'calendar'];

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
        config: { type: 'string', short: 'c' },
        // init
        name: { type: 'string', short: 'n' },
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        // fees
        today: { type: 'string' },
        // export (with out, force)
        zip: { type: 'boolean' },
        draft: { type: 'boolean' },
        // check
        'fail-on': { type: 'string' },
        // fix
        'dry-run': { type: 'boolean' },
        // portfolio
        'window-days': { type: 'string' },
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
  if (command !== undefined && !CLI_COMMANDS.includes(command)) {
    return { kind: 'usage-error', message: usage.unknownCommand(command) };
  }
  if (values.help === true) {
    const topic = HELP_TOPICS.find((t) => t === command) ?? 'program';
    return { kind: 'help', topic, locale };
  }
  if (values.version === true) return { kind: 'version' };
  if (command === undefined) return { kind: 'usage-error', message: usage.noCommand };
  if (command === 'init') return initCommand(values, paths, locale);
  if (command === 'fees') return feesCommand(values, paths, locale);
  if (command === 'export') return exportCommand(values, paths, locale);
  if (command === 'fix') return fixCommand(values, paths, locale);
  if (command === 'portfolio') return portfolioCommand(values, paths, locale);
  if (command === 'calendar') return calendarCommand(values, paths, locale);

  const format = values.format ?? 'text';
  if (command === 'check' && format === 'sarif') return checkCommand(values, paths, locale, 'sarif');
  if (format !== 'text' && format !== 'json')
    return { kind: 'usage-error', message: usage.badFormat(format) };
  if (command === 'rules') return { kind: 'rules', format, locale: locale ?? 'zh-cn' };
  return checkCommand(values, paths, locale, format);
}

function checkCommand(
  values: { readonly config?: string | undefined; readonly 'fail-on'?: string | undefined },
  paths: readonly string[],
  locale: Locale | undefined,
  format: CheckFormat,
): CliCommand {
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning')
    return {
      kind: 'usage-error',
      message: {
        'zh-cn': `--fail-on 的取值无效：“${failOn}”（可用：warning、error）`,
        en: `invalid --fail-on value "${failOn}" (use warning or error)`,
      },
    };
  if (paths.length === 0) return { kind: 'usage-error', message: usage.noPaths };
  return {
    kind: 'check',
    paths,
    format,
    failOn,
    locale: locale ?? 'zh-cn',
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}
