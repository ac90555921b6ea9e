/**
 * "New application from an existing one": the next application of a client starts from the new
 * application template (template.ts) with the sections that carry over copied from a chosen
 * application — the applicant, the licence, the platform (`tech.platform`) and the access
 * (`tech.access`) — and everything that must be new reset to the template's placeholders: the
 * candidate numbers, the application date (today), the pledge and its date, the schedule. Each
 * copied section is marked for review by a comment line above it. Copies text blocks, so the
 * source's own comments and formatting stay. Pure: texts in, text out.
 */
import { isNode } from 'yaml';
import { walkPath } from '../document/locate';
import { parseApplication } from '../document/parse';
import { applicationTemplate, templateFileName } from '../template';
import type { DataPath } from '../types';

/** The sections that carry over, in file order. */
export const COPIED_SECTIONS: readonly DataPath[] = [
  ['applicant'],
  ['licence'],
  ['tech', 'platform'],
  ['tech', 'access'],
];

/** The comment that marks a copied section (the `{source}` is the source file's name). */
export const REVIEW_MARK = '请复核';

export interface NextApplicationOptions {
  /** The existing application's text. */
  readonly source: string;
  /** The existing file's name, named in the review comments. */
  readonly sourceName: string;
  /** 'YYYY-MM-DD': the new application date. */
  readonly today: string;
}

export interface NextApplication {
  readonly text: string;
  /** The copied sections (those found in the source). */
  readonly copied: readonly DataPath[];
  /** The applicant's name from the source, when it has one. */
  readonly companyName?: string;
}

interface Block {
  /** First line (the key's line) and the line after the block, 0-based. */
  readonly start: number;
  readonly end: number;
  /** The key's column. */
  readonly indent: number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '';

/**
 * The lines of the block mapping entry at `path`: its key's line to the last line indented deeper
 * than the key (comment lines at the key's indentation or less belong to what follows).
 */
function blockOf(text: string, lines: readonly string[], path: DataPath): Block | undefined {
  const parsed = parseApplication(text);
  if (!parsed.hasRoot) return undefined;
  const walk = walkPath(parsed.yaml, path);
  if (walk.found.length !== path.length || walk.pair === undefined || !isNode(walk.pair.key))
    return undefined;
  const keyStart = walk.pair.key.range?.[0];
  if (keyStart === undefined) return undefined;
  const start = lineOf(lineStarts(text), keyStart);
  const indent = indentOf(lines[start] ?? '');
  let end = start + 1;
  let last = start;
  for (; end < lines.length; end++) {
    const line = lines[end] ?? '';
    if (isBlank(line)) continue;
    if (indentOf(line) <= indent) break;
    last = end;
  }
  return { start, end: last + 1, indent };
}

function reindent(block: readonly string[], from: number, to: number): string[] {
  if (from === to) return [...block];
  return block.map((line) => {
    if (isBlank(line)) return '';
    return to > from ? ' '.repeat(to - from) + line : line.slice(Math.min(from - to, indentOf(line)));
  });
}

/** The next application's text from an existing one. */
export function nextApplication(options: NextApplicationOptions): NextApplication {
  const sourceLines = options.source.replace(/\r\n/g, '\n').split('\n');
  const sourceText = sourceLines.join('\n');
  const parsed = parseApplication(sourceText);
  const applicant = parsed.hasRoot ? (parsed.value as Record<string, unknown> | null) : null;
  const name = (applicant?.['applicant'] as Record<string, unknown> | undefined)?.['name'];
  const companyName = typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;

  let text = applicationTemplate({ companyName: companyName ?? '', today: options.today });
  const copied: DataPath[] = [];
  // From the last section to the first, so the earlier blocks' lines stay where they were found.
  for (const path of [...COPIED_SECTIONS].reverse()) {
    const from = blockOf(sourceText, sourceLines, path);
    const lines = text.split('\n');
    const to = blockOf(text, lines, path);
    if (from === undefined || to === undefined) continue;
    const copiedLines = reindent(sourceLines.slice(from.start, from.end), from.indent, to.indent);
    const pad = ' '.repeat(to.indent);
    const mark = `${pad}# ${REVIEW_MARK}：本节复制自“${options.sourceName}”，请确认仍然有效 / Review: copied from "${options.sourceName}", check it is still true`;
    lines.splice(to.start, to.end - to.start, mark, ...copiedLines);
    text = lines.join('\n');
    copied.unshift(path);
  }
  return { text, copied, ...(companyName !== undefined ? { companyName } : {}) };
}

/** `<公司名>-<date>.app95.yaml` (the company's existing file keeps its name). */
export function nextApplicationFileName(companyName: string | undefined, today: string): string {
  return templateFileName(companyName ?? '新申请').replace(/\.app95\.yaml$/u, `-${today}.app95.yaml`);
}
