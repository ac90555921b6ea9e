/**
 * The inline figures of the editor, as data: the readiness lens at the top of the file, a fee lens
 * on each candidate number (annual occupation fee by digit length, fees.ts) with the R-NUMBER-009
 * reminder to look the numbers up, and the Erlang C requirement next to `tech.seats` (the same model
 * and default service level as R-TECH-001). Text in the requested locale; ranges are offsets.
 * What a click does is an abstract action: the LSP handlers map it to a command. Pure.
 */
import { agentsRequired } from '../checks/erlang';
import { annualFeeFen, feeStandard, feesConfirmed, formatFen } from '../data/fees';
import { locate, rootHead } from '../document/locate';
import type { ParsedDocument } from '../document/parse';
import { getNumber, getRecord } from '../document/data-access';
import { candidatesOf } from '../rules/number/candidates';
import type { Finding, Locale, OffsetRange } from '../types';
import { readiness, type Readiness } from './readiness';

/** What clicking a lens does; the server maps each to a client command. */
export type LensAction =
  | { readonly kind: 'showProblems' }
  | { readonly kind: 'showFeePreview' }
  | { readonly kind: 'openRuleDoc'; readonly ruleId: string };

export interface LensModel {
  /** The range the lens belongs to (shown above its first line). */
  readonly range: OffsetRange;
  readonly title: string;
  readonly tooltip?: string;
  readonly action: LensAction;
}

/** An inline hint after a value. */
export interface HintModel {
  /** Where the hint is shown: right after the value. */
  readonly offset: number;
  readonly label: string;
  readonly tooltip: string;
}

/** The rule whose reminder the candidate lens shows. */
export const NUMBER_LOOKUP_RULE = 'R-NUMBER-009';
/** The rule whose model the seats hint uses. */
export const SEATS_RULE = 'R-TECH-001';

/** R-TECH-001's default when the forecast gives no service level: 80 % within 20 s. */
const DEFAULT_LEVEL = { percent: 80, within: 20 } as const;

/** "材料完成 12/12 · 0 个错误 · 2 个警告". */
export function readinessTitle(r: Readiness, locale: Locale): string {
  return locale === 'en'
    ? `Materials complete ${r.complete}/${r.total} · ${r.errors} ${r.errors === 1 ? 'error' : 'errors'} · ${r.warnings} ${r.warnings === 1 ? 'warning' : 'warnings'}`
    : `材料完成 ${r.complete}/${r.total} · ${r.errors} 个错误 · ${r.warnings} 个警告`;
}

/** Lists the incomplete materials (or says all are complete), for the readiness lens's tooltip. */
export function readinessTooltip(r: Readiness, locale: Locale): string {
  const open = r.materials.filter((m) => !m.complete);
  if (open.length === 0)
    return locale === 'en'
      ? 'All 12 materials are present and free of errors. Click to open the Problems view.'
      : '12 项材料均已填写且没有错误。点击打开“问题”视图。';
  const items = open.map((m) => {
    const title = m.material.title[locale];
    const why =
      locale === 'en'
        ? m.present
          ? `${m.errors} ${m.errors === 1 ? 'error' : 'errors'}`
          : 'missing'
        : m.present
          ? `${m.errors} 个错误`
          : '缺少';
    return locale === 'en'
      ? `${m.material.number}. ${title} (${why})`
      : `材料${m.material.number} ${title}（${why}）`;
  });
  return locale === 'en'
    ? `Incomplete: ${items.join('; ')}. Click to open the Problems view.`
    : `未完成：${items.join('；')}。点击打开“问题”视图。`;
}

/** "年占用费 ¥240,000（5位）", or a note that there is no rate for this length. */
export function feeTitle(digits: string, locale: Locale): string {
  const fen = annualFeeFen(digits.length);
  if (fen === undefined)
    return locale === 'en'
      ? `${digits}: no occupation fee rate for ${digits.length} digits`
      : `${digits}：${digits.length}位号码没有占用费标准`;
  return locale === 'en'
    ? `${digits}: annual occupation fee ${formatFen(fen)} (${digits.length} digits)`
    : `${digits}：年占用费 ${formatFen(fen)}（${digits.length}位）`;
}

/** The reminder of R-NUMBER-009. */
export function lookupReminder(locale: Locale): string {
  return locale === 'en' ? 'Check availability in the number lookup' : '请在码号查询系统核实可用性';
}

/** The lenses of a document: readiness at the top, fees and the lookup reminder on the candidates. */
export function documentLenses(
  findings: readonly Finding[],
  document: ParsedDocument | undefined,
  locale: Locale,
): LensModel[] {
  const r = readiness(findings, document);
  const top: OffsetRange = document === undefined ? { start: 0, end: 0 } : rootHead(document);
  const lenses: LensModel[] = [
    {
      range: top,
      title: readinessTitle(r, locale),
      tooltip: readinessTooltip(r, locale),
      action: { kind: 'showProblems' },
    },
  ];
  if (document === undefined || !document.hasRoot) return lenses;

  const candidates = candidatesOf(document.value).filter((c) => c.digits !== undefined);
  if (candidates.length === 0) return lenses;
  const listKey = locate(document, ['number', 'candidates'], 'key');
  const lookup = reminderTooltip(locale);
  lenses.push({
    range: listKey.range,
    title: lookupReminder(locale),
    tooltip: lookup,
    action: { kind: 'openRuleDoc', ruleId: NUMBER_LOOKUP_RULE },
  });
  const source = feesConfirmed ? undefined : feeStandard[locale];
  for (const candidate of candidates) {
    const at = locate(document, candidate.path, 'value');
    if (!at.exact) continue;
    lenses.push({
      range: at.range,
      title: feeTitle(candidate.digits ?? '', locale),
      ...(source === undefined ? {} : { tooltip: source }),
      action: { kind: 'showFeePreview' },
    });
  }
  return lenses;
}

function reminderTooltip(locale: Locale): string {
  return locale === 'en'
    ? `${NUMBER_LOOKUP_RULE}: look each candidate up in MIIT's public number lookup (miinac.gov.cn, "号码查询") before submitting. Click for the rule page.`
    : `${NUMBER_LOOKUP_RULE}：提交前在工信部码号资源公示查询（miinac.gov.cn“号码查询”）中逐个确认候选号码尚未被占用。点击查看规则说明。`;
}

/** The seats the traffic forecast needs under Erlang C, or undefined when the forecast is unusable. */
export interface SeatsRequirement {
  readonly required: number;
  readonly erlangs: number;
  readonly percent: number;
  readonly within: number;
  /** True when the forecast states no service level and 80/20 is assumed. */
  readonly defaulted: boolean;
  /** `tech.seats` when it is a positive integer. */
  readonly seats: number | undefined;
}

export function seatsRequirement(app: unknown): SeatsRequirement | undefined {
  const forecast = ['tech', 'traffic_forecast'] as const;
  const calls = getNumber(app, [...forecast, 'busy_hour_calls']);
  const aht = getNumber(app, [...forecast, 'average_handle_time_s']);
  if (calls === undefined || aht === undefined || !(calls > 0) || !(aht > 0)) return undefined;
  let level: { percent: number; within: number; defaulted: boolean };
  const written = getRecord(app, [...forecast, 'service_level']);
  if (written === undefined) {
    if (hasKey(app, 'service_level')) return undefined;
    level = { ...DEFAULT_LEVEL, defaulted: true };
  } else {
    const percent = getNumber(written, ['target_percent']);
    const within = getNumber(written, ['answer_within_s']);
    if (percent === undefined || within === undefined || !(percent > 0) || percent > 100 || !(within > 0))
      return undefined;
    level = { percent, within, defaulted: false };
  }
  const result = agentsRequired({
    callsPerHour: calls,
    ahtSeconds: aht,
    targetPercent: level.percent,
    answerWithinSeconds: level.within,
  });
  if (!result.ok) return undefined;
  const seats = getNumber(app, ['tech', 'seats']);
  return {
    required: result.agents,
    erlangs: result.erlangs,
    percent: level.percent,
    within: level.within,
    defaulted: level.defaulted,
    seats: seats !== undefined && Number.isInteger(seats) && seats > 0 ? seats : undefined,
  };
}

/** `service_level` written but not a mapping (e.g. `service_level: 80`): the schema reports it. */
function hasKey(app: unknown, key: string): boolean {
  const forecast = getRecord(app, ['tech', 'traffic_forecast']);
  return forecast !== undefined && Object.prototype.hasOwnProperty.call(forecast, key);
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** "需要 ≥ 66 席以达到 80/20". */
export function seatsLabel(req: SeatsRequirement, locale: Locale): string {
  const level = `${round(req.percent)}/${round(req.within)}`;
  return locale === 'en' ? `needs ≥ ${req.required} seats for ${level}` : `需要 ≥ ${req.required} 席以达到 ${level}`;
}

export function seatsTooltip(req: SeatsRequirement, locale: Locale): string {
  const erl = round(req.erlangs);
  const short = req.seats !== undefined && req.seats < req.required;
  if (locale === 'en') {
    return [
      `Erlang C (${SEATS_RULE}): the forecast is ${erl} Erlangs; ${req.required} seats answer ${round(req.percent)}% of calls within ${round(req.within)} s.`,
      req.defaulted ? 'No service level is given, so the usual 80/20 is assumed.' : '',
      short ? `${req.seats} seats are planned: ${req.required - (req.seats ?? 0)} short.` : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
  }
  return [
    `Erlang C（${SEATS_RULE}）：预测话务量 ${erl} 爱尔兰，${req.required} 个坐席可使 ${round(req.percent)}% 的呼叫在 ${round(req.within)} 秒内接通。`,
    req.defaulted ? '未填写服务水平目标，按常用的 80/20 计算。' : '',
    short ? `规划 ${req.seats} 个坐席，还差 ${req.required - (req.seats ?? 0)} 个。` : '',
  ]
    .filter((s) => s !== '')
    .join('');
}

/** The seats hint after the value of `tech.seats`, when the forecast allows computing it. */
export function documentHints(document: ParsedDocument | undefined, locale: Locale): HintModel[] {
  if (document === undefined || !document.hasRoot) return [];
  const req = seatsRequirement(document.value);
  if (req === undefined) return [];
  const at = locate(document, ['tech', 'seats'], 'value');
  if (!at.exact) return [];
  return [{ offset: at.range.end, label: seatsLabel(req, locale), tooltip: seatsTooltip(req, locale) }];
}
