/**
 * Renders the portfolio (the core's ApplicationSummary list) for `miit95 portfolio`: a text table
 * with the deadlines within the window below it, JSON, or CSV (UTF-8 with a BOM and CRLF, so Excel
 * and WPS open the Chinese correctly; cells that a spreadsheet would run as a formula are prefixed
 * with an apostrophe). Labels in Chinese or English.
 */
import type { Locale, LocalizedText } from '../core';
import {
  nextDeadline,
  type ApplicationState,
  type ApplicationSummary,
  type Deadline,
} from '../core/portfolio';
import { displayWidth } from './fees-format';

export interface PortfolioOutput {
  readonly today: string;
  readonly windowDays: number;
  /** Summaries with `file` relative to the working directory. */
  readonly applications: readonly ApplicationSummary[];
}

const STATE_LABELS: Readonly<Record<ApplicationState, LocalizedText>> = {
  ready: { 'zh-cn': '就绪', en: 'ready' },
  warnings: { 'zh-cn': '有警告', en: 'warnings' },
  errors: { 'zh-cn': '有错误', en: 'errors' },
  unreadable: { 'zh-cn': '无法读取', en: 'unreadable' },
};

/** 'ready', '3 个错误' / '3 errors', '2 个警告' / '2 warnings'. */
export function stateText(summary: ApplicationSummary, locale: Locale): string {
  const zh = locale === 'zh-cn';
  if (summary.state === 'errors')
    return zh ? `${summary.errors} 个错误` : `${summary.errors} error${summary.errors === 1 ? '' : 's'}`;
  if (summary.state === 'warnings')
    return zh
      ? `${summary.warnings} 个警告`
      : `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
  return STATE_LABELS[summary.state][locale];
}

function daysText(days: number, locale: Locale): string {
  if (locale === 'zh-cn') return days < 0 ? `已过 ${-days} 天` : days === 0 ? '今天' : `${days} 天后`;
  return days < 0 ? `${-days} days ago` : days === 0 ? 'today' : `in ${days} days`;
}

/** Every deadline of the portfolio within the window (not past), nearest first. */
export function upcomingDeadlines(
  applications: readonly ApplicationSummary[],
  windowDays: number,
): { summary: ApplicationSummary; deadline: Deadline }[] {
  return applications
    .flatMap((summary) => summary.deadlines.map((deadline) => ({ summary, deadline })))
    .filter(({ deadline }) => deadline.daysLeft >= 0 && deadline.daysLeft <= windowDays)
    .sort((a, b) => a.deadline.daysLeft - b.deadline.daysLeft || (a.summary.file < b.summary.file ? -1 : 1));
}

function columns(locale: Locale): string[] {
  return locale === 'zh-cn'
    ? ['状态', '申请单位', '首选号码', '年费', '材料', '最近期限', '文件']
    : ['State', 'Applicant', 'First number', 'Annual fee', 'Materials', 'Next deadline', 'File'];
}

function nextText(summary: ApplicationSummary, locale: Locale): string {
  const next = nextDeadline(summary.deadlines);
  return next === undefined ? '—' : `${next.date} ${next.title[locale]}`;
}

function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell)),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderPortfolioText(output: PortfolioOutput, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const apps = output.applications;
  const rows = [
    columns(locale),
    ...apps.map((s) => [
      stateText(s, locale),
      s.applicant ?? '—',
      s.firstCandidate ?? '—',
      s.annualFee?.text ?? '—',
      `${s.materials.complete}/${s.materials.total}`,
      nextText(s, locale),
      s.file,
    ]),
  ];
  const count = (state: ApplicationState): number => apps.filter((a) => a.state === state).length;
  const upcoming = upcomingDeadlines(apps, output.windowDays);
  const summary = zh
    ? `共 ${apps.length} 份申请：就绪 ${count('ready')}，有警告 ${count('warnings')}，有错误 ${count('errors')}，无法读取 ${count('unreadable')}；${output.windowDays} 天内的期限 ${upcoming.length} 项（截至 ${output.today}）。`
    : `${apps.length} applications: ${count('ready')} ready, ${count('warnings')} with warnings, ${count('errors')} with errors, ${count('unreadable')} unreadable; ${upcoming.length} deadlines within ${output.windowDays} days (as of ${output.today}).`;
  let text = `${table(rows)}\n\n${summary}\n`;
  if (upcoming.length > 0) {
    text += `\n${zh ? `${output.windowDays} 天内的期限：` : `Deadlines within ${output.windowDays} days:`}\n`;
    text += `${table(
      upcoming.map(({ summary: s, deadline: d }) => [
        d.date,
        daysText(d.daysLeft, locale),
        s.applicant ?? '—',
        d.title[locale],
        s.file,
      ]),
    )}\n`;
  }
  for (const s of apps.filter((a) => a.problem !== undefined))
    text += `${s.file}: ${s.problem?.[locale] ?? ''}\n`;
  return text;
}

export function renderPortfolioJson(output: PortfolioOutput): string {
  return `${JSON.stringify(
    {
      today: output.today,
      windowDays: output.windowDays,
      applications: output.applications,
      upcoming: upcomingDeadlines(output.applications, output.windowDays).map(({ summary, deadline }) => ({
        file: summary.file,
        ...deadline,
      })),
    },
    null,
    2,
  )}\n`;
}

/** One CSV cell: quoted when needed; a text a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderPortfolioCsv(output: PortfolioOutput, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const header = zh
    ? [
        '文件',
        '状态',
        '错误',
        '警告',
        '材料完整',
        '申请单位',
        '申请日期',
        '首选号码',
        '年费（元）',
        '使用省份',
        '最近期限',
        '最近期限日期',
        '剩余天数',
      ]
    : [
        'File',
        'State',
        'Errors',
        'Warnings',
        'Materials complete',
        'Applicant',
        'Application date',
        'First number',
        'Annual fee (CNY)',
        'Provinces',
        'Next deadline',
        'Next deadline date',
        'Days left',
      ];
  const rows: (string | number)[][] = output.applications.map((s) => {
    const next = nextDeadline(s.deadlines);
    return [
      s.file,
      STATE_LABELS[s.state][locale],
      s.errors,
      s.warnings,
      `${s.materials.complete}/${s.materials.total}`,
      s.applicant ?? '',
      s.applicationDate ?? '',
      s.firstCandidate ?? '',
      s.annualFee === undefined ? '' : (s.annualFee.fen / 100).toFixed(2),
      s.provinces.join(zh ? '、' : ', '),
      next?.title[locale] ?? '',
      next?.date ?? '',
      next?.daysLeft ?? '',
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
