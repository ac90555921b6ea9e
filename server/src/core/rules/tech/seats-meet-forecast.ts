/**
 * R-TECH-001: the seat plan against the voice traffic forecast (material 7(1)). Computes with Erlang C
 * the agents the busy-hour calls, the average handle time and the service level need, and warns when
 * `tech.seats` is fewer; also checks that the sites' seats add up to `tech.seats` and that the
 * busy-hour calls do not exceed the daily calls. Presence of the forecast and seats is the schema's job.
 */
import { agentsRequired, erlangs, MAX_ERLANGS } from '../../checks/erlang';
import { defineRule, type RelatedReport } from '../define-rule';
import { getArray, getNumber, getRecord, getString, isRecord } from '../../document/data-access';
import { formatNumber } from './shared';

/** The service level assumed when the forecast gives none: 80 % of calls answered within 20 s. */
const DEFAULT_TARGET_PERCENT = 80;
const DEFAULT_ANSWER_WITHIN_S = 20;

type MessageId =
  | 'seatsBelowRequired'
  | 'seatsBelowRequiredDefaultLevel'
  | 'trafficTooLarge'
  | 'siteSeatsMismatch'
  | 'siteSeats'
  | 'busyHourAboveDaily';

export default defineRule<MessageId>({
  id: 'R-TECH-001',
  name: 'seats-meet-traffic-forecast',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: [
    'tech.traffic_forecast',
    'tech.traffic_forecast.busy_hour_calls',
    'tech.traffic_forecast.average_handle_time_s',
    'tech.traffic_forecast.service_level',
    'tech.traffic_forecast.service_level.target_percent',
    'tech.traffic_forecast.service_level.answer_within_s',
    'tech.traffic_forecast.daily_calls',
    'tech.seats',
    'tech.platform.sites.*.seats',
  ],
  description: {
    'zh-cn': '按 Erlang C 模型核算话务量预测所需的坐席数，规划坐席数不应少于该数，并与各设置地坐席数之和一致。',
    en: 'Checks with Erlang C that the planned seats cover the agents the traffic forecast needs, and that they match the sum of the sites’ seats.',
  },
  messages: {
    seatsBelowRequired: {
      'zh-cn':
        '按忙时 {calls} 次、平均 {aht} 秒、{percent}% 在 {within} 秒内接通计算，至少需要 {required} 个坐席，规划为 {seats} 个。请把坐席数增加到至少 {required} 个，或核对话务量预测。',
      en: 'With {calls} busy-hour calls of {aht} s on average and {percent}% answered within {within} s, at least {required} seats are needed, but {seats} are planned. Raise the seats to at least {required}, or check the traffic forecast.',
    },
    seatsBelowRequiredDefaultLevel: {
      'zh-cn':
        '未填写服务水平目标（service_level），按常用的 80% 在 20 秒内接通计算：忙时 {calls} 次、平均 {aht} 秒，至少需要 {required} 个坐席，规划为 {seats} 个。请增加坐席数，或写明服务水平目标并核对话务量预测。',
      en: 'No service-level target (service_level) is given, so the usual 80% within 20 s is assumed: {calls} busy-hour calls of {aht} s on average need at least {required} seats, but {seats} are planned. Raise the seats, or state the service-level target and check the forecast.',
    },
    trafficTooLarge: {
      'zh-cn':
        '忙时 {calls} 次、平均 {aht} 秒相当于约 {erlangs} 爱尔兰的话务量，超出可核算的范围，无法核算所需坐席数。请检查忙时呼入量和平均处理时长是否写错（如多写了几个 0）。',
      en: '{calls} busy-hour calls of {aht} s are about {erlangs} Erlangs, beyond what can be computed, so the seats needed cannot be checked. Check the busy-hour calls and the handle time for typos (extra zeros).',
    },
    siteSeatsMismatch: {
      'zh-cn': '规划坐席数为 {seats} 个，但各设置地的坐席数之和为 {sum} 个（{detail}）。请使两者一致。',
      en: '{seats} seats are planned, but the sites’ seats add up to {sum} ({detail}). Make them agree.',
    },
    siteSeats: {
      'zh-cn': '设置地“{site}”的坐席数：{count}',
      en: 'Seats at site “{site}”: {count}',
    },
    busyHourAboveDaily: {
      'zh-cn': '日均呼入量 {daily} 次少于忙时呼入量 {calls} 次，忙时一小时的呼叫不可能多于全天。请核对这两个数。',
      en: 'The daily calls ({daily}) are fewer than the busy-hour calls ({calls}); one hour cannot have more calls than the whole day. Check both figures.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const forecastPath = ['tech', 'traffic_forecast'] as const;
    const calls = positive(getNumber(app, [...forecastPath, 'busy_hour_calls']));
    const aht = positive(getNumber(app, [...forecastPath, 'average_handle_time_s']));
    const seats = getNumber(app, ['tech', 'seats']);
    const validSeats = seats !== undefined && Number.isInteger(seats) && seats > 0 ? seats : undefined;

    // Erlang C: the agents the forecast needs.
    if (calls !== undefined && aht !== undefined) {
      const traffic = erlangs(calls, aht);
      const level = serviceLevelOf(app);
      if (!Number.isFinite(traffic) || traffic > MAX_ERLANGS) {
        ctx.report({
          path: [...forecastPath, 'busy_hour_calls'],
          messageId: 'trafficTooLarge',
          severity: 'info',
          params: { calls: formatNumber(calls), aht: formatNumber(aht), erlangs: formatErlangs(traffic) },
          extra: { maxErlangs: MAX_ERLANGS },
        });
      } else if (level !== undefined) {
        const result = agentsRequired({
          callsPerHour: calls,
          ahtSeconds: aht,
          targetPercent: level.percent,
          answerWithinSeconds: level.within,
        });
        if (result.ok && validSeats !== undefined && validSeats < result.agents) {
          ctx.report({
            path: ['tech', 'seats'],
            messageId: level.defaulted ? 'seatsBelowRequiredDefaultLevel' : 'seatsBelowRequired',
            severity: 'warning',
            params: {
              calls: formatNumber(calls),
              aht: formatNumber(aht),
              percent: formatNumber(level.percent),
              within: formatNumber(level.within),
              required: result.agents,
              seats: validSeats,
            },
            extra: {
              required: result.agents,
              erlangs: Math.round(result.erlangs * 100) / 100,
              targetPercent: level.percent,
              answerWithinSeconds: level.within,
              serviceLevelDefaulted: level.defaulted,
            },
          });
        }
      }
    }

    // The sites' seats add up to tech.seats (only when every site states its seats).
    const sites = getArray(app, ['tech', 'platform', 'sites']);
    if (validSeats !== undefined && sites.length > 0) {
      const counts: { index: number; label: string; count: number }[] = [];
      sites.forEach((site, index) => {
        if (!isRecord(site)) return;
        const count = getNumber(site, ['seats']);
        if (count === undefined || !Number.isInteger(count) || count < 1) return;
        const label = getString(site, ['name']) ?? getString(site, ['id']) ?? `#${index + 1}`;
        counts.push({ index, label, count });
      });
      const sum = counts.reduce((total, c) => total + c.count, 0);
      if (counts.length === sites.length && sum !== validSeats) {
        const related: RelatedReport<MessageId>[] = counts.map((c) => ({
          path: ['tech', 'platform', 'sites', c.index, 'seats'],
          messageId: 'siteSeats',
          params: { site: c.label, count: c.count },
        }));
        ctx.report({
          path: ['tech', 'seats'],
          messageId: 'siteSeatsMismatch',
          severity: 'warning',
          params: {
            seats: validSeats,
            sum,
            detail: {
              'zh-cn': counts.map((c) => `${c.label} ${c.count} 个`).join('、'),
              en: counts.map((c) => `${c.label} ${c.count}`).join(', '),
            },
          },
          extra: { sitesSum: sum },
          related,
        });
      }
    }

    // Busy-hour calls cannot exceed the daily calls.
    const daily = positive(getNumber(app, [...forecastPath, 'daily_calls']));
    if (calls !== undefined && daily !== undefined && calls > daily) {
      ctx.report({
        path: [...forecastPath, 'daily_calls'],
        messageId: 'busyHourAboveDaily',
        severity: 'warning',
        params: { daily: formatNumber(daily), calls: formatNumber(calls) },
      });
    }
  },
});

function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined;
}

/**
 * The service-level target: the written one, or 80/20 when `service_level` is absent. Undefined when
 * it is present but unusable (the schema reports that).
 */
function serviceLevelOf(app: unknown): { percent: number; within: number; defaulted: boolean } | undefined {
  const path = ['tech', 'traffic_forecast', 'service_level'];
  const level = getRecord(app, path);
  if (level === undefined) {
    const raw = getRecord(app, ['tech', 'traffic_forecast']);
    if (raw !== undefined && Object.prototype.hasOwnProperty.call(raw, 'service_level')) return undefined;
    return { percent: DEFAULT_TARGET_PERCENT, within: DEFAULT_ANSWER_WITHIN_S, defaulted: true };
  }
  const percent = getNumber(level, ['target_percent']);
  const within = getNumber(level, ['answer_within_s']);
  if (percent === undefined || within === undefined || percent <= 0 || percent > 100 || within <= 0) return undefined;
  return { percent, within, defaulted: false };
}

function formatErlangs(a: number): string {
  if (!Number.isFinite(a)) return `>${MAX_ERLANGS.toExponential(0)}`;
  return a >= 1e6 ? a.toExponential(2) : formatNumber(a);
}
