/**
 * R-NUMBER-007: a number shared by several businesses needs a statement that there is no legacy user
 * issue and no impact on access tariffs or inter-network settlement (reference.md §2, S9: "在不存在
 * 用户遗留问题且不影响接入资费和网间结算等问题的前提下，经审批后使用"). Warns when usage.businesses has
 * more than one business and usage.shared_number_statement is missing, a placeholder, or silent on
 * one of the three points.
 */
import { excerpt, isPlaceholder } from '../../checks/free-text';
import { normalizeForCompare } from '../../checks/text';
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { get, getArray, getString } from '../../document/data-access';

/** The three points of S9 and how a statement shows that it addresses each. */
const POINTS: readonly { readonly pattern: RegExp; readonly label: LocalizedText }[] = [
  { pattern: /遗留/u, label: { 'zh-cn': '不存在用户遗留问题', en: 'no legacy user issue' } },
  { pattern: /资费/u, label: { 'zh-cn': '不影响接入资费', en: 'no impact on access tariffs' } },
  { pattern: /结算/u, label: { 'zh-cn': '不影响网间结算', en: 'no impact on inter-network settlement' } },
];

const TEMPLATE = '多项业务共用本号码，不存在用户遗留问题，不影响接入资费和网间结算。';

export const sharedNumberStatement = defineRule({
  id: 'R-NUMBER-007',
  name: 'shared-number-statement',
  defaultSeverity: 'warning',
  status: 'secondary',
  description: {
    'zh-cn': '多项业务共用一个号码时，须说明不存在用户遗留问题、不影响接入资费和网间结算。',
    en: 'A number shared by several businesses needs a statement: no legacy user issue, no impact on access tariffs or settlement.',
  },
  fixable: true,
  fields: ['usage', 'usage.businesses', 'usage.shared_number_statement'],
  messages: {
    missing: {
      'zh-cn':
        '本号码拟用于 {count} 项业务（{businesses}），属于多业务共用号码，但没有填写共用说明。请在 usage.shared_number_statement 中说明不存在用户遗留问题、不影响接入资费和网间结算。',
      en: 'The number is for {count} businesses ({businesses}), so it is a shared number, but there is no shared-number statement. In usage.shared_number_statement, state that there is no legacy user issue and no impact on access tariffs or inter-network settlement.',
    },
    placeholder: {
      'zh-cn': '共用说明“{value}”是占位文字。请说明不存在用户遗留问题、不影响接入资费和网间结算。',
      en: 'The shared-number statement "{value}" is a placeholder. State that there is no legacy user issue and no impact on access tariffs or inter-network settlement.',
    },
    incomplete: {
      'zh-cn': '共用说明“{value}”没有提到：{missing}。请补充说明这几点。',
      en: 'The shared-number statement "{value}" does not address: {missing}. Add these points.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const businesses = new Map<string, string>();
    for (const item of getArray(app, ['usage', 'businesses'])) {
      if (typeof item === 'string' && item.trim() !== '') businesses.set(normalizeForCompare(item), item.trim());
    }
    if (businesses.size < 2) return;
    const names = { 'zh-cn': [...businesses.values()].join('、'), en: [...businesses.values()].join(', ') };
    const statementPath = ['usage', 'shared_number_statement'];
    const statement = getString(app, statementPath);
    if (statement === undefined) {
      if (get(app, statementPath) !== undefined) return; // wrong type: the schema reports it
      ctx.report({
        path: ['usage', 'businesses'],
        target: 'key',
        messageId: 'missing',
        params: { count: businesses.size, businesses: names },
        fixes: get(app, ['usage']) !== undefined
          ? [
              {
                kind: 'insertProperty',
                path: ['usage'],
                key: 'shared_number_statement',
                value: TEMPLATE,
                title: { 'zh-cn': '加入共用说明（请核实后再提交）', en: 'Add a shared-number statement (check it before filing)' },
              },
            ]
          : [],
      });
      return;
    }
    if (isPlaceholder(statement)) {
      ctx.report({ path: statementPath, messageId: 'placeholder', params: { value: excerpt(statement) } });
      return;
    }
    const missing = POINTS.filter((point) => !point.pattern.test(statement)).map((point) => point.label);
    if (missing.length > 0) {
      ctx.report({
        path: statementPath,
        messageId: 'incomplete',
        params: {
          value: excerpt(statement),
          missing: {
            'zh-cn': missing.map((m) => m['zh-cn']).join('、'),
            en: missing.map((m) => m.en).join(', '),
          },
        },
      });
    }
  },
});
