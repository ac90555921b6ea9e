/**
 * R-SCHEDULE-001: the opening schedule (material 8) names every province of the area of use, and
 * no province outside it. A missing province gets a warning on the `schedule` key with a fix that
 * appends an entry. A missing or empty schedule is the schema's job.
 */
import { defineRule } from '../define-rule';
import { getArray, getNumber, isRecord } from '../../document/data-access';
import { areaProvinces, provinceOf } from './shared';

type MessageId = 'provinceMissing' | 'provinceOutsideArea';

export default defineRule<MessageId>({
  id: 'R-SCHEDULE-001',
  name: 'schedule-covers-area',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: true,
  fields: ['schedule', 'schedule.*', 'schedule.*.province'],
  description: {
    'zh-cn': '启用实施进度包括号码使用范围内的每一个省份，且不包括使用范围以外的省份。',
    en: 'The opening schedule includes every province of the area of use, and none outside it.',
  },
  messages: {
    provinceMissing: {
      'zh-cn': '使用范围包括{province}，但启用实施进度中没有{province}的开通安排。请补充该省批准后第几个月（month_offset）或具体日期（date）开通。',
      en: 'The area of use includes {province}, but the opening schedule has no entry for it. Add when the number opens there: months after approval (month_offset) or a date (date).',
    },
    provinceOutsideArea: {
      'zh-cn': '启用实施进度中的{province}不在号码的使用范围（usage.area）内。请把该省加入使用范围，或从进度中删除。',
      en: '{province} in the opening schedule is not in the area of use (usage.area). Add the province to the area of use, or remove it from the schedule.',
    },
  },
  check(ctx) {
    const schedule = getArray(ctx.app, ['schedule']);
    if (schedule.length === 0) return;
    const area = areaProvinces(ctx.app);
    if (area.length === 0) return;

    const scheduled = new Set<string>();
    let maxOffset: number | undefined;
    schedule.forEach((entry) => {
      if (!isRecord(entry)) return;
      const p = provinceOf(entry['province']);
      if (p) scheduled.add(p.code);
      const offset = getNumber(entry, ['month_offset']);
      if (offset !== undefined && Number.isInteger(offset) && offset >= 0 && offset <= ctx.thresholds.scheduleMonths) {
        maxOffset = Math.max(maxOffset ?? 0, offset);
      }
    });

    for (const province of area) {
      if (scheduled.has(province.code)) continue;
      const value = { province: province.name, month_offset: maxOffset ?? 1 };
      ctx.report({
        path: ['schedule'],
        target: 'key',
        messageId: 'provinceMissing',
        severity: 'warning',
        params: { province: province.name },
        extra: { province: province.name },
        fixes: [
          {
            kind: 'appendItem',
            path: ['schedule'],
            value,
            title: {
              'zh-cn': `补充${province.name}的开通安排（批准后第 ${value.month_offset} 个月）`,
              en: `Add ${province.name} to the schedule (month ${value.month_offset} after approval)`,
            },
          },
        ],
      });
    }

    const inArea = new Set(area.map((p) => p.code));
    schedule.forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const p = provinceOf(entry['province']);
      if (p === undefined || inArea.has(p.code)) return;
      ctx.report({
        path: ['schedule', index, 'province'],
        messageId: 'provinceOutsideArea',
        severity: 'warning',
        params: { province: p.name },
      });
    });
  },
});
