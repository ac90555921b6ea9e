/**
 * The `portfolio` and `calendar` commands:
 *   miit95 portfolio <folder…> [--format text|json|csv] [--lang zh|en] [--today D] [--window-days N] [--config F]
 *   miit95 calendar <folder…> --out x.ics [--force] [--lang zh|en] [--today D] [--config F]
 * Both discover the applications as `check` does and summarize them with the core's portfolio
 * (host/portfolio: two worker threads share a large portfolio). `portfolio` prints the table;
 * `calendar` writes every deadline as an iCalendar file, atomically, refusing to replace an existing
 * file without --force. Exit codes: 0 done, 2 bad usage, an input that could not be used, or a file
 * that could not be written. Findings in the applications do not change the exit code (use check).
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import packageJson from '../../../package.json';
import { isConfigFileName, localDate, type Locale, type LocalizedText } from '../core';
import { parseIsoDate } from '../core/checks/dates';
import {
  DEFAULT_DEADLINE_WINDOW_DAYS,
  icsTimestamp,
  renderCalendar,
  type ApplicationSummary,
} from '../core/portfolio';
import { discoverApplications } from '../node/discover';
import { CliConfigs } from '../host/cli-configs';
import { PortfolioPool } from '../host/portfolio/pool';
import { systemClock } from '../host/validation-host';
import type { CliIo } from './io';
import { writeAtomically } from './init';
import { bilingual, inputProblemText } from './messages';
import { renderPortfolioCsv, renderPortfolioJson, renderPortfolioText } from './portfolio-format';

export const EXIT_PORTFOLIO_OK = 0;
export const EXIT_PORTFOLIO_USAGE = 2;

export type PortfolioFormat = 'text' | 'json' | 'csv';

export interface PortfolioCommand {
  readonly kind: 'portfolio';
  readonly paths: readonly string[];
  readonly format: PortfolioFormat;
  readonly locale: Locale;
  readonly today?: string;
  readonly windowDays?: number;
  readonly config?: string;
}

export interface CalendarCommand {
  readonly kind: 'calendar';
  readonly paths: readonly string[];
  readonly out: string;
  readonly force: boolean;
  readonly locale: Locale;
  readonly today?: string;
  readonly config?: string;
}

type UsageError = { readonly kind: 'usage-error'; readonly message: LocalizedText };

interface PortfolioValues {
  readonly format?: string | undefined;
  readonly today?: string | undefined;
  readonly config?: string | undefined;
  readonly out?: string | undefined;
  readonly force?: boolean | undefined;
  readonly 'window-days'?: string | undefined;
}

function usageError(zh: string, en: string): UsageError {
  return { kind: 'usage-error', message: { 'zh-cn': zh, en } };
}

function commonChecks(
  command: string,
  values: PortfolioValues,
  paths: readonly string[],
): UsageError | undefined {
  if (paths.length === 0)
    return usageError(
      `${command} 需要至少一个文件夹或申请文件。`,
      `${command} needs at least one folder or application file.`,
    );
  if (values.today !== undefined && parseIsoDate(values.today) === undefined)
    return usageError(
      `--today 的取值无效：“${values.today}”（格式：YYYY-MM-DD）`,
      `invalid --today value "${values.today}" (use YYYY-MM-DD)`,
    );
  return undefined;
}

/** Builds the portfolio command from parsed options (args.ts), or a usage error. */
export function portfolioCommand(
  values: PortfolioValues,
  paths: readonly string[],
  locale: Locale | undefined,
): PortfolioCommand | UsageError {
  const problem = commonChecks('portfolio', values, paths);
  if (problem !== undefined) return problem;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv')
    return usageError(
      `--format 的取值无效：“${format}”（可用：text、json、csv）`,
      `invalid --format value "${format}" (use text, json or csv)`,
    );
  let windowDays: number | undefined;
  if (values['window-days'] !== undefined) {
    windowDays = Number(values['window-days']);
    if (!/^\d{1,4}$/u.test(values['window-days']))
      return usageError(
        `--window-days 的取值无效：“${values['window-days']}”（0 到 9999 的整数）`,
        `invalid --window-days value "${values['window-days']}" (an integer from 0 to 9999)`,
      );
  }
  return {
    kind: 'portfolio',
    paths,
    format,
    locale: locale ?? 'zh-cn',
    ...(values.today !== undefined ? { today: values.today } : {}),
    ...(windowDays !== undefined ? { windowDays } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

/** Builds the calendar command from parsed options (args.ts), or a usage error. */
export function calendarCommand(
  values: PortfolioValues,
  paths: readonly string[],
  locale: Locale | undefined,
): CalendarCommand | UsageError {
  const problem = commonChecks('calendar', values, paths);
  if (problem !== undefined) return problem;
  if (values.out === undefined || values.out.trim() === '')
    return usageError('calendar 需要 --out <文件.ics>。', 'calendar needs --out <file.ics>.');
  return {
    kind: 'calendar',
    paths,
    out: values.out,
    force: values.force === true,
    locale: locale ?? 'zh-cn',
    ...(values.today !== undefined ? { today: values.today } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

/** Below this many files the scan runs on the main thread (starting workers costs more). */
const WORKER_THRESHOLD = 64;

type Collected =
  | { readonly applications: ApplicationSummary[]; readonly unusable: number }
  /** The `--config` file could not be read (reported already). */
  | { readonly applications?: undefined; readonly unusable: number };

async function collect(
  command: {
    readonly paths: readonly string[];
    readonly config?: string;
    readonly today?: string;
    readonly windowDays?: number;
  },
  io: CliIo,
): Promise<Collected> {
  // The same host as `check`: a `--config` that cannot be read is a usage problem, not the defaults.
  if (command.config !== undefined) {
    const configs = CliConfigs.open(command.config, io.cwd);
    if (!(configs instanceof CliConfigs)) {
      io.err(bilingual(configs.problem));
      return { unusable: 1 };
    }
  }
  const { files, problems } = discoverApplications(command.paths, io.cwd);
  for (const problem of problems) io.err(bilingual(inputProblemText(problem)));
  const applications = files.filter((f) => !isConfigFileName(path.basename(f)));
  const workers =
    applications.length < WORKER_THRESHOLD ? 0 : Math.min(2, Math.max(1, availableParallelism()));
  const pool = new PortfolioPool({ workers });
  try {
    const summaries = await pool.summarize(
      applications.map((f) => ({ path: f, id: path.relative(io.cwd, f) || path.basename(f) })),
      {
        today: command.today ?? localDate(systemClock()),
        ...(command.windowDays !== undefined ? { windowDays: command.windowDays } : {}),
        ...(command.config !== undefined ? { configPath: path.resolve(io.cwd, command.config) } : {}),
      },
    );
    return {
      applications: summaries,
      unusable: problems.length + summaries.filter((s) => s.state === 'unreadable').length,
    };
  } finally {
    await pool.dispose();
  }
}

export async function runPortfolio(command: PortfolioCommand, io: CliIo): Promise<number> {
  const { applications, unusable } = await collect(command, io);
  if (applications === undefined) return EXIT_PORTFOLIO_USAGE;
  const output = {
    today: command.today ?? localDate(systemClock()),
    windowDays: command.windowDays ?? DEFAULT_DEADLINE_WINDOW_DAYS,
    applications,
  };
  io.out(
    command.format === 'json'
      ? renderPortfolioJson(output)
      : command.format === 'csv'
        ? renderPortfolioCsv(output, command.locale)
        : renderPortfolioText(output, command.locale),
  );
  return unusable > 0 ? EXIT_PORTFOLIO_USAGE : EXIT_PORTFOLIO_OK;
}

export async function runCalendar(command: CalendarCommand, io: CliIo): Promise<number> {
  const { applications, unusable } = await collect(command, io);
  if (applications === undefined) return EXIT_PORTFOLIO_USAGE;
  const target = path.resolve(io.cwd, command.out);
  const shown = path.relative(io.cwd, target) || path.basename(target);
  const text = renderCalendar(applications, {
    locale: command.locale,
    stamp: icsTimestamp(new Date()),
    version: packageJson.version,
    displayFile: (file) => file,
  });
  let written;
  try {
    written = writeAtomically(target, text, command.force);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.err(bilingual({ 'zh-cn': `无法写入 ${shown}：${detail}`, en: `cannot write ${shown}: ${detail}` }));
    return EXIT_PORTFOLIO_USAGE;
  }
  if (written === 'exists') {
    io.err(
      bilingual({
        'zh-cn': `文件已存在：${shown}。加 --force 覆盖，或用 --out 指定另一个文件。`,
        en: `file exists: ${shown}. Add --force to overwrite it, or choose another file with --out.`,
      }),
    );
    return EXIT_PORTFOLIO_USAGE;
  }
  const events = applications.reduce((n, a) => n + a.deadlines.length, 0);
  io.out(
    command.locale === 'en'
      ? `Wrote ${shown}: ${events} deadlines of ${applications.length} applications.\n`
      : `已写入 ${shown}：${applications.length} 份申请的 ${events} 项期限。\n`,
  );
  return unusable > 0 ? EXIT_PORTFOLIO_USAGE : EXIT_PORTFOLIO_OK;
}

export const PORTFOLIO_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 portfolio <文件夹或文件...> [--format text|json|csv] [--window-days <天数>]
                   [--today YYYY-MM-DD] [--config <文件>] [--lang zh|en]

列出文件夹中的全部申请（与编辑器“95号码申请”视图相同）：状态（就绪 / 错误数 / 警告数）、申请单位、
首选号码及其年费、12 项材料中完整的项数、最近的期限；表格下列出窗口期内（默认 30 天）的全部期限。
期限包括：预计审批决定日期（20 个工作日）、许可证到期与延续申请（到期前 90 日）、许可证剩余有效期降至
一年之日、许可证年报与码号年报（3月31日）、首选号码第一年各季度的占用费缴费截止日。

选项：
  -f, --format text|json|csv  输出格式（默认 text）；csv 为带 BOM 的 UTF-8，Excel 和 WPS 可直接打开
      --window-days <天数>     多少天内的期限算作临近（默认 30）
      --today YYYY-MM-DD       计算期限所用的日期（默认今天）
  -c, --config <文件>          所有申请使用此配置文件（默认就近的 .miit95.yaml）
  -l, --lang zh|en             输出语言（默认 zh）

退出码：0 完成；2 用法错误或有无法读取的输入。申请中的问题不影响退出码（请用 miit95 check）。
`,
  en: `Usage:
  miit95 portfolio <folders or files...> [--format text|json|csv] [--window-days <days>]
                   [--today YYYY-MM-DD] [--config <file>] [--lang zh|en]

Lists every application of the folders (as the editor's "Applications" view does): its state
(ready / errors / warnings), the applicant, the first candidate number and its annual fee, how many
of the 12 materials are complete, and the next deadline; below the table, every deadline within
the window (30 days by default). Deadlines: the expected decision (20 working days), the licence's
expiry and renewal application (90 days before), the day its remaining validity falls to one year,
the licence and number annual reports (31 March), and the first year's quarterly fee payments of
the first candidate.

Options:
  -f, --format text|json|csv  output format (default text); csv is UTF-8 with a BOM, for Excel and WPS
      --window-days <days>     how many days ahead count as near (default 30)
      --today YYYY-MM-DD       the date the deadlines are counted from (default today)
  -c, --config <file>          one configuration for every application (default: the nearest .miit95.yaml)
  -l, --lang zh|en             output language (default zh)

Exit codes: 0 done; 2 bad usage or an input that could not be read. Findings in the applications do
not change the exit code (use miit95 check).
`,
};

export const CALENDAR_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 calendar <文件夹或文件...> --out <文件.ics> [--force] [--today YYYY-MM-DD]
                  [--config <文件>] [--lang zh|en]

把全部申请的期限（见 miit95 portfolio --help）写成 iCalendar 文件（.ics），可导入 Outlook、WPS 日历或手机日历。
每项期限是一个全天事件；同一申请的同一期限每次生成的 UID 相同，重新导入会更新而不是重复。
文件先写入临时文件再原子地改名；已存在的文件只有加 --force 才会被覆盖。

退出码：0 已写入；2 用法错误、有无法读取的输入、文件已存在（未加 --force）或无法写入。
`,
  en: `Usage:
  miit95 calendar <folders or files...> --out <file.ics> [--force] [--today YYYY-MM-DD]
                  [--config <file>] [--lang zh|en]

Writes the deadlines of every application (see miit95 portfolio --help) as an iCalendar file (.ics)
to import into Outlook, WPS or a phone calendar: one all-day event per deadline, with a UID that
stays the same for the same deadline of the same application, so a re-import updates instead of
duplicating. Written to a temporary file and renamed atomically; an existing file is replaced only
with --force.

Exit codes: 0 written; 2 bad usage, an input that could not be read, the file exists (without
--force), or it could not be written.
`,
};
