/**
 * The hostile and odd inputs of issue 6, item 4, built once and shared by the core, CLI and LSP
 * suites: alias bombs, deep nesting, 5 MB files, 1 MB lines, binary garbage, a BOM, CRLF, empty and
 * comment-only files, broken configurations, extreme values, and thousands of keys.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { REPO_ROOT } from '../lsp/client';

export const COMPLETE_FILE = path.join(REPO_ROOT, 'samples', 'complete', '杭州云声.app95.yaml');
export const COMPLETE = readFileSync(COMPLETE_FILE, 'utf8');
export const MISTAKES_DIR = path.join(REPO_ROOT, 'samples', 'mistakes');

const letter = (i: number): string => String.fromCharCode(97 + i);

/** Nine levels of ten aliases each: 10⁹ nodes if expanded. */
export const BILLION_LAUGHS = [
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from(
    { length: 8 },
    (_, i) => `${letter(i + 1)}: &${letter(i + 1)} [${Array<string>(10).fill(`*${letter(i)}`).join(', ')}]`,
  ),
].join('\n');

/** Under the alias cap, but 999 references to an anchor of 10 000 items (10⁷ values seen by the checks). */
export const ALIAS_FAN_OUT = `${COMPLETE}\nzz_anchor: &big [${Array<string>(10_000).fill('x').join(', ')}]\nzz_refs: [${Array<string>(999).fill('*big').join(', ')}]\n`;

/** `depth` nested block mappings under the root. */
export function nestedMappings(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' leaf\n';
}
/** `depth` nested block sequences. */
export function nestedSequences(depth: number): string {
  return `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}-`).join('\n')} leaf\n`;
}
/** `depth` nested flow sequences on one line. */
export function nestedFlow(depth: number): string {
  return `deep: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`;
}

const MB = 1024 * 1024;

/** The complete sample followed by comments up to `bytes`. */
export function paddedWithComments(bytes: number): string {
  const line = `# ${'填充'.repeat(20)} padding padding padding\n`;
  return COMPLETE + line.repeat(Math.ceil((bytes - Buffer.byteLength(COMPLETE)) / Buffer.byteLength(line)));
}

/** The complete sample with a block-scalar description of about `bytes`. */
export function hugeBlockScalar(bytes: number): string {
  const line = `    ${'业务说明'.repeat(30)}\n`;
  const body = line.repeat(Math.ceil(bytes / Buffer.byteLength(line)));
  return COMPLETE.replace(/^ {2}description: >-\n(?: {4}.*\n)+/m, `  description: |-\n${body}`);
}

/** The complete sample with about `bytes` of customer entries: real structure for every check. */
export function hugeStructured(bytes: number): string {
  const entry = (i: number): string => `    - name: 客户${i}有限公司\n      type: 电子商务平台\n      status: 已签约\n`;
  const size = Buffer.byteLength(entry(0)); // the shortest entry: the total is at least `bytes`
  const entries = Array.from({ length: Math.ceil(bytes / size) }, (_, i) => entry(i)).join('');
  return COMPLETE.replace(/^ {2}customers:\n(?: {4}.*\n)+/m, `  customers:\n${entries}`);
}

/** The complete sample with a one-line description of `length` repetitions of `unit` (quoted). */
export function longLine(unit: string, length: number): string {
  const value = unit.repeat(Math.ceil(length / unit.length));
  return COMPLETE.replace(/^ {2}description: >-\n(?: {4}.*\n)+/m, `  description: "${value}"\n`);
}

export const ONE_MB = MB;
export const FIVE_MB = 5 * MB;

/** Random bytes from a fixed seed (the same garbage on every run). */
export function garbageBytes(length: number, seed = 95): Uint8Array {
  const [bytes] = fc.sample(fc.uint8Array({ minLength: length, maxLength: length }), { seed, numRuns: 1 });
  return bytes!;
}

/** The complete sample with extreme but schema-valid values: 10⁹ seats, calls, trunks…, dates in 9999. */
export const EXTREME_VALUES = COMPLETE.replace(/\bseats: \d+/g, 'seats: 1000000000')
  .replace(/busy_hour_calls: \d+/, 'busy_hour_calls: 1000000000')
  .replace(/daily_calls: \d+/, 'daily_calls: 1000000000')
  .replace(/trunks: \d+/g, 'trunks: 1000000000')
  .replace(/month_offset: \d+/g, 'month_offset: 1000000000')
  .replace(/registered_capital_cny: \d+/, 'registered_capital_cny: 1000000000000000')
  .replace(/(ready|planned|quantity|area_m2|experience_years): \d+/g, '$1: 1000000000')
  .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '9999-12-31');

/** The same with the earliest dates a schema accepts and a leap day far out. */
export const EXTREME_DATES = COMPLETE.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (_, offset: number) =>
  offset % 2 === 0 ? '0001-01-01' : '9996-02-29',
);

/** `count` unknown keys at the root (each one a finding): quadratic work anywhere shows here. */
export function manyKeys(count: number): string {
  return `apiVersion: miit95/v1\n${Array.from({ length: count }, (_, i) => `k${i}: ${i}`).join('\n')}\n`;
}

/** `count` repetitions of one key. */
export function duplicateKeys(count: number): string {
  return `apiVersion: miit95/v1\n${Array.from({ length: count }, (_, i) => `k: ${i}`).join('\n')}\n`;
}

/** `.miit95.yaml` texts that are broken in different ways; each tries to switch R-TECH-001 off. */
export const BROKEN_CONFIGS: readonly (readonly [string, string])[] = [
  ['an unclosed flow mapping', 'rules: {R-TECH-001: off\n'],
  ['a tab indentation', 'rules:\n\tR-TECH-001: off\n'],
  ['a missing colon', 'rules:\n  R-TECH-001 off\nthresholds\n'],
  ['binary garbage', '\u0000\u0001\u0002rules: [R-TECH-001: off'],
  ['a duplicate key', 'rules:\n  R-TECH-001: off\nrules:\n  R-TECH-001: off\n'],
  ['an alias bomb', `${BILLION_LAUGHS}\nrules:\n  R-TECH-001: off\n`],
];

/** The complete sample with too few seats for its traffic: R-TECH-001 fires (unless configured off). */
export const TOO_FEW_SEATS = COMPLETE.replace(/^ {2}seats: 80/m, '  seats: 30').replace(
  /^ {8}seats: 80/m,
  '        seats: 30',
);
