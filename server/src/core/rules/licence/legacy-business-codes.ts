/**
 * R-LICENCE-008: a licence issued before 2016-03-01 (when the 2015 catalogue took effect) may print
 * 2003-catalogue codes, where the same code means another business (B22 was call centres). When such a
 * licence gives codes, say that businesses are matched by name and the codes are for reference only.
 */
import { compareDates, formatIsoDate } from '../../checks/dates';
import { legacyCatalogue } from '../../data/businesses';
import { defineRule } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';
import { licenceDate } from './shared';

/** The day the 2015 《电信业务分类目录》 took effect. */
const CATALOGUE_2015 = { year: 2016, month: 3, day: 1 } as const;

export const legacyBusinessCodes = defineRule({
  id: 'R-LICENCE-008',
  name: 'legacy-business-codes',
  defaultSeverity: 'info',
  status: 'unverified',
  fixable: false,
  fields: [
    'licence.valid_from',
    'licence.businesses',
    'licence.businesses.*',
    'licence.businesses.*.name',
    'licence.businesses.*.code',
  ],
  description: {
    'zh-cn': '2016-03-01 以前核发的许可证可能使用 2003 年版目录的业务代码，业务按名称比对。',
    en: 'Licences issued before 2016-03-01 may print 2003-catalogue codes; businesses are matched by name.',
  },
  messages: {
    legacyCodes: {
      'zh-cn':
        '许可证有效期自 {from} 起，早于 2016-03-01（2015 年版《电信业务分类目录》施行日），所填业务代码（{codes}）可能是 2003 年版目录的代码，含义不同（如 B22 在 2003 年版中是呼叫中心业务）。本工具按业务名称比对，代码仅供参考；请确认业务名称与许可证一致。',
      en: 'The licence is valid from {from}, before 2016-03-01 when the 2015 catalogue took effect, so its business codes ({codes}) may be 2003-catalogue codes with other meanings (B22 meant call centres in 2003). Businesses are matched by name and the codes are for reference only; make sure the names match the licence.',
    },
  },
  check(ctx) {
    const from = licenceDate(ctx.app, 'valid_from');
    if (!from || compareDates(from, CATALOGUE_2015) >= 0) return;
    const codes: string[] = [];
    for (const item of getArray(ctx.app, ['licence', 'businesses'])) {
      if (!isRecord(item)) continue;
      const code = getString(item, ['code'])?.trim();
      if (code === undefined || code === '') continue;
      const legacy = legacyCatalogue.codes[code];
      const name = getString(item, ['name']) ?? '';
      codes.push(legacy !== undefined && legacy !== name ? `${code}（2003：${legacy}）` : code);
    }
    if (codes.length === 0) return;
    ctx.report({
      path: ['licence', 'businesses'],
      target: 'key',
      messageId: 'legacyCodes',
      params: { from: formatIsoDate(from), codes: { 'zh-cn': codes.join('、'), en: codes.join(', ') } },
    });
  },
});
