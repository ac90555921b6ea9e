/**
 * R-APPLICANT-006: the declared compliance record. A penalty for violating the numbering rules bars
 * the application (error); being on the 电信业务经营失信名单 or any other recent penalty is a likely
 * objection (warning). Everything listed under `penalties` is taken as recent: that is what the field
 * asks for.
 */
import type { LocalizedText } from '../../types';
import { defineRule, get, getArray, getBoolean, getRecord, getString, isRecord } from '../define-rule';

const COMPLIANCE = ['applicant', 'compliance'] as const;

export const complianceRecord = defineRule({
  id: 'R-APPLICANT-006',
  name: 'compliance-record',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  description: {
    'zh-cn': '申请单位未列入电信业务经营失信名单，近期未受行政处罚，且未因违反码号资源管理规定受到处罚。',
    en: 'The applicant is not on the untrustworthy list of telecom operators, has no recent administrative penalty, and none for violating the numbering rules.',
  },
  messages: {
    untrustworthy: {
      'zh-cn':
        '申报已列入电信业务经营失信名单。公司及其主要投资者、主要经营管理人员未被列入失信名单是经营许可条件（《电信业务经营许可管理办法》第六条(六)），申请很可能被驳回；请先依规申请移出名单，并核实申报是否正确。',
      en: 'The applicant declares it is on the untrustworthy list of telecom operators. Not being on that list (company, main investors, managers) is a licensing condition (MIIT Order No. 42, art. 6(6)), so the application will most likely be refused; apply for removal first and check that the declaration is right.',
    },
    numberPenalty: {
      'zh-cn':
        '第 {n} 项行政处罚（{label}）是因违反码号资源管理规定受到的处罚；因此受到行政处罚的，码号申请不予受理（工信部信管〔2020〕81号）。请核实该项是否确属码号违规。',
      en: 'Penalty {n} ({label}) was imposed for violating the numbering rules; an applicant penalised for that is not accepted for a number (MIIT notice 工信部信管〔2020〕81号). Check whether this penalty really concerns numbering.',
    },
    otherPenalty: {
      'zh-cn':
        '申报了近期行政处罚（第 {n} 项：{label}）。申请条件要求近期未受到主管部门行政处罚，审查时可能被问及；请在申请材料中说明处罚原因和整改情况。',
      en: 'A recent administrative penalty is declared (item {n}: {label}). The conditions ask for no recent penalty by the authorities, so the reviewer may ask about it; explain the reason and the remedial action in the application.',
    },
  },
  check(ctx) {
    const compliance = getRecord(ctx.app, COMPLIANCE);
    if (compliance === undefined) return;
    if (getBoolean(ctx.app, [...COMPLIANCE, 'untrustworthy_list']) === true) {
      ctx.report({
        path: [...COMPLIANCE, 'untrustworthy_list'],
        messageId: 'untrustworthy',
        severity: 'warning',
      });
    }
    getArray(ctx.app, [...COMPLIANCE, 'penalties']).forEach((penalty, index) => {
      if (!isRecord(penalty)) return;
      const path = [...COMPLIANCE, 'penalties', index];
      const label = penaltyLabel(penalty);
      if (get(penalty, ['number_related']) === true) {
        ctx.report({
          path: [...path, 'number_related'],
          messageId: 'numberPenalty',
          params: { n: index + 1, label },
        });
      } else {
        ctx.report({
          path,
          target: 'key',
          messageId: 'otherPenalty',
          severity: 'warning',
          params: { n: index + 1, label },
        });
      }
    });
  },
});

/** "2024-05-10 浙江省通信管理局：未按时报送年报" from what is given, "—" when nothing is. */
function penaltyLabel(penalty: Readonly<Record<string, unknown>>): LocalizedText {
  const pick = (key: string): string => (getString(penalty, [key]) ?? '').trim();
  const head = [pick('date'), pick('authority')].filter((s) => s !== '').join(' ');
  const chars = Array.from(pick('description').replace(/[。．.；;，,、\s]+$/u, ''));
  const short = chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
  const join = (separator: string): string => [head, short].filter((s) => s !== '').join(separator) || '—';
  return { 'zh-cn': join('：'), en: join(': ') };
}
