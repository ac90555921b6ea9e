/**
 * Renders a fee model for `miit95 fees`: the text format (aligned tables, CJK counted as two columns,
 * each figure's source line) in one language, and the JSON format (the model plus the 1-based
 * location of each data path, by JSON Pointer). Computes nothing of its own.
 */
import { locate, type DataPath, type Locale, type LocalizedText, type ParsedDocument } from '../core';
import { LineIndex } from '../core/document/line-index';
import type { CandidateFees, FeeModel } from '../core/fees/model';
import { modelPaths, pathKey } from '../core/fees/paths';

export interface FeesOutput {
  /** As shown to the user: relative to the working directory. */
  readonly file: string;
  readonly text: string;
  readonly parsed?: ParsedDocument;
  readonly model: FeeModel;
}

export interface JsonLocation {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const L = {
  title: { 'zh-cn': '码号资源占用费预览', en: 'Fee preview' },
  asOf: { 'zh-cn': '计算日期', en: 'as of' },
  unconfirmed: { 'zh-cn': '费率未经官方文件确认', en: 'rates not confirmed by an official text' },
  confirmed: { 'zh-cn': '费率已确认', en: 'rates confirmed' },
  blocked: {
    'zh-cn': '费用预览被 {n} 个错误阻止（候选号码、计费起始日或许可证有效期）：',
    en: 'Blocked by {n} error{s} in the fee inputs (candidates, billing start or licence validity):',
  },
  billingStart: { 'zh-cn': '计费起始', en: 'Billing start' },
  assumed: { 'zh-cn': '假定', en: 'assumed' },
  validUntil: { 'zh-cn': '许可证有效期至', en: 'Licence valid until' },
  billedMonths: { 'zh-cn': '有效期内计费月数', en: 'Billed months within the validity' },
  line: { 'zh-cn': '行', en: 'Line' },
  candidate: { 'zh-cn': '候选号码', en: 'Candidate' },
  segment: { 'zh-cn': '号段', en: 'Segment' },
  digits: { 'zh-cn': '位长', en: 'Digits' },
  annual: { 'zh-cn': '年占用费', en: 'Annual fee' },
  monthly: { 'zh-cn': '月计费', en: 'Monthly' },
  validityTotal: { 'zh-cn': '有效期内合计', en: 'Over validity' },
  notPriced: { 'zh-cn': '无费率', en: 'no rate' },
  schedule: {
    'zh-cn': '第一年缴费计划（按季缴纳，每季度第 1 个月 10 日前缴纳上季度费用）',
    en: "First-year payments (paid quarterly, due by the 10th of the next quarter's first month)",
  },
  quarter: { 'zh-cn': '季度', en: 'Quarter' },
  months: { 'zh-cn': '计费月份', en: 'Months billed' },
  due: { 'zh-cn': '缴费截止', en: 'Due by' },
  total: { 'zh-cn': '合计', en: 'Total' },
  yearly: { 'zh-cn': '有效期内按年费用', en: 'Yearly cost within the validity' },
  year: { 'zh-cn': '年份', en: 'Year' },
  monthsCount: { 'zh-cn': '月数', en: 'Months' },
  comparison: {
    'zh-cn':
      '位长比较：{six}（6 位，每年 {sixAnnual}）比 {five}（5 位，每年 {fiveAnnual}）每年节省 {perYear}',
    en: 'Length comparison: {six} (6 digits, {sixAnnual} a year) instead of {five} (5 digits, {fiveAnnual} a year) saves {perYear} a year',
  },
  comparisonValidity: {
    'zh-cn': '，有效期内（{months} 个月）节省 {total}',
    en: ' and {total} over the validity ({months} months)',
  },
  anySix: { 'zh-cn': '6 位号码（952XXX）', en: 'a 6-digit number (952XXX)' },
  anyFive: { 'zh-cn': '5 位号码（950XX/951XX）', en: 'a 5-digit number (950XX/951XX)' },
  notes: { 'zh-cn': '说明', en: 'Notes' },
} as const satisfies Record<string, LocalizedText>;

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Aligned columns; `right[i]` right-aligns column i (amounts). */
function table(rows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => pad(cell, widths[i] ?? 0, right[i] === true))
      .join('  ')
      .trimEnd(),
  );
}

function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) =>
    params[key] === undefined ? m : String(params[key]),
  );
}

/** 1-based locations of every path of the model (blocking findings: their own range). */
export function modelLocations(output: FeesOutput): Record<string, JsonLocation> {
  const lines = output.parsed?.lines ?? new LineIndex(output.text);
  const at = (start: number, end: number): JsonLocation => {
    const s = lines.positionAt(start);
    const e = lines.positionAt(Math.max(start, end));
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const out: Record<string, JsonLocation> = {};
  for (const b of output.model.blocking) out[pathKey(b.path)] ??= at(b.range.start, b.range.end);
  if (output.parsed !== undefined) {
    for (const p of modelPaths(output.model)) {
      const key = pathKey(p);
      if (out[key] !== undefined) continue;
      const { range } = locate(output.parsed, p, 'value');
      out[key] = at(range.start, range.end);
    }
  }
  return out;
}

export function renderFeesJson(output: FeesOutput): string {
  return `${JSON.stringify({ file: output.file, model: output.model, locations: modelLocations(output) }, null, 2)}\n`;
}

export function renderFeesText(output: FeesOutput, locale: Locale): string {
  const t = (text: LocalizedText): string => text[locale];
  const { model } = output;
  const locations = modelLocations(output);
  const lineOf = (path: DataPath): string => {
    const loc = locations[pathKey(path)];
    return loc === undefined ? '' : String(loc.line);
  };
  const lineNote = (path: DataPath): string => {
    const line = lineOf(path);
    return line === '' ? '' : locale === 'en' ? ` (line ${line})` : `（第 ${line} 行）`;
  };
  const out: string[] = [];
  const colon = locale === 'en' ? ': ' : '：';
  out.push(
    locale === 'en'
      ? `${t(L.title)}: ${output.file} (${t(L.asOf)} ${model.asOf})`
      : `${t(L.title)}：${output.file}（${t(L.asOf)} ${model.asOf}）`,
  );
  out.push(`${t(model.rate.standard)}${model.rate.confirmed ? '' : ` — ${t(L.unconfirmed)}`}`);
  out.push('');

  if (model.blockedBy > 0) {
    out.push(fill(t(L.blocked), { n: model.blockedBy, s: model.blockedBy === 1 ? '' : 's' }));
    for (const b of model.blocking) {
      const loc = locations[pathKey(b.path)];
      const where = loc === undefined ? output.file : `${output.file}:${loc.line}:${loc.column}`;
      out.push(`  ${where} ${b.code} ${t(b.message).replace(/\s*[\r\n]+\s*/g, ' ')}`);
    }
    return `${out.join('\n')}\n`;
  }

  const header: string[] = [];
  if (model.billingStart) {
    const assumed = model.billingStart.assumed
      ? locale === 'en'
        ? ` (${t(L.assumed)})`
        : `（${t(L.assumed)}）`
      : lineNote(model.billingStart.path);
    header.push(`${t(L.billingStart)}${colon}${model.billingStart.date}${assumed}`);
  }
  if (model.validity) {
    header.push(
      `${t(L.validUntil)}${colon}${model.validity.until.date}${lineNote(model.validity.until.path)}`,
    );
    header.push(`${t(L.billedMonths)}${colon}${model.validity.months}`);
  }
  out.push(...header, '');

  const priced = model.candidates.filter(
    (c): c is CandidateFees & Required<Pick<CandidateFees, 'annual'>> => c.priced && c.annual !== undefined,
  );
  if (model.candidates.length > 0) {
    const rows: string[][] = [
      [t(L.candidate), t(L.segment), t(L.digits), t(L.annual), t(L.monthly), t(L.validityTotal), t(L.line)],
    ];
    for (const c of model.candidates) {
      rows.push([
        c.number,
        c.segment ?? '',
        c.digits > 0 ? String(c.digits) : '',
        c.annual?.text ?? t(L.notPriced),
        c.monthly?.text ?? '',
        c.validityTotal?.text ?? '',
        lineOf(c.path),
      ]);
    }
    out.push(...table(rows, [false, false, false, true, true, true, true]), '');
  }

  if (priced.length > 0 && model.firstYearQuarters.length > 0) {
    out.push(t(L.schedule));
    const rows: string[][] = [[t(L.quarter), t(L.months), t(L.due), ...priced.map((c) => c.number)]];
    model.firstYearQuarters.forEach((q, i) => {
      const first = priced[0]?.firstYear[i];
      const span = first
        ? first.firstMonth === first.lastMonth
          ? first.firstMonth
          : `${first.firstMonth}..${first.lastMonth}`
        : '';
      rows.push([
        q.label,
        `${span} (${q.months})`,
        q.due.date,
        ...priced.map((c) => c.firstYear[i]?.amount.text ?? ''),
      ]);
    });
    const months = model.firstYearQuarters.reduce((sum, q) => sum + q.months, 0);
    rows.push([t(L.total), `(${months})`, '', ...priced.map((c) => c.firstYearTotal?.text ?? '')]);
    out.push(...table(rows, [false, false, false, ...priced.map(() => true)]), '');
  }

  const years = priced[0]?.yearly ?? [];
  if (years.length > 0) {
    out.push(t(L.yearly));
    const rows: string[][] = [[t(L.year), t(L.monthsCount), ...priced.map((c) => c.number)]];
    years.forEach((y, i) =>
      rows.push([String(y.year), String(y.months), ...priced.map((c) => c.yearly[i]?.amount.text ?? '')]),
    );
    rows.push([
      t(L.total),
      String(model.validity?.months ?? ''),
      ...priced.map((c) => c.validityTotal?.text ?? ''),
    ]);
    out.push(...table(rows, [false, true, ...priced.map(() => true)]), '');
  }

  const cmp = model.comparison;
  if (cmp) {
    let line = fill(t(L.comparison), {
      six: cmp.sixDigit.number ?? t(L.anySix),
      five: cmp.fiveDigit.number ?? t(L.anyFive),
      sixAnnual: cmp.sixDigit.annual.text,
      fiveAnnual: cmp.fiveDigit.annual.text,
      perYear: cmp.savingPerYear.text,
    });
    if (cmp.savingOverValidity && model.validity)
      line += fill(t(L.comparisonValidity), {
        total: cmp.savingOverValidity.text,
        months: model.validity.months,
      });
    out.push(`${line}${locale === 'en' ? '.' : '。'}`, '');
  }

  out.push(`${t(L.notes)}${colon.trimEnd()}`);
  // The unconfirmed standard is already the second line of the output.
  for (const note of model.notes) if (note.id !== 'rate-unconfirmed') out.push(`  - ${t(note.text)}`);
  return `${out.join('\n')}\n`;
}
