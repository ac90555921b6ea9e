/**
 * The "suppress this finding" fix: a `# miit95-disable-next-line <ID> -- <reason>` comment above
 * the line where a domain-rule finding starts, indented like that line, with the document's line
 * break. When a directive for that line is already there, the ID is added to it instead. Only
 * domain rules (R-…) can be suppressed (suppressions.ts ignores the others). Pure.
 */
import type { Finding, Locale, LocalizedText } from '../types';
import type { ParsedDocument } from '../document/parse';
import { RULE_ID_PATTERN } from '../rules/define-rule';
import { parseDirectives } from '../suppressions';
import { detectStyle } from './yaml-edit';
import type { TextEdit } from './text-edit';

/** The reason placeholder written after ` -- `, for the author to replace. */
export const REASON_PLACEHOLDER: LocalizedText = { 'zh-cn': '请填写原因', en: 'give the reason' };

export interface SuppressionFix {
  readonly title: LocalizedText;
  readonly edit: TextEdit;
}

/** The suppression fix for a finding, or undefined when it cannot be suppressed. */
export function suppressionFix(parsed: ParsedDocument, finding: Finding, locale: Locale = 'zh-cn'): SuppressionFix | undefined {
  const id = finding.code;
  if (!RULE_ID_PATTERN.test(id)) return undefined;
  const { text, lines } = parsed;
  const line = lines.positionAt(finding.range.start).line;
  const lineStart = lines.offsetAt({ line, character: 0 });
  const title: LocalizedText = {
    'zh-cn': `在上一行用注释忽略 ${id}（需填写原因）`,
    en: `Suppress ${id} for this line with a comment (give a reason)`,
  };

  const existing = parseDirectives(text, lines).find(
    (d) => d.kind === 'disable-next-line' && d.targetLine === line && d.reason !== '' && d.rules.length > 0,
  );
  if (existing !== undefined) {
    if (existing.rules.some((rule) => rule.id === id)) return undefined;
    const last = existing.rules[existing.rules.length - 1];
    if (last === undefined) return undefined;
    return { title, edit: { start: last.range.end, end: last.range.end, newText: `, ${id}` } };
  }

  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = detectStyle(parsed).eol;
  const newText = `${indent}# miit95-disable-next-line ${id} -- ${REASON_PLACEHOLDER[locale]}${eol}`;
  return { title, edit: { start: lineStart, end: lineStart, newText } };
}
