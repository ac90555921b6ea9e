/**
 * Value formatting for the export documents: how a missing value, a yes/no, an amount of money, a
 * date and a list read in a Chinese form. Pure and tolerant: every input is unvalidated data.
 */
import { parseIsoDate } from '../checks/dates';
import { NOT_GIVEN } from './types';

export { NOT_GIVEN } from './types';

/** A scalar as text: strings trimmed, numbers as written, booleans as 是/否; '' for anything else. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return '';
}

/** 是 / 否 / '' for a boolean-ish value. */
export function yesNo(value: unknown): string {
  return typeof value === 'boolean' ? (value ? '是' : '否') : '';
}

/** Strings of an array (non-strings dropped, numbers kept as text). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(str).filter((s) => s !== '') : [];
}

/** Records of an array (anything else dropped). */
export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}

/** A plain object or an empty one. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The value at a key path of plain objects, or undefined. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** `2026-11-25` → `2026年11月25日` (no spaces, as Chinese official documents write dates); other text unchanged. */
export function dateCn(value: unknown): string {
  const text = str(value);
  const date = parseIsoDate(text);
  return date === undefined ? text : `${date.year}年${date.month}月${date.day}日`;
}

/** Yuan as `5,000 万元（50,000,000 元）`, or the value as written. */
export function yuan(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return str(value);
  const grouped = value.toLocaleString('en-US');
  if (value >= 10_000 && value % 10_000 === 0)
    return `${(value / 10_000).toLocaleString('en-US')} 万元（${grouped} 元）`;
  return `${grouped} 元`;
}

/** A list joined with the Chinese enumeration comma. */
export function joinCn(items: readonly string[]): string {
  return items.join('、');
}

/** `text` or the "not given" mark. */
export function orNotGiven(text: string): string {
  return text === '' ? NOT_GIVEN : text;
}

/** A number with a fixed count of decimals, or '' when not finite. */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '';
}
