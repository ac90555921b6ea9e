/**
 * Completion and hover in a `.miit95.yaml`, from the configuration schema (schemas/config.schema.json,
 * the same one that validates it) and the rule catalogue: the keys allowed at the cursor, enum values,
 * the rule IDs under `rules:` (with their names and default severities) and the four severities; a
 * hover gives a key's titles and description, or a rule's description, default and documentation
 * link. Pure: text and the YAML AST in, items and Markdown out (the same item and hover shapes as the
 * application's features, so the server's handlers convert both alike).
 */
import type { Document } from 'yaml';
import { getConfigValidator } from '../config/schema';
import { allRules } from '../rules/index';
import { ruleDocsPath, SEVERITY_LABELS } from '../rules/docs';
import type { DataPath, Locale, OffsetRange, Severity } from '../types';
import type { CompletionItem, CompletionResult } from './completion';
import { cursorPosition, type CursorPosition } from './cursor';
import { code, escapeMarkdown, fieldMarkdown, t, type LinkResolver } from './field-docs';
import type { HoverResult } from './hover';
import { nodeAt } from './node-at';
import { fieldInfo } from './schema-info';

export interface ConfigDocument {
  readonly text: string;
  /** The YAML AST when the text parses (flow collections, hover). */
  readonly yaml?: Document.Parsed;
}

export interface ConfigFeatureOptions {
  readonly locale?: Locale;
  readonly linkFor?: LinkResolver;
}

/** The severities a rule can be set to in `rules:`, in the schema's order. */
const RULE_SEVERITIES: readonly ('off' | Severity)[] = ['off', 'info', 'warning', 'error'];
const OFF = { 'zh-cn': '关闭该规则', en: 'turn the rule off' } as const;

function configField(path: DataPath) {
  return fieldInfo(path, getConfigValidator());
}

function isRulePath(path: readonly (string | number)[]): boolean {
  return path.length === 2 && path[0] === 'rules' && typeof path[1] === 'string';
}

/** The completion items at `offset` of a configuration text. Never throws on odd text. */
export function configCompletionsAt(
  doc: ConfigDocument,
  offset: number,
  options: ConfigFeatureOptions = {},
): CompletionResult {
  const locale = options.locale ?? 'zh-cn';
  const position = cursorPosition(doc.text, offset, doc.yaml);
  if (position === undefined) return { items: [], isIncomplete: false };
  const items =
    position.kind === 'slot' ? keyItems(position, locale, options.linkFor) : valueItems(position, locale);
  return { items, isIncomplete: false };
}

function keyItems(
  position: Extract<CursorPosition, { kind: 'slot' }>,
  locale: Locale,
  linkFor: LinkResolver | undefined,
): CompletionItem[] {
  if (position.afterDash) return [];
  const lead = position.needsSpace ? ' ' : '';
  const path = position.path;
  const make = (
    label: string,
    index: number,
    fields: Partial<CompletionItem>,
    block: boolean,
  ): CompletionItem => ({
    label,
    kind: 'property',
    insertText:
      lead +
      (position.colonFollows
        ? label
        : block
          ? `${label}:\n${' '.repeat(position.keyCol + position.unit)}`
          : `${label}: `),
    snippet: false,
    range: position.range,
    sortText: String(index).padStart(4, '0'),
    filterText: label,
    retrigger: !position.colonFollows,
    ...fields,
  });
  if (path.length === 1 && path[0] === 'rules') {
    return allRules
      .filter((rule) => !position.existing.has(rule.id))
      .map((rule, index) =>
        make(
          rule.id,
          index,
          {
            kind: 'reference',
            description: rule.name,
            detail: `${t(locale, '默认级别', 'Default severity')}: ${SEVERITY_LABELS[rule.defaultSeverity][locale]}`,
            documentation: ruleMarkdown(rule.id, locale, linkFor) ?? '',
          },
          false,
        ),
      );
  }
  const info = configField(path);
  if (!info.isObject) return [];
  return info.properties
    .filter((name) => !position.existing.has(name))
    .map((name, index) => {
      const child = configField([...path, name]);
      const title =
        locale === 'en' ? (child.title.en ?? child.title['zh-cn']) : (child.title['zh-cn'] ?? child.title.en);
      return make(
        name,
        index,
        {
          ...(title !== undefined ? { description: title } : {}),
          documentation: fieldMarkdown([...path, name], locale, {
            heading: false,
            rules: false,
            schema: getConfigValidator(),
          }).join('\n\n'),
        },
        child.isObject,
      );
    });
}

function valueItems(position: Extract<CursorPosition, { kind: 'value' }>, locale: Locale): CompletionItem[] {
  const lead = position.needsSpace ? ' ' : '';
  const value = (label: string, index: number, description: string | undefined): CompletionItem => ({
    label,
    kind: 'enum',
    ...(description !== undefined ? { description } : {}),
    insertText: position.quoted ? label : lead + label,
    snippet: false,
    range: position.range,
    sortText: String(index).padStart(4, '0'),
    filterText: label,
    retrigger: false,
  });
  if (isRulePath(position.path))
    return RULE_SEVERITIES.map((severity, index) =>
      value(severity, index, severity === 'off' ? OFF[locale] : SEVERITY_LABELS[severity][locale]),
    );
  const info = configField(position.path);
  const values =
    info.enumValues.length > 0 ? info.enumValues : info.types.has('boolean') ? [true, false] : [];
  return values.map((v, index) => value(String(v), index, undefined));
}

/** The hover at `offset` of a configuration text, or undefined where there is nothing to say. */
export function configHoverAt(
  doc: Required<ConfigDocument>,
  offset: number,
  options: ConfigFeatureOptions = {},
): HoverResult | undefined {
  const locale = options.locale ?? 'zh-cn';
  const target = nodeAt(doc.yaml, doc.text, offset);
  if (target === undefined) return undefined;
  const range: OffsetRange = target.range;
  if (isRulePath(target.path)) {
    const id = String(target.path[1]);
    const blocks = [
      ruleMarkdown(id, locale, options.linkFor) ??
        `${code(id)}: ${t(locale, '没有这条规则', 'no such rule')}`,
    ];
    if (target.on === 'value' && typeof target.value === 'string') {
      const severity = target.value as 'off' | Severity;
      const label = severity === 'off' ? OFF[locale] : SEVERITY_LABELS[severity]?.[locale];
      if (label !== undefined) blocks.push(`${code(severity)}: ${escapeMarkdown(label)}`);
    }
    return { markdown: blocks.join('\n\n'), range };
  }
  const blocks = fieldMarkdown(target.path, locale, { rules: false, schema: getConfigValidator() });
  if (blocks.length === 0) return undefined;
  return { markdown: blocks.join('\n\n'), range };
}

/** `**R-X-001** name`, the rule's description, its default severity and its documentation link. */
function ruleMarkdown(id: string, locale: Locale, linkFor: LinkResolver | undefined): string | undefined {
  const rule = allRules.find((r) => r.id === id);
  if (rule === undefined) return undefined;
  const href = linkFor?.(rule.docs ?? ruleDocsPath(rule.id));
  const head = `**${rule.id}** ${code(rule.name)}`;
  const severity = `${t(locale, '默认级别', 'Default severity')}: ${SEVERITY_LABELS[rule.defaultSeverity][locale]}`;
  const link = href !== undefined ? `[${t(locale, '规则说明', 'Rule documentation')}](${href})` : undefined;
  return [head, escapeMarkdown(rule.description[locale]), [severity, link].filter(Boolean).join(' · ')].join(
    '\n\n',
  );
}
