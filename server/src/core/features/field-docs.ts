/**
 * The Markdown that explains a field of the format, shared by hover and completion: its title in
 * Chinese and English, its description (the session's language first, the other one after it), its
 * examples and allowed values, and the domain rules that check it with their one-line descriptions
 * and documentation links. Owns the wording of these blocks; the facts come from the schemas
 * (schema-info.ts) and the rule table (rule-paths.ts).
 */
import { displayPath } from '../document/pointer';
import { allRules } from '../rules/index';
import { ruleDocsPath } from '../rules/docs';
import type { SchemaValidator } from '../schema/registry';
import type { DataPath, Locale } from '../types';
import { rulesAt } from './rule-paths';
import { fieldInfo, other, pick, type FieldInfo } from './schema-info';

/** Turns a documentation path (`docs/rules/R-TECH-001.md`) into a link target; undefined for no link. */
export type LinkResolver = (docsPath: string) => string | undefined;

/** Localized fixed words of the feature texts. */
export function t(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

const ruleById = new Map(allRules.map((rule) => [rule.id, rule]));

/** Escapes text for Markdown (outside code spans). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** A value as an inline code span. */
export function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

/** `**省份** · Province` (one title when only one exists). */
export function titleLine(info: FieldInfo, locale: Locale): string | undefined {
  const zh = info.title['zh-cn'];
  const en = info.title.en;
  const first = locale === 'en' ? en : zh;
  const second = locale === 'en' ? zh : en;
  if (first === undefined && second === undefined) return undefined;
  if (first === undefined || second === undefined) return `**${escapeMarkdown(first ?? second ?? '')}**`;
  return `**${escapeMarkdown(first)}** · ${escapeMarkdown(second)}`;
}

export interface FieldMarkdownOptions {
  /** Show the title line and the path (hover); completion shows the title elsewhere. */
  readonly heading?: boolean;
  /** List the rules that check the field. */
  readonly rules?: boolean;
  readonly linkFor?: LinkResolver;
  /** The schema set the field belongs to (the `.miit95.yaml` one); the application format by default. */
  readonly schema?: SchemaValidator;
}

/** Markdown blocks (to be joined with blank lines) explaining the field at `path`. */
export function fieldMarkdown(path: DataPath, locale: Locale, options: FieldMarkdownOptions = {}): string[] {
  const info = fieldInfo(path, options.schema);
  if (!info.known) return [];
  const blocks: string[] = [];
  if (options.heading !== false) {
    const title = titleLine(info, locale);
    const where = path.length > 0 ? code(displayPath(path)) : undefined;
    const head = [title, where].filter((s) => s !== undefined).join('  ');
    if (head !== '') blocks.push(head);
  }
  const description = pick(info.markdown, locale) ?? pick(info.description, locale);
  if (description !== undefined) blocks.push(description);
  const second = other(info.description, locale);
  if (second !== undefined) blocks.push(`_${escapeMarkdown(second)}_`);
  if (info.enumValues.length > 1 && pick(info.markdown, locale) === undefined && info.enumValues.length <= 12)
    blocks.push(
      `${t(locale, '可选值', 'Allowed values')}: ${info.enumValues.map(code).join(locale === 'en' ? ', ' : '、')}`,
    );
  const examples = info.examples.filter(isShortExample).slice(0, 3);
  if (examples.length > 0)
    blocks.push(
      `${t(locale, '示例', 'Examples')}: ${examples.map(exampleText).join(locale === 'en' ? ', ' : '、')}`,
    );
  if (options.rules !== false) {
    const rules = rulesMarkdown(rulesAt(path), locale, options.linkFor);
    if (rules !== undefined) blocks.push(rules);
  }
  return blocks;
}

/** `相关规则：` followed by one line per rule: ID (linked), one-sentence description. */
export function rulesMarkdown(
  ids: readonly string[],
  locale: Locale,
  linkFor?: LinkResolver,
): string | undefined {
  if (ids.length === 0) return undefined;
  const lines = ids.map((id) => {
    const rule = ruleById.get(id);
    const href = linkFor?.(rule?.docs ?? ruleDocsPath(id));
    const label = href !== undefined ? `[${id}](${href})` : code(id);
    return rule !== undefined ? `- ${label} ${escapeMarkdown(rule.description[locale])}` : `- ${label}`;
  });
  return `${t(locale, '相关规则', 'Rules')}:\n\n${lines.join('\n')}`;
}

function isShortExample(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= 40;
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value))
    return value.length <= 5 && value.every((v) => typeof v === 'string' && v.length <= 20);
  return false;
}

function exampleText(value: unknown): string {
  if (Array.isArray(value)) return code(`[${value.map(String).join(', ')}]`);
  return code(typeof value === 'string' ? value : String(value));
}
