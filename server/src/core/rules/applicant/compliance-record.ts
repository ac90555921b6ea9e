/**
 * R-APPLICANT-006: the declared compliance record. A penalty for violating the numbering rules bars
 * the application (error); being on the 电信业务经营失信名单 is a likely objection (warning). The
 * condition for other penalties is "近期未受到主管部门行政处罚" (S12): only a penalty of the telecom
 * authorities (工业和信息化部, 省/自治区/直辖市通信管理局) within the last `penalty_recent_years` years
 * of the application date is a warning; an older one of theirs is information, a recent one of another
 * authority (市场监管, 税务 …) is information, an older one of another authority is not reported. A
 * penalty without a valid date counts as recent.
 */
import { addYears, compareDates, formatIsoDate, parseIsoDate } from '../../checks/dates';
import { normalizeForCompare } from '../../checks/text';
import type { LocalizedText } from '../../types';
import { applicationDate } from '../licence/shared';
import { defineRule } from '../define-rule';
import { get, getArray, getBoolean, getRecord, getString, isRecord } from '../../document/data-access';

/** The telecom authorities (主管部门) of the condition, by name: MIIT (and its predecessor) and the 通信管理局. */
const TELECOM_AUTHORITY = /工业和信息化部|工信部|信息产业部|通信管理局|电信管理局|miit|ministryofindustryandinformationtechnology/u;

/** True when `authority` names a telecom authority (主管部门) of the condition. */
export function isTelecomAuthority(authority: string): boolean {
  return TELECOM_AUTHORITY.test(normalizeForCompare(authority));
}

const COMPLIANCE = ['applicant', 'compliance'] as const;

export const complianceRecord = defineRule({
  id: 'R-APPLICANT-006',
  name: 'compliance-record',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: [
    'applicant.compliance',
    'applicant.compliance.untrustworthy_list',
    'applicant.compliance.penalties',
    'applicant.compliance.penalties.*',
    'applicant.compliance.penalties.*.date',
    'applicant.compliance.penalties.*.number_related',
  ],
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
        '申报了电信主管部门的近期行政处罚（第 {n} 项：{label}，{window} 年内）。申请条件要求近期未受到主管部门行政处罚，审查时可能被问及；请在申请材料中说明处罚原因和整改情况。',
      en: 'A recent administrative penalty by a telecom authority is declared (item {n}: {label}, within {window} years). The conditions ask for no recent penalty by the competent authorities, so the reviewer may ask about it; explain the reason and the remedial action in the application.',
    },
    oldTelecomPenalty: {
      'zh-cn':
        '第 {n} 项行政处罚（{label}）早于 {since}，超出“近期”的 {window} 年（阈值 penalty_recent_years），不影响“近期未受到主管部门行政处罚”的条件；如审查问及，可说明整改情况。',
      en: 'Penalty {n} ({label}) is older than {since}, outside the {window} years taken as “recent” (threshold penalty_recent_years), so it does not affect the condition of no recent penalty by the competent authorities; be ready to explain the remedial action if asked.',
    },
    otherAuthorityPenalty: {
      'zh-cn':
        '第 {n} 项行政处罚（{label}）不是电信主管部门（工业和信息化部、通信管理局）作出的，不属于“近期未受到主管部门行政处罚”的条件；审查时仍可能问及经营是否合规，可在材料中说明整改情况。',
      en: 'Penalty {n} ({label}) was not imposed by a telecom authority (MIIT, a communications administration), so it is outside the condition of no recent penalty by the competent authorities; the reviewer may still ask about compliance, so the remedial action can be explained in the application.',
    },
  },
  check(ctx) {
    const window = ctx.thresholds.penaltyRecentYears;
    const appDate = applicationDate(ctx.app, ctx.today);
    const since = appDate === undefined ? undefined : addYears(appDate, -window);
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
        return;
      }
      const date = parseIsoDate(getString(penalty, ['date']) ?? '');
      const recent = since === undefined || date === undefined || compareDates(date, since) >= 0;
      const authority = getString(penalty, ['authority']);
      const telecom = authority === undefined || authority.trim() === '' || isTelecomAuthority(authority);
      const params = { n: index + 1, label, window, since: since === undefined ? '' : formatIsoDate(since) };
      if (telecom) {
        ctx.report({
          path,
          target: 'key',
          messageId: recent ? 'otherPenalty' : 'oldTelecomPenalty',
          severity: recent ? 'warning' : 'info',
          params,
        });
      } else if (recent) {
        ctx.report({ path, target: 'key', messageId: 'otherAuthorityPenalty', severity: 'info', params });
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
