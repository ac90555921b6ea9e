/**
 * Which widget a form field gets and what its pickers offer: read from the schema (types, enum,
 * format, the domain value type of schema-info.ts) and the reference data (provinces limited by the
 * licence coverage, cities limited by the field's province, carriers, businesses with their codes).
 * Owns that mapping only; fields.ts builds the field tree with it.
 */
import { businesses } from '../data/businesses';
import { carriers } from '../data/carriers';
import { citiesOf, findProvince, provinces } from '../data/divisions';
import { get } from '../document/data-access';
import type { FieldInfo } from '../features/schema-info';
import { enumDocs } from '../features/schema-info';
import type { DataPath, Locale } from '../types';
import type { FormOption, FormScalar, FormWidget } from './types';

function isScalar(value: unknown): value is FormScalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Free-text properties written as paragraphs (a multi-line box rather than one line). */
const LONG_TEXT_KEYS: ReadonlySet<string> = new Set([
  'description',
  'call_flow',
  'method',
  'experience',
  'company_experience',
  'business_model',
  'shared_number_statement',
  'necessity',
  'plan',
  'reason',
  'explanation',
  'voice_prompts',
]);

const NATIONWIDE = '全国';

/** The widget of a field from its schema; 'object' and 'list' for collections. */
export function widgetOf(path: DataPath, info: FieldInfo): FormWidget {
  if (info.isArray && !info.isObject) return 'list';
  if (info.isObject && !info.types.has('string')) return 'object';
  switch (info.valueType) {
    case 'province':
    case 'coverage':
      return 'province';
    case 'city':
      return 'city';
    case 'carrier':
      return 'carrier';
    case 'date':
      return 'date';
    case 'number95':
      return 'number95';
    case 'boolean':
      return 'boolean';
    default:
      break;
  }
  if (info.enumValues.includes('国内呼叫中心业务')) return 'business';
  if (info.enumValues.length > 0) return 'enum';
  if (info.types.has('integer') && !info.types.has('string')) return 'integer';
  if (info.types.has('number') && !info.types.has('string')) return 'number';
  const last = path[path.length - 1];
  const key = typeof last === 'number' ? path[path.length - 2] : last;
  if (typeof key === 'string' && LONG_TEXT_KEYS.has(key)) return 'textarea';
  return 'text';
}

/** The unit a title ends with in brackets: 注册资本（元） → 元, Average handle time (s) → s. */
export function unitOf(title: string | undefined, widget: FormWidget): string | undefined {
  if (title === undefined || (widget !== 'number' && widget !== 'integer')) return undefined;
  const match = /[（(]([^（）()]{1,8})[）)]$/u.exec(title);
  return match?.[1];
}

export interface PickerOptions {
  readonly options: readonly FormOption[];
  readonly note?: string;
}

/** The coverage of the licence as official province names; undefined when nationwide or unusable. */
function coverageProvinces(app: unknown): string[] | undefined {
  const coverage = get(app, ['licence', 'coverage']);
  if (!Array.isArray(coverage)) return undefined;
  const names: string[] = [];
  for (const entry of coverage) {
    if (typeof entry !== 'string') continue;
    if (entry.trim() === NATIONWIDE) return undefined;
    const found = findProvince(entry);
    if (found !== undefined) names.push(found.province.name);
  }
  return names.length > 0 ? names : undefined;
}

/** The province a city field belongs to: the `province` of the nearest enclosing object. */
function provinceFor(app: unknown, path: DataPath): string | undefined {
  for (let end = path.length - 1; end >= 0; end--) {
    const owner = get(app, path.slice(0, end));
    if (owner !== null && typeof owner === 'object' && !Array.isArray(owner)) {
      const province = (owner as Record<string, unknown>)['province'];
      if (typeof province === 'string') return province;
    }
  }
  return undefined;
}

function isAreaProvince(path: DataPath): boolean {
  return path[0] === 'usage' || path[0] === 'schedule';
}

/** The values a picker offers for the field, limited by the data where the rules limit them. */
export function pickerOptions(
  widget: FormWidget,
  path: DataPath,
  info: FieldInfo,
  app: unknown,
  locale: Locale,
): PickerOptions | undefined {
  const en = locale === 'en';
  switch (widget) {
    case 'province': {
      const nationwide = info.valueType === 'coverage' ? [{ value: NATIONWIDE, label: en ? `${NATIONWIDE} (nationwide)` : NATIONWIDE }] : [];
      const all = provinces.map((p) => ({ value: p.name, label: p.name }));
      const limit = isAreaProvince(path) ? coverageProvinces(app) : undefined;
      if (limit === undefined) return { options: [...nationwide, ...all] };
      return {
        options: all.filter((o) => limit.includes(o.value)),
        note: en ? 'Provinces of the licence coverage' : '限于许可证业务覆盖范围内的省份',
      };
    }
    case 'city': {
      const written = provinceFor(app, path);
      const province = written === undefined ? undefined : findProvince(written)?.province;
      if (province === undefined) {
        return { options: [], note: en ? 'Choose the province first' : '请先选择省份' };
      }
      return {
        options: citiesOf(province.code).map((c) => ({ value: c.name, label: c.name })),
        note: en ? `Prefecture-level cities of ${province.name}` : `${province.name}的地级行政区`,
      };
    }
    case 'carrier':
      return { options: carriers.map((c) => ({ value: c.name, label: en ? `${c.name} (${c.en})` : c.name })) };
    case 'business': {
      const byName = new Map(businesses.map((b) => [b.name, b]));
      return {
        options: info.enumValues
          .filter((v): v is string => typeof v === 'string')
          .map((v) => {
            const b = byName.get(v);
            return { value: v, label: b === undefined ? v : en ? `${v} (${b.code}, ${b.en})` : `${v}（${b.code}）` };
          }),
      };
    }
    case 'enum': {
      const docs = enumDocs(info, locale);
      return {
        options: info.enumValues.filter(isScalar).map((value) => {
          const doc = docs.get(String(value));
          return { value, label: doc === undefined ? String(value) : `${String(value)} — ${doc}` };
        }),
      };
    }
    default:
      return undefined;
  }
}
