/**
 * Suppression comments in an application:
 *
 *   # miit95-disable-next-line R-XXX-NNN[, R-YYY-NNN] -- reason
 *   # miit95-disable R-XXX-NNN -- reason
 *
 * The first suppresses findings of the named rules that start on the next line holding YAML content
 * (blank and comment-only lines are skipped); the second, placed anywhere, suppresses the rules in
 * the whole file. Directives are read from the real YAML comments (the CST), so a `#` inside a
 * quoted or block scalar is never one. Only domain-rule findings (R-…) can be suppressed; syntax and
 * schema findings are facts about the file, fixed by editing it.
 *
 * A directive without a reason does NOT apply (the author notices the finding it should have hidden
 * and the `suppression/missing-reason` warning together); unknown IDs are reported with a "did you
 * mean"; a directive that suppressed nothing gets a `suppression/unused` hint. Owns directive syntax,
 * matching and those findings; the caller decides which rules exist and whether "unused" is reliable.
 */
import { Parser } from 'yaml';
import type { Finding, LocalizedText, OffsetRange, Severity } from './types';
import type { LineIndex } from './document/line-index';
import { RULE_ID_PATTERN } from './rules/define-rule';
import { CONFIG_DOCS_PATH } from './rules/docs';
import { reminderById } from './rules/reminders';
import { closestMatch } from './schema/suggest';

export type SuppressionScope = 'next-line' | 'file';

/** One rule suppressed by one directive, as listed in the validation result. */
export interface Suppression {
  /** The rule ID. */
  readonly rule: string;
  /** The reason written after ` -- `. */
  readonly reason: string;
  /** The 1-based line of the directive comment (as the CLI and the export manifest show lines). */
  readonly line: number;
  readonly scope: SuppressionScope;
  /** For `next-line`: the 1-based line it applies to; absent when no content line follows. */
  readonly targetLine?: number;
  /** True when it suppressed at least one finding. */
  readonly used: boolean;
  /** How many findings it suppressed. */
  readonly count: number;
  /** The directive comment in the text. */
  readonly range: OffsetRange;
}

/** The directive keywords, after `miit95-`. */
const DIRECTIVES = ['disable-next-line', 'disable'] as const;
type DirectiveKind = (typeof DIRECTIVES)[number];

/** Codes of findings that are not domain rules and can never be suppressed. */
const UNSUPPRESSIBLE = /^(?:yaml|schema|internal|suppression|config)\//i;
/** A token that names (or tries to name) a finding code: `R-…`, `schema/…`, `foo-bar`. */
const CODE_LIKE = /^[A-Za-z][A-Za-z0-9_]*[-/][A-Za-z0-9_\-/.]*$/;

interface RuleRef {
  readonly id: string;
  readonly range: OffsetRange;
}

/** A parsed `miit95-…` comment. */
export interface Directive {
  readonly kind: DirectiveKind | 'unknown';
  /** The keyword as written (`miit95-disable-next-line`). */
  readonly keyword: string;
  readonly keywordRange: OffsetRange;
  /** The comment, from `#` to its end without trailing spaces. */
  readonly range: OffsetRange;
  /** 0-based line of the comment. */
  readonly line: number;
  /** For next-line: the 0-based line it applies to. */
  readonly targetLine?: number;
  readonly rules: readonly RuleRef[];
  /** The reason; empty when missing. */
  readonly reason: string;
}

interface CommentToken {
  readonly offset: number;
  readonly source: string;
}

/** The `miit95-` directives of a text, in order. Cheap when there are none. */
export function parseDirectives(text: string, lines: LineIndex): Directive[] {
  if (!text.includes('miit95-')) return [];
  const comments = commentTokens(text);
  const commentOnly = new Set<number>();
  for (const comment of comments) {
    const line = lines.positionAt(comment.offset).line;
    const lineStart = lines.offsetAt({ line, character: 0 });
    if (text.slice(lineStart, comment.offset).trim() === '') commentOnly.add(line);
  }
  const directives: Directive[] = [];
  for (const comment of comments) {
    const directive = parseDirective(text, lines, comment, commentOnly);
    if (directive !== undefined) directives.push(directive);
  }
  return directives;
}

/** Every comment token of the text, in order, by walking yaml's concrete syntax tree. */
function commentTokens(text: string): CommentToken[] {
  const found: CommentToken[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 1000) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const token = value as Record<string, unknown>;
    if (
      token['type'] === 'comment' &&
      typeof token['source'] === 'string' &&
      typeof token['offset'] === 'number'
    ) {
      found.push({ offset: token['offset'], source: token['source'] });
      return;
    }
    for (const [key, child] of Object.entries(token)) if (key !== 'source') walk(child, depth + 1);
  };
  for (const token of new Parser().parse(text)) walk(token, 0);
  return found.sort((a, b) => a.offset - b.offset);
}

function parseDirective(
  text: string,
  lines: LineIndex,
  comment: CommentToken,
  commentOnly: ReadonlySet<number>,
): Directive | undefined {
  const body = comment.source.slice(1);
  const head = /^(\s*)(miit95-\S*)/.exec(body);
  if (head === null) return undefined;
  const keyword = head[2] ?? '';
  const name = keyword.slice('miit95-'.length);
  const kind: Directive['kind'] = (DIRECTIVES as readonly string[]).includes(name)
    ? (name as DirectiveKind)
    : 'unknown';
  const start = comment.offset;
  const range = { start, end: start + comment.source.trimEnd().length };
  const keywordStart = start + 1 + (head[1] ?? '').length;
  const keywordRange = { start: keywordStart, end: keywordStart + keyword.length };
  const line = lines.positionAt(start).line;
  if (kind === 'unknown') return { kind, keyword, keywordRange, range, line, rules: [], reason: '' };

  // `rest` starts right after the keyword; offsets in it are relative to `restStart`.
  const restStart = keywordRange.end;
  const rest = body.slice((head[1] ?? '').length + keyword.length);
  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const idsPart = separator === null ? rest : rest.slice(0, separator.index);
  const reason = separator === null ? '' : rest.slice(separator.index + separator[0].length).trim();

  const rules: RuleRef[] = [];
  const tokenPattern = /[^\s,]+/g;
  for (let match = tokenPattern.exec(idsPart); match !== null; match = tokenPattern.exec(idsPart)) {
    // Without ` -- `, the IDs end where ordinary words (the would-be reason) begin.
    if (separator === null && !CODE_LIKE.test(match[0])) break;
    const tokenStart = restStart + match.index;
    rules.push({ id: match[0], range: { start: tokenStart, end: tokenStart + match[0].length } });
  }

  let targetLine: number | undefined;
  if (kind === 'disable-next-line') {
    for (let next = line + 1; next < lines.lineCount; next++) {
      const from = lines.offsetAt({ line: next, character: 0 });
      const to = next + 1 < lines.lineCount ? lines.offsetAt({ line: next + 1, character: 0 }) : text.length;
      if (text.slice(from, to).trim() === '' || commentOnly.has(next)) continue;
      targetLine = next;
      break;
    }
  }
  return {
    kind,
    keyword,
    keywordRange,
    range,
    line,
    ...(targetLine !== undefined ? { targetLine } : {}),
    rules,
    reason,
  };
}

export interface SuppressionOptions {
  /** The IDs of the rules that exist (the rule set of the run). */
  readonly knownRules: readonly string[];
  /** Rules turned off by the configuration: their suppressions are never reported as unused. */
  readonly disabledRules?: ReadonlySet<string>;
  /**
   * Whether "unused" is reliable: false when the rules did not see trustworthy data (YAML errors,
   * no data, an internal error), since then a finding may be missing for another reason.
   */
  readonly reportUnused: boolean;
}

export interface SuppressionOutcome {
  /** The findings that remain, plus the findings about the directives themselves (unsorted). */
  readonly findings: Finding[];
  /** Every rule of every directive that can apply, in text order. */
  readonly suppressions: Suppression[];
}

/** Applies the suppression comments of `text` to its findings. Never throws on odd comments. */
export function applySuppressions(
  text: string,
  lines: LineIndex,
  findings: readonly Finding[],
  options: SuppressionOptions,
): SuppressionOutcome {
  const directives = parseDirectives(text, lines);
  if (directives.length === 0) return { findings: [...findings], suppressions: [] };

  const known = options.knownRules;
  const own: Finding[] = [];
  interface Active {
    readonly directive: Directive;
    readonly rule: RuleRef;
    count: number;
  }
  const active: Active[] = [];

  for (const directive of directives) {
    if (directive.kind === 'unknown') {
      own.push(unknownDirectiveFinding(directive));
      continue;
    }
    if (directive.rules.length === 0) {
      own.push(
        finding('suppression/missing-rule', 'warning', directive.range, {
          'zh-cn': `${directive.keyword} 须写明要抑制的规则 ID，例如：# ${directive.keyword} R-COVERAGE-003 -- 理由`,
          en: `${directive.keyword} must name the rule IDs it suppresses, e.g. # ${directive.keyword} R-COVERAGE-003 -- reason`,
        }),
      );
      continue;
    }
    const valid: RuleRef[] = [];
    for (const rule of directive.rules) {
      const problem = ruleProblem(rule, known);
      if (problem === undefined) valid.push(rule);
      else own.push(problem);
    }
    if (directive.reason === '') {
      own.push(
        finding('suppression/missing-reason', 'warning', directive.range, {
          'zh-cn': `抑制注释必须在“ -- ”后写明理由，否则不生效：# ${directive.keyword} ${directive.rules.map((r) => r.id).join(', ')} -- 理由`,
          en: `A suppression must give its reason after " -- ", otherwise it does not apply: # ${directive.keyword} ${directive.rules.map((r) => r.id).join(', ')} -- reason`,
        }),
      );
      continue;
    }
    for (const rule of valid) active.push({ directive, rule, count: 0 });
  }

  const fileWide = active.filter((a) => a.directive.kind === 'disable');
  const nextLine = active.filter((a) => a.directive.kind === 'disable-next-line');
  const remaining: Finding[] = [];
  for (const f of findings) {
    if (!RULE_ID_PATTERN.test(f.code)) {
      remaining.push(f);
      continue;
    }
    let by = fileWide.find((a) => a.rule.id === f.code);
    if (by === undefined) {
      const line = lines.positionAt(f.range.start).line;
      by = nextLine.find((a) => a.rule.id === f.code && a.directive.targetLine === line);
    }
    if (by === undefined) remaining.push(f);
    else by.count++;
  }

  const suppressions: Suppression[] = active.map(({ directive, rule, count }) => ({
    rule: rule.id,
    reason: directive.reason,
    line: directive.line + 1,
    scope: directive.kind === 'disable' ? 'file' : 'next-line',
    ...(directive.targetLine !== undefined ? { targetLine: directive.targetLine + 1 } : {}),
    used: count > 0,
    count,
    range: directive.range,
  }));

  if (options.reportUnused) {
    for (const { directive, rule, count } of active) {
      if (count > 0 || options.disabledRules?.has(rule.id) === true) continue;
      own.push(
        finding(
          'suppression/unused',
          'hint',
          rule.range,
          directive.kind === 'disable'
            ? {
                'zh-cn': `本文件没有 ${rule.id} 的问题，此抑制注释可以删除`,
                en: `There is no ${rule.id} finding in this file; the suppression can be removed`,
              }
            : {
                'zh-cn': `下一行没有 ${rule.id} 的问题，此抑制注释可以删除`,
                en: `There is no ${rule.id} finding on the next line; the suppression can be removed`,
              },
        ),
      );
    }
  }
  return { findings: [...remaining, ...own], suppressions };
}

/** Why a named rule cannot be suppressed, or undefined when it can. */
function ruleProblem(rule: RuleRef, known: readonly string[]): Finding | undefined {
  const { id } = rule;
  if (known.includes(id)) return undefined;
  if (UNSUPPRESSIBLE.test(id)) {
    return finding('suppression/not-suppressible', 'warning', rule.range, {
      'zh-cn': `“${id}”不能被抑制：只有领域规则（R-…）的问题可以抑制，语法和结构问题须修改文件本身`,
      en: `"${id}" cannot be suppressed: only domain-rule (R-…) findings can; syntax and schema findings are fixed by editing the file`,
    });
  }
  const reminder = reminderById(id);
  if (reminder !== undefined) {
    return finding('suppression/unknown-rule', 'warning', rule.range, {
      'zh-cn': `${id}（${reminder.name}）是提醒项，不产生诊断，无需抑制`,
      en: `${id} (${reminder.name}) is a reminder, not a diagnostic: there is nothing to suppress`,
    });
  }
  const suggestion = closestMatch(id, known);
  return finding(
    'suppression/unknown-rule',
    'warning',
    rule.range,
    suggestion !== undefined
      ? {
          'zh-cn': `未知的规则 ID“${id}”，是否应为“${suggestion}”？此项抑制不生效`,
          en: `Unknown rule ID "${id}". Did you mean "${suggestion}"? This suppression does not apply`,
        }
      : {
          'zh-cn': `未知的规则 ID“${id}”，此项抑制不生效`,
          en: `Unknown rule ID "${id}"; this suppression does not apply`,
        },
    suggestion,
  );
}

function unknownDirectiveFinding(directive: Directive): Finding {
  const candidates = DIRECTIVES.map((d) => `miit95-${d}`);
  const suggestion = closestMatch(directive.keyword, candidates);
  const known = candidates.join(', ');
  return finding(
    'suppression/unknown-directive',
    'warning',
    directive.keywordRange,
    suggestion !== undefined
      ? {
          'zh-cn': `未知的指令“${directive.keyword}”，是否应为“${suggestion}”？`,
          en: `Unknown directive "${directive.keyword}". Did you mean "${suggestion}"?`,
        }
      : {
          'zh-cn': `未知的指令“${directive.keyword}”（可用：${known}）`,
          en: `Unknown directive "${directive.keyword}" (known: ${known})`,
        },
    suggestion,
  );
}

function finding(
  code: string,
  severity: Severity,
  range: OffsetRange,
  message: LocalizedText,
  suggestion?: string,
): Finding {
  return {
    code,
    severity,
    message,
    range,
    data: { path: [], ...(suggestion !== undefined ? { suggestion } : {}) },
    docs: CONFIG_DOCS_PATH,
  };
}
