/**
 * R-OUTBOUND-002: requested outbound calls keep recordings, caller/called numbers, times and consent
 * evidence for at least 30 days, and avoid the users' rest time (工信部信管〔2020〕81号, S14:
 * "应当留存不少于30日…并尽量避开用户休息时间"). The 30 days are the notice's; the rest-time window
 * (calls only between 08:00 and 21:00) is this tool's Inference, as no source gives hours.
 */
import { defineRule } from '../define-rule';
import { get, getBoolean, getString } from '../../document/data-access';

/** The notice's minimum retention, in days. */
export const MIN_RETENTION_DAYS = 30;
/** Inference: calls before this minute of the day reach into rest time (08:00). */
export const REST_ENDS_AT = 8 * 60;
/** Inference: calls after this minute of the day reach into rest time (21:00). */
export const REST_STARTS_AT = 21 * 60;

const HOURS = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Minutes since midnight of 'HH:MM-HH:MM' (end may be 24:00), or undefined when it is not that form. */
export function parseHours(text: string): { start: number; end: number } | undefined {
  const m = HOURS.exec(text.trim());
  if (!m) return undefined;
  const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (sh > 23 || sm > 59 || eh > 24 || em > 59) return undefined;
  return { start: sh * 60 + sm, end: eh * 60 + em };
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const WINDOW = `${formatMinutes(REST_ENDS_AT)}-${formatMinutes(REST_STARTS_AT)}`;

export const outboundRetentionHours = defineRule({
  id: 'R-OUTBOUND-002',
  name: 'outbound-retention-and-hours',
  defaultSeverity: 'warning',
  status: 'secondary',
  description: {
    'zh-cn': '开通呼出的，通话录音等信息留存不少于 30 日，呼出时段避开用户休息时间。',
    en: "With outbound calls, recordings and related records are kept at least 30 days and calls avoid the users' rest time.",
  },
  fixable: true,
  fields: ['outbound', 'outbound.retention_days', 'outbound.hours'],
  messages: {
    retentionTooShort: {
      'zh-cn':
        '留存天数 {value} 天少于 {min} 天。开通呼出的，应留存不少于 30 日的通话录音、主被叫号码、拨打时间和用户同意凭证（工信部信管〔2020〕81号），请改为不少于 {min}。',
      en: 'Records are kept {value} days, fewer than {min}. With outbound calls, recordings, caller and called numbers, call times and consent evidence must be kept at least 30 days (MIIT notice 〔2020〕81): set at least {min}.',
    },
    retentionMissing: {
      'zh-cn':
        '申请开通呼出，但没有填写留存天数（retention_days）。应留存不少于 30 日的通话录音、主被叫号码、拨打时间和用户同意凭证（工信部信管〔2020〕81号），请填写不少于 {min} 的天数。',
      en: 'Outbound calls are requested but retention_days is missing. Recordings, caller and called numbers, call times and consent evidence must be kept at least 30 days (MIIT notice 〔2020〕81): fill in at least {min}.',
    },
    hoursInRestTime: {
      'zh-cn':
        '呼出时段“{value}”进入用户休息时间（早于 {restEnds} 或晚于 {restStarts}）。外呼应尽量避开用户休息时间（工信部信管〔2020〕81号）；{window} 是本工具的推断，并非官方时段。请把呼出时段限定在 {window} 之内。',
      en: 'The calling hours "{value}" reach into the users\' rest time (before {restEnds} or after {restStarts}). Outbound calls should avoid rest time (MIIT notice 〔2020〕81); {window} is this tool\'s inference, not an official window. Keep the calling hours within {window}.',
    },
    hoursOvernight: {
      'zh-cn':
        '呼出时段“{value}”跨越午夜，进入用户休息时间。外呼应尽量避开用户休息时间（工信部信管〔2020〕81号）；{window} 是本工具的推断，并非官方时段。请把呼出时段限定在 {window} 之内。',
      en: 'The calling hours "{value}" run past midnight into the users\' rest time. Outbound calls should avoid rest time (MIIT notice 〔2020〕81); {window} is this tool\'s inference, not an official window. Keep the calling hours within {window}.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    if (getBoolean(app, ['outbound', 'enabled']) !== true) return;

    const retention = get(app, ['outbound', 'retention_days']);
    if (retention === undefined) {
      ctx.report({
        path: ['outbound'],
        target: 'key',
        messageId: 'retentionMissing',
        params: { min: MIN_RETENTION_DAYS },
        fixes: [
          {
            kind: 'insertProperty',
            path: ['outbound'],
            key: 'retention_days',
            value: MIN_RETENTION_DAYS,
            title: {
              'zh-cn': `填写留存天数 ${MIN_RETENTION_DAYS}`,
              en: `Add retention_days: ${MIN_RETENTION_DAYS}`,
            },
          },
        ],
      });
    } else if (
      typeof retention === 'number' &&
      Number.isInteger(retention) &&
      retention >= 1 &&
      retention < MIN_RETENTION_DAYS
    ) {
      // Non-integers and values below 1 are the schema's (type / minimum).
      ctx.report({
        path: ['outbound', 'retention_days'],
        messageId: 'retentionTooShort',
        params: { value: retention, min: MIN_RETENTION_DAYS },
        fixes: [
          {
            kind: 'replaceValue',
            path: ['outbound', 'retention_days'],
            value: MIN_RETENTION_DAYS,
            title: { 'zh-cn': `改为 ${MIN_RETENTION_DAYS} 天`, en: `Set to ${MIN_RETENTION_DAYS} days` },
          },
        ],
      });
    }

    const hoursText = getString(app, ['outbound', 'hours']);
    const hours = hoursText === undefined ? undefined : parseHours(hoursText);
    if (hoursText === undefined || hours === undefined) return; // absent or malformed: the schema's pattern
    const params = {
      value: hoursText,
      restEnds: formatMinutes(REST_ENDS_AT),
      restStarts: formatMinutes(REST_STARTS_AT),
      window: WINDOW,
    };
    if (hours.start >= hours.end) {
      ctx.report({ path: ['outbound', 'hours'], messageId: 'hoursOvernight', params });
      return;
    }
    if (hours.start >= REST_ENDS_AT && hours.end <= REST_STARTS_AT) return;
    const start = Math.max(hours.start, REST_ENDS_AT);
    const end = Math.min(hours.end, REST_STARTS_AT);
    const clamped = start < end ? `${formatMinutes(start)}-${formatMinutes(end)}` : undefined;
    ctx.report({
      path: ['outbound', 'hours'],
      messageId: 'hoursInRestTime',
      params,
      ...(clamped !== undefined
        ? {
            fixes: [
              {
                kind: 'replaceValue' as const,
                path: ['outbound', 'hours'],
                value: clamped,
                title: { 'zh-cn': `改为“${clamped}”`, en: `Change to "${clamped}"` },
              },
            ],
          }
        : {}),
    });
  },
});
