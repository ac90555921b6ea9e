/**
 * The completion value for `tech.seats` (beside erlang.ts): the fewest seats Erlang C asks for from
 * the traffic forecast.
 */
import { getNumber, getRecord } from '../document/data-access';
import { t } from '../features/field-docs';
import type { CompletionContext as Context, ValueCandidate } from '../features/value-provider';
import { agentsRequired } from './erlang';

export function seatCandidates(context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const forecast = getRecord(data, ['tech', 'traffic_forecast']);
  const calls = getNumber(forecast, ['busy_hour_calls']);
  const aht = getNumber(forecast, ['average_handle_time_s']);
  if (calls === undefined || aht === undefined || calls <= 0 || aht <= 0) return [];
  const percent = getNumber(forecast, ['service_level', 'target_percent']) ?? 80;
  const within = getNumber(forecast, ['service_level', 'answer_within_s']) ?? 20;
  const result = agentsRequired({
    callsPerHour: calls,
    ahtSeconds: aht,
    targetPercent: percent,
    answerWithinSeconds: within,
  });
  if (!result.ok) return [];
  return [
    {
      label: String(result.agents),
      kind: 'value',
      bucket: 0,
      literal: true,
      description: t(locale, 'Erlang C 所需最少坐席', 'fewest seats by Erlang C'),
      detail: t(
        locale,
        `忙时 ${calls} 次 × ${aht} 秒，${percent}% 在 ${within} 秒内接通`,
        `${calls} busy-hour calls × ${aht} s, ${percent}% within ${within} s`,
      ),
    },
  ];
}
