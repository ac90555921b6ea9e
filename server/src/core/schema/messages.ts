/**
 * Our Chinese and English messages for ajv errors, one renderer per keyword. A message names the
 * property (its schema title and path, prepared by findings.ts), the expected type or values and the
 * limit, and carries the "did you mean" suggestion. Never shows ajv's English text except, after our
 * own sentence, for a keyword we do not know. Owns wording only: no ranges, no filtering.
 */
import type { LocalizedText } from '../types';

/** What a message may mention; labels are already localized. */
export interface SchemaMessageInput {
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The node the error is about, e.g. `统一社会信用代码（applicant.credit_code）`. */
  readonly subject: LocalizedText;
  /** For `required`, `dependentRequired`: the missing property's label. */
  readonly property?: LocalizedText;
  /** For an `anyOf`/`oneOf` of `required` alternatives: the labels of the alternatives. */
  readonly properties?: readonly LocalizedText[];
  /** The offending value (ajv's `data`). */
  readonly value?: unknown;
  /** An example of a valid value, from the schema's `examples`. */
  readonly example?: unknown;
  /** The closest allowed key or value, for "did you mean". */
  readonly suggestion?: string;
  /** ajv's own message, only used by the fallback. */
  readonly ajvMessage?: string;
}

type Render = (input: SchemaMessageInput) => LocalizedText;

const TYPE_NAMES: Readonly<Record<string, LocalizedText>> = {
  string: { 'zh-cn': '文本', en: 'text' },
  integer: { 'zh-cn': '整数', en: 'an integer' },
  number: { 'zh-cn': '数字', en: 'a number' },
  boolean: { 'zh-cn': '布尔值（true 或 false）', en: 'a boolean (true or false)' },
  object: { 'zh-cn': '映射（“键: 值”）', en: 'a mapping ("key: value")' },
  array: { 'zh-cn': '列表', en: 'a list' },
  null: { 'zh-cn': '空值', en: 'empty (null)' },
};

const MAX_LISTED = 8;
const MAX_VALUE_LENGTH = 40;

/** The JSON type of a value as JSON Schema names it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value as shown in a message: quoted and shortened text, numbers as they are, collections by kind. */
export function formatValue(value: unknown, locale: keyof LocalizedText): string {
  const zh = locale === 'zh-cn';
  if (typeof value === 'string') {
    const chars = Array.from(value);
    const short = chars.length > MAX_VALUE_LENGTH ? `${chars.slice(0, MAX_VALUE_LENGTH).join('')}…` : value;
    return zh ? `“${short}”` : JSON.stringify(short);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const type = TYPE_NAMES[jsonType(value)];
  return type ? type[locale] : String(value);
}

function typeName(type: string, locale: keyof LocalizedText): string {
  return TYPE_NAMES[type]?.[locale] ?? type;
}

function typeList(types: readonly string[], locale: keyof LocalizedText): string {
  const names = types.map((type) => typeName(type, locale));
  return locale === 'zh-cn' ? names.join('或') : joinOr(names);
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

function valueList(values: readonly unknown[], locale: keyof LocalizedText): string {
  const shown = values.slice(0, MAX_LISTED).map((value) => formatValue(value, locale));
  const rest = values.length - shown.length;
  if (locale === 'zh-cn') return `${shown.join('、')}${rest > 0 ? ` 等 ${values.length} 项` : ''}`;
  return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

function didYouMean(input: SchemaMessageInput): LocalizedText {
  if (input.suggestion === undefined) return { 'zh-cn': '', en: '' };
  return {
    'zh-cn': `。是否应为“${input.suggestion}”？`,
    en: `. Did you mean "${input.suggestion}"?`,
  };
}

function exampleSuffix(input: SchemaMessageInput): LocalizedText {
  if (input.example === undefined || input.example === null || typeof input.example === 'object') {
    return { 'zh-cn': '', en: '' };
  }
  return {
    'zh-cn': `，示例：${formatValue(input.example, 'zh-cn')}`,
    en: ` (example: ${formatValue(input.example, 'en')})`,
  };
}

function param(input: SchemaMessageInput, name: string): unknown {
  return input.params[name];
}

function num(input: SchemaMessageInput, name: string): string {
  const value = param(input, name);
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '?';
}

function str(input: SchemaMessageInput, name: string): string {
  const value = param(input, name);
  return typeof value === 'string' ? value : String(value);
}

function typesOf(input: SchemaMessageInput): string[] {
  const type = param(input, 'type');
  if (Array.isArray(type)) return type.map(String);
  if (typeof type === 'string') return type.split(',').map((t) => t.trim());
  return [];
}

function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

function additional(input: SchemaMessageInput, key: string): LocalizedText {
  const s = input.subject;
  const hint = didYouMean(input);
  return {
    'zh-cn': `${s['zh-cn']}中不允许出现属性“${key}”${hint['zh-cn'] || '（请检查拼写或删除）'}`,
    en: `Property "${key}" is not allowed in ${s.en}${hint.en || ' (check the spelling or remove it)'}`,
  };
}

const LIMITS: Readonly<Record<string, { 'zh-cn': string; en: string }>> = {
  minimum: { 'zh-cn': '不能小于', en: 'must be at least' },
  maximum: { 'zh-cn': '不能大于', en: 'must be at most' },
  exclusiveMinimum: { 'zh-cn': '必须大于', en: 'must be greater than' },
  exclusiveMaximum: { 'zh-cn': '必须小于', en: 'must be less than' },
};

function limitMessage(input: SchemaMessageInput): LocalizedText {
  const words = LIMITS[input.keyword] ?? { 'zh-cn': '超出范围', en: 'is out of range' };
  const s = input.subject;
  const limit = num(input, 'limit');
  return {
    'zh-cn': `${s['zh-cn']}${words['zh-cn']} ${limit}，当前为 ${formatValue(input.value, 'zh-cn')}`,
    en: `${s.en} ${words.en} ${limit}, found ${formatValue(input.value, 'en')}`,
  };
}

/** One renderer per ajv keyword we map. */
const RENDERERS: Readonly<Record<string, Render>> = {
  type: (input) => {
    const s = input.subject;
    const types = typesOf(input);
    return {
      'zh-cn': `${s['zh-cn']}应为${typeList(types, 'zh-cn')}，当前为${typeName(jsonType(input.value), 'zh-cn')}${scalarShown(input.value, 'zh-cn')}`,
      en: `${s.en} must be ${typeList(types, 'en')}, found ${typeName(jsonType(input.value), 'en')}${scalarShown(input.value, 'en')}`,
    };
  },
  enum: (input) => {
    const s = input.subject;
    const allowed = (param(input, 'allowedValues') as unknown[] | undefined) ?? [];
    const hint = didYouMean(input);
    if (input.value !== null && typeof input.value === 'object') {
      return {
        'zh-cn': `${s['zh-cn']}应为以下值之一：${valueList(allowed, 'zh-cn')}，当前为${formatValue(input.value, 'zh-cn')}`,
        en: `${s.en} must be one of ${valueList(allowed, 'en')}, found ${formatValue(input.value, 'en')}`,
      };
    }
    return {
      'zh-cn': `${s['zh-cn']}的值 ${formatValue(input.value, 'zh-cn')} 不在可选范围内${hint['zh-cn'] || `，可选值：${valueList(allowed, 'zh-cn')}`}`,
      en: `${s.en} has the value ${formatValue(input.value, 'en')}, which is not allowed${hint.en || `; allowed values: ${valueList(allowed, 'en')}`}`,
    };
  },
  const: (input) => {
    const s = input.subject;
    const expected = param(input, 'allowedValue');
    return {
      'zh-cn': `${s['zh-cn']}应为 ${formatValue(expected, 'zh-cn')}，当前为 ${formatValue(input.value, 'zh-cn')}`,
      en: `${s.en} must be ${formatValue(expected, 'en')}, found ${formatValue(input.value, 'en')}`,
    };
  },
  pattern: (input) => {
    const s = input.subject;
    const example = exampleSuffix(input);
    const pattern = str(input, 'pattern');
    return {
      'zh-cn': `${s['zh-cn']}的格式不正确：${formatValue(input.value, 'zh-cn')}${example['zh-cn'] || `，应匹配 ${pattern}`}`,
      en: `${s.en} has an invalid format: ${formatValue(input.value, 'en')}${example.en || ` (must match ${pattern})`}`,
    };
  },
  format: (input) => {
    const s = input.subject;
    const format = str(input, 'format');
    const value = { 'zh-cn': formatValue(input.value, 'zh-cn'), en: formatValue(input.value, 'en') };
    if (format === 'date') {
      const example = typeof input.example === 'string' ? input.example : '2026-12-01';
      return {
        'zh-cn': `${s['zh-cn']}应为有效日期，格式 YYYY-MM-DD（如 ${example}），当前为 ${value['zh-cn']}`,
        en: `${s.en} must be a valid date as YYYY-MM-DD (e.g. ${example}), found ${value.en}`,
      };
    }
    if (format === 'email') {
      return {
        'zh-cn': `${s['zh-cn']}应为有效的电子邮件地址，当前为 ${value['zh-cn']}`,
        en: `${s.en} must be a valid email address, found ${value.en}`,
      };
    }
    return {
      'zh-cn': `${s['zh-cn']}应符合 ${format} 格式，当前为 ${value['zh-cn']}`,
      en: `${s.en} must be in ${format} format, found ${value.en}`,
    };
  },
  minimum: limitMessage,
  maximum: limitMessage,
  exclusiveMinimum: limitMessage,
  exclusiveMaximum: limitMessage,
  multipleOf: (input) => {
    const s = input.subject;
    const n = num(input, 'multipleOf');
    return {
      'zh-cn': `${s['zh-cn']}应为 ${n} 的整数倍，当前为 ${formatValue(input.value, 'zh-cn')}`,
      en: `${s.en} must be a multiple of ${n}, found ${formatValue(input.value, 'en')}`,
    };
  },
  minLength: (input) => {
    const s = input.subject;
    const limit = num(input, 'limit');
    if (limit === '1') return { 'zh-cn': `${s['zh-cn']}不能为空`, en: `${s.en} must not be empty` };
    return {
      'zh-cn': `${s['zh-cn']}至少应有 ${limit} 个字符，当前 ${lengthOf(input.value) ?? 0} 个`,
      en: `${s.en} must have at least ${limit} characters, found ${lengthOf(input.value) ?? 0}`,
    };
  },
  maxLength: (input) => {
    const s = input.subject;
    const limit = num(input, 'limit');
    return {
      'zh-cn': `${s['zh-cn']}最多 ${limit} 个字符，当前 ${lengthOf(input.value) ?? 0} 个`,
      en: `${s.en} must have at most ${limit} characters, found ${lengthOf(input.value) ?? 0}`,
    };
  },
  minItems: (input) => {
    const s = input.subject;
    const limit = num(input, 'limit');
    if (limit === '1')
      return {
        'zh-cn': `${s['zh-cn']}至少应有 1 项，不能为空列表`,
        en: `${s.en} must have at least 1 item, not an empty list`,
      };
    return {
      'zh-cn': `${s['zh-cn']}至少应有 ${limit} 项，当前 ${lengthOf(input.value) ?? 0} 项`,
      en: `${s.en} must have at least ${limit} items, found ${lengthOf(input.value) ?? 0}`,
    };
  },
  maxItems: (input) => {
    const s = input.subject;
    const limit = num(input, 'limit');
    return {
      'zh-cn': `${s['zh-cn']}最多 ${limit} 项，当前 ${lengthOf(input.value) ?? 0} 项`,
      en: `${s.en} must have at most ${limit} items, found ${lengthOf(input.value) ?? 0}`,
    };
  },
  uniqueItems: (input) => {
    const s = input.subject;
    const i = Number(param(input, 'i'));
    const j = Number(param(input, 'j'));
    const first = Math.min(i, j) + 1;
    const second = Math.max(i, j) + 1;
    return {
      'zh-cn': `${s['zh-cn']}中第 ${second} 项与第 ${first} 项重复`,
      en: `Item ${second} of ${s.en} repeats item ${first}`,
    };
  },
  minProperties: (input) => {
    const s = input.subject;
    const limit = num(input, 'limit');
    return {
      'zh-cn': `${s['zh-cn']}至少应有 ${limit} 个属性`,
      en: `${s.en} must have at least ${limit} properties`,
    };
  },
  maxProperties: (input) => {
    const s = input.subject;
    const limit = num(input, 'limit');
    return {
      'zh-cn': `${s['zh-cn']}最多 ${limit} 个属性`,
      en: `${s.en} must have at most ${limit} properties`,
    };
  },
  required: (input) => {
    const p = input.property ?? { 'zh-cn': str(input, 'missingProperty'), en: str(input, 'missingProperty') };
    return {
      'zh-cn': `缺少必填项：${p['zh-cn']}`,
      en: `Missing required property: ${p.en}`,
    };
  },
  dependentRequired: (input) => {
    const p = input.property ?? { 'zh-cn': str(input, 'missingProperty'), en: str(input, 'missingProperty') };
    const present = str(input, 'property');
    return {
      'zh-cn': `填写了“${present}”时，还必须填写：${p['zh-cn']}`,
      en: `When "${present}" is given, this is required too: ${p.en}`,
    };
  },
  additionalProperties: (input) => additional(input, str(input, 'additionalProperty')),
  unevaluatedProperties: (input) => additional(input, str(input, 'unevaluatedProperty')),
  propertyNames: (input) => {
    const s = input.subject;
    const name = str(input, 'propertyName');
    return {
      'zh-cn': `${s['zh-cn']}中的属性名“${name}”无效`,
      en: `The property name "${name}" is not valid in ${s.en}`,
    };
  },
  items: (input) => {
    const s = input.subject;
    const limit = num(input, 'limit');
    return {
      'zh-cn': `${s['zh-cn']}最多 ${limit} 项，当前 ${lengthOf(input.value) ?? 0} 项`,
      en: `${s.en} must have at most ${limit} items, found ${lengthOf(input.value) ?? 0}`,
    };
  },
  additionalItems: (input) => RENDERERS['items']?.(input) ?? fallback(input),
  unevaluatedItems: (input) => {
    const s = input.subject;
    const limit = num(input, 'len');
    return {
      'zh-cn': `${s['zh-cn']}最多 ${limit} 项，当前 ${lengthOf(input.value) ?? 0} 项`,
      en: `${s.en} must have at most ${limit} items, found ${lengthOf(input.value) ?? 0}`,
    };
  },
  contains: (input) => {
    const s = input.subject;
    const min = param(input, 'minContains');
    const max = param(input, 'maxContains');
    if (typeof max === 'number') {
      return {
        'zh-cn': `${s['zh-cn']}中符合要求的项应在 ${String(min)} 到 ${max} 项之间`,
        en: `${s.en} must contain between ${String(min)} and ${max} matching items`,
      };
    }
    return {
      'zh-cn': `${s['zh-cn']}中至少应有 ${typeof min === 'number' ? min : 1} 项符合要求`,
      en: `${s.en} must contain at least ${typeof min === 'number' ? min : 1} matching item(s)`,
    };
  },
  anyOf: (input) => {
    const s = input.subject;
    if (input.properties !== undefined) return missingOneOf(input.properties);
    return {
      'zh-cn': `${s['zh-cn']}不符合任何一种允许的写法`,
      en: `${s.en} does not match any of the allowed forms`,
    };
  },
  oneOf: (input) => {
    const s = input.subject;
    if (input.properties !== undefined) return missingOneOf(input.properties);
    if (Array.isArray(param(input, 'passingSchemas'))) {
      return {
        'zh-cn': `${s['zh-cn']}同时符合多种写法，只能符合其中一种`,
        en: `${s.en} matches more than one of the allowed forms; it must match exactly one`,
      };
    }
    return {
      'zh-cn': `${s['zh-cn']}不符合任何一种允许的写法`,
      en: `${s.en} does not match any of the allowed forms`,
    };
  },
  not: (input) => {
    const s = input.subject;
    return {
      'zh-cn': `${s['zh-cn']}的值 ${formatValue(input.value, 'zh-cn')} 不被允许`,
      en: `${s.en} must not be ${formatValue(input.value, 'en')}`,
    };
  },
  'false schema': (input) => {
    const s = input.subject;
    return {
      'zh-cn': `此处不允许出现${s['zh-cn']}`,
      en: `${s.en} is not allowed here`,
    };
  },
};

function missingOneOf(properties: readonly LocalizedText[]): LocalizedText {
  return {
    'zh-cn': `缺少必填项：${properties.map((p) => p['zh-cn']).join(' 或 ')}（至少填写其中一项）`,
    en: `Missing required property: one of ${joinOr(properties.map((p) => p.en))}`,
  };
}

function scalarShown(value: unknown, locale: keyof LocalizedText): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return '';
  return ` ${formatValue(value, locale)}`;
}

function fallback(input: SchemaMessageInput): LocalizedText {
  const s = input.subject;
  const detail = input.ajvMessage ?? input.keyword;
  return {
    'zh-cn': `${s['zh-cn']}不符合约束“${input.keyword}”（${detail}）`,
    en: `${s.en} does not satisfy "${input.keyword}" (${detail})`,
  };
}

/** The ajv keywords that have a message of ours. */
export const SCHEMA_MESSAGE_KEYWORDS: readonly string[] = Object.keys(RENDERERS);

/** Renders the message of one ajv error in both languages. */
export function schemaMessage(input: SchemaMessageInput): LocalizedText {
  const render = RENDERERS[input.keyword];
  const message = render ? render(input) : fallback(input);
  return { 'zh-cn': message['zh-cn'], en: capitalize(message.en) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
