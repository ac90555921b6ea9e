/**
 * R-PLEDGE-002: when the application lists `pledge.commitments`, each of the seven commitments a
 * reviewer expects in the pledge is there. The exact template text is not known (reference.md §9.6,
 * Inference built from S0, S1 第二十八条, S4, S6, S7, S14), hence a warning. Without the list: silent.
 */
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { get } from '../../document/data-access';

/** A commitment key of pledge.schema.json, its label and its basis. */
interface Commitment {
  readonly key: string;
  readonly label: LocalizedText;
  readonly basis: LocalizedText;
}

/** The commitments, in the order of the schema's enum. */
export const COMMITMENTS: readonly Commitment[] = [
  {
    key: 'licensed_use_only',
    label: { 'zh-cn': '码号只用于许可的电信业务', en: 'use the number only for the licensed business' },
    basis: {
      'zh-cn': '申请条件五：号码只能用于相关电信业务，并作出相关承诺',
      en: 'application condition 5: the number may only be used for the related telecom business',
    },
  },
  {
    key: 'no_transfer_or_rent',
    label: { 'zh-cn': '不转让、出租码号', en: 'no transfer or renting of the number' },
    basis: {
      'zh-cn': '《电信条例》第二十八条；工信部信管〔2020〕81号：不能转让、出租或变相转让出租码号资源',
      en: 'Telecom Regulations art. 28; MIIT notice 〔2020〕81: no transfer, renting or disguised transfer',
    },
  },
  {
    key: 'no_change_without_approval',
    label: { 'zh-cn': '未经批准不改变码号用途或位长', en: 'no change of use or length without approval' },
    basis: {
      'zh-cn': '《电信条例》第二十八条；工信部信管〔2020〕81号',
      en: 'Telecom Regulations art. 28; MIIT notice 〔2020〕81',
    },
  },
  {
    key: 'pay_fees',
    label: { 'zh-cn': '按时缴纳码号资源占用费', en: 'pay the number occupation fees on time' },
    basis: {
      'zh-cn': '《电信网码号资源管理办法》第三十八条：拒不缴费的可收回码号',
      en: 'Numbering Resources Regulation art. 38: numbers are recovered for unpaid fees',
    },
  },
  {
    key: 'annual_report',
    label: { 'zh-cn': '按时报送码号年报', en: 'file the annual number report on time' },
    basis: {
      'zh-cn': '码号年报每年 3 月 31 日前报送',
      en: 'the annual number report is due by 31 March each year',
    },
  },
  {
    key: 'report_changes',
    label: {
      'zh-cn': '地址或联系方式变更后 10 个工作日内报告',
      en: 'report a change of address or contact within 10 working days',
    },
    basis: { 'zh-cn': '《电信网码号资源管理办法》第二十六条', en: 'Numbering Resources Regulation art. 26' },
  },
  {
    key: 'no_harassment',
    label: {
      'zh-cn': '不拨打骚扰电话、不开展商业营销外呼',
      en: 'no harassing calls and no commercial marketing calls',
    },
    basis: {
      'zh-cn': '工信部信管〔2020〕81号：不得提供商业推销电话外发服务',
      en: 'MIIT notice 〔2020〕81: no commercial marketing calls',
    },
  },
];

export const pledgeCommitments = defineRule({
  id: 'R-PLEDGE-002',
  name: 'pledge-commitments-complete',
  defaultSeverity: 'warning',
  status: 'inference',
  description: {
    'zh-cn': '列出承诺事项时，承诺书应包含审核关注的全部七项承诺。',
    en: 'When the commitments are listed, the pledge covers all seven commitments a reviewer looks for.',
  },
  fixable: true,
  fields: ['pledge', 'pledge.commitments', 'pledge.commitments.*'],
  messages: {
    missingCommitment: {
      'zh-cn':
        '承诺事项中缺少“{label}”（{key}）。依据：{basis}。请确认承诺书包含这一承诺，并把 {key} 加入 commitments。',
      en: 'The commitments lack "{label}" ({key}). Basis: {basis}. Make sure the pledge contains it and add {key} to commitments.',
    },
  },
  check(ctx) {
    const listed = get(ctx.app, ['pledge', 'commitments']);
    if (!Array.isArray(listed)) return;
    const present = new Set(
      listed.filter((item): item is string => typeof item === 'string').map((s) => s.trim()),
    );
    for (const commitment of COMMITMENTS) {
      if (present.has(commitment.key)) continue;
      ctx.report({
        path: ['pledge', 'commitments'],
        target: 'key',
        messageId: 'missingCommitment',
        params: { key: commitment.key, label: commitment.label, basis: commitment.basis },
        extra: { commitment: commitment.key },
        fixes: [
          {
            kind: 'appendItem',
            path: ['pledge', 'commitments'],
            value: commitment.key,
            title: {
              'zh-cn': `加入承诺事项“${commitment.label['zh-cn']}”（${commitment.key}）`,
              en: `Add the commitment "${commitment.label.en}" (${commitment.key})`,
            },
          },
        ],
      });
    }
  },
});
