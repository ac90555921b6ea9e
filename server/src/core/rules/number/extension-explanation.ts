/**
 * R-NUMBER-005: material 6 explains the extension substantively. With an extension planned, the
 * necessity and the plan; without one, the call flow after dial-in and the voice prompts (S0 item 6:
 * "需详细说明"). The schema already requires the fields; this rule rejects placeholders (待补充, TODO,
 * xxx …, an error: the text is in effect missing) and texts too short to explain anything (a warning).
 * Whether the text fits the stated use is left to the reader.
 */
import { contentLength, excerpt, isPlaceholder } from '../../checks/free-text';
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { getArray, getBoolean, getString } from '../../document/data-access';

/** Minimum letters and digits of each explanation (a heuristic; documented on the rule's page). */
const MIN_LENGTH = { call_flow: 20, necessity: 15, plan: 15 } as const;

const LABELS: Readonly<Record<keyof typeof MIN_LENGTH, LocalizedText>> = {
  call_flow: { 'zh-cn': '接续流程（call_flow）', en: 'call flow (call_flow)' },
  necessity: { 'zh-cn': '拓展必要性（necessity）', en: 'necessity statement (necessity)' },
  plan: { 'zh-cn': '拓展计划（plan）', en: 'extension plan (plan)' },
};

const HINTS: Readonly<Record<keyof typeof MIN_LENGTH, LocalizedText>> = {
  call_flow: {
    'zh-cn': '用户拨号后如何接入平台、IVR 菜单、转人工和排队方式',
    en: 'how a call reaches the platform, the IVR menu, transfer to an agent and queueing',
  },
  necessity: {
    'zh-cn': '为什么需要子号码（如为多少家客户分别分配）',
    en: 'why sub-numbers are needed (e.g. for how many customers)',
  },
  plan: {
    'zh-cn': '号码结构、拓展后的位长和首期启用范围',
    en: 'the number structure, the length after extension and the first sub-numbers used',
  },
};

export const extensionExplanation = defineRule({
  id: 'R-NUMBER-005',
  name: 'extension-explanation-substantive',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '拓展位长说明须具体：计划拓展时说明必要性和拓展计划，不计划时说明接续流程和语音提示，不能是占位文字。',
    en: 'Material 6 is substantive: necessity and plan when an extension is planned, call flow and voice prompts when not; no placeholders.',
  },
  fixable: false,
  fields: [
    'number.extension',
    'number.extension.planned',
    'number.extension.necessity',
    'number.extension.plan',
    'number.extension.call_flow',
    'number.extension.voice_prompts',
    'number.extension.voice_prompts.*',
  ],
  messages: {
    placeholder: {
      'zh-cn': '{field}“{value}”是占位文字，不是说明。材料6 要求详细说明，请写明{hint}。',
      en: 'The {field} "{value}" is a placeholder, not an explanation. Material 6 asks for details: describe {hint}.',
    },
    tooShort: {
      'zh-cn': '{field}“{value}”只有 {length} 个字，过于简略（建议至少 {min} 个字）。材料6 要求详细说明，请写明{hint}。',
      en: 'The {field} "{value}" has only {length} characters, too brief (at least {min} suggested). Material 6 asks for details: describe {hint}.',
    },
    promptPlaceholder: {
      'zh-cn': '语音提示“{value}”是占位文字。请写出呼入后实际播放的提示语，如“您好，欢迎致电……，人工服务请按 0”。',
      en: 'Voice prompt "{value}" is a placeholder. Write the prompt actually played after dial-in, e.g. "Welcome to …, press 0 for an agent".',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const base = ['number', 'extension'] as const;
    const planned = getBoolean(app, [...base, 'planned']);
    if (planned === undefined) return;
    const fields: (keyof typeof MIN_LENGTH)[] = planned ? ['necessity', 'plan'] : ['call_flow'];
    for (const field of fields) {
      const value = getString(app, [...base, field]);
      if (value === undefined) continue;
      const params = { field: LABELS[field], value: excerpt(value), hint: HINTS[field] };
      if (isPlaceholder(value)) {
        ctx.report({ path: [...base, field], messageId: 'placeholder', params });
        continue;
      }
      const length = contentLength(value);
      if (length < MIN_LENGTH[field]) {
        ctx.report({
          path: [...base, field],
          messageId: 'tooShort',
          params: { ...params, length, min: MIN_LENGTH[field] },
          severity: 'warning',
        });
      }
    }
    if (!planned) {
      getArray(app, [...base, 'voice_prompts']).forEach((prompt, index) => {
        if (typeof prompt === 'string' && isPlaceholder(prompt)) {
          ctx.report({
            path: [...base, 'voice_prompts', index],
            messageId: 'promptPlaceholder',
            params: { value: excerpt(prompt) },
          });
        }
      });
    }
  },
});

