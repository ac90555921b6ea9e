/**
 * The incremental reparse gives exactly what a full parse gives: the same yaml tree (node kinds,
 * ranges, values, scalar styles, comments), the same value, errors, warnings and issues, and the
 * same findings — for realistic edits of the samples (and of a grown sample) and for random ones,
 * one at a time and in chains where each version reuses the previous one. Also checks that the
 * reuse path is actually taken for ordinary edits (a test that only ever fell back would prove
 * nothing).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import {
  getNumber,
  getString,
  parseApplication,
  validate,
  type ParsedDocument,
  type RuleModule,
} from '../../../server/src/core';
import { reparse } from '../../../server/src/core/document/incremental';
import { spyRule } from '../rules/spy-rule';
import { sampleFiles } from '../../sample-files';

const ROOT = path.resolve(__dirname, '../../..');
/** MIIT95_FUZZ_SCALE=10 runs ten times as many random cases (a longer hunt). */
const SCALE = Number(process.env['MIIT95_FUZZ_SCALE'] ?? 1) || 1;
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

const COMPLETE = readFileSync(path.join(ROOT, 'samples', 'complete', '杭州云声.app95.yaml'), 'utf8');
/** The complete sample with its lists grown, so that edits land in long lists too. */
const GROWN = COMPLETE.replace(
  /( {4}- name: 江南连锁超市股份有限公司\n {6}type: 连锁零售\n {6}status: 意向\n)/,
  (items: string) =>
    items +
    Array.from(
      { length: 30 },
      (_, i) => `    - name: 客户${i}有限公司\n      type: 电子商务平台\n      status: 已签约\n`,
    ).join(''),
);
/** Windows line ends: the reuse path works on CRLF text too. */
const CRLF = COMPLETE.replace(/\n/g, '\r\n');
const TEXTS = [COMPLETE, GROWN, CRLF, ...sampleFiles().map((file) => readFileSync(file, 'utf8'))];

/** The first difference between two yaml trees, as a path and a description; undefined when equal. */
function treeDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === b) return undefined;
  if (a === null || b === null || a === undefined || b === undefined)
    return `${at}: ${String(a)} vs ${String(b)}`;
  if (isPair(a) || isPair(b)) {
    if (!isPair(a) || !isPair(b)) return `${at}: pair vs non-pair`;
    return treeDifference(a.key, b.key, `${at}.key`) ?? treeDifference(a.value, b.value, `${at}.value`);
  }
  const kind = (n: unknown): string =>
    isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isAlias(n) ? 'alias' : typeof n;
  if (kind(a) !== kind(b)) return `${at}: ${kind(a)} vs ${kind(b)}`;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const field of [
    'range',
    'value',
    'source',
    'type',
    'comment',
    'commentBefore',
    'spaceBefore',
    'anchor',
    'tag',
    'flow',
    'format',
  ]) {
    if (field === 'value' && !isScalar(a)) continue;
    const u = JSON.stringify(x[field]);
    const v = JSON.stringify(y[field]);
    if (u !== v) return `${at}.${field}: ${u} vs ${v}`;
  }
  if (isMap(a) || isSeq(a)) {
    const ia = (a as { items: unknown[] }).items;
    const ib = (b as { items: unknown[] }).items;
    if (ia.length !== ib.length) return `${at}.items.length: ${ia.length} vs ${ib.length}`;
    for (let k = 0; k < ia.length; k++) {
      const d = treeDifference(ia[k], ib[k], `${at}[${k}]`);
      if (d !== undefined) return d;
    }
  }
  return undefined;
}

function assertSameParse(actual: ParsedDocument, expected: ParsedDocument, context: string): void {
  const where = `${context}\n--- text ---\n${expected.text}`;
  const docFields = (d: ParsedDocument) => ({
    range: d.yaml.range,
    comment: d.yaml.comment,
    commentBefore: d.yaml.commentBefore,
    errors: d.errors.map((e) => `${e.code}@${e.pos.join(',')}`),
    warnings: d.warnings.map((e) => `${e.code}@${e.pos.join(',')}`),
    issues: d.issues.map((i) => `${i.code}@${i.range.start}-${i.range.end}`),
    hasRoot: d.hasRoot,
  });
  assert.equal(actual.text, expected.text);
  assert.deepEqual(docFields(actual), docFields(expected), where);
  const difference = treeDifference(actual.yaml.contents, expected.yaml.contents);
  assert.equal(difference, undefined, `tree differs at ${difference}\n${where}`);
  assert.deepEqual(actual.value, expected.value, where);
  const starts = (lines: unknown): unknown => (lines as { lineStarts: number[] }).lineStarts;
  assert.deepEqual(starts(actual.lines), starts(expected.lines), `line index\n${where}`);
}

/** An edit by fractions of the text (so that it fits any text): replace `span` characters at `at`. */
interface Edit {
  readonly at: number;
  readonly span: number;
  readonly text: string;
  readonly unit: 'char' | 'line';
}

function apply(text: string, edit: Edit): string {
  if (edit.unit === 'line') {
    const lines = text.split('\n');
    const at = Math.floor(edit.at * lines.length);
    const span = Math.min(edit.span, lines.length - at);
    lines.splice(at, span, ...(edit.text === '' ? [] : edit.text.replace(/\n$/, '').split('\n')));
    return lines.join('\n');
  }
  const at = Math.floor(edit.at * (text.length + 1));
  return text.slice(0, at) + edit.text + text.slice(Math.min(text.length, at + edit.span));
}

const SAMPLE_LINES = COMPLETE.split('\n');
const FRAGMENTS = [
  '1',
  '0',
  'x',
  ' ',
  '  ',
  '\n',
  '\r',
  '\r\n',
  '\n  ',
  ': ',
  '- ',
  '#',
  ' # c',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '|',
  '>-',
  '&a ',
  '*a',
  '\t',
  '---',
  '浙江省',
  '，',
  'key: v\n',
  '  - a\n',
  '    - name: 新客户\n      type: 连锁零售\n      status: 意向\n',
];

/**
 * Where an edit lands, as a fraction of the text: uniform (fc.double is not, most of its values are
 * tiny, which would keep the edits near the start of the text).
 */
const POSITION = fc.nat(9999).map((n) => n / 10000);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      at: POSITION,
      span: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
      text: fc.oneof(fc.constant(''), fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })),
      unit: fc.constant<'char'>('char'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      at: POSITION,
      span: fc.oneof(fc.constant(0), fc.nat(2), fc.nat(6)),
      text: fc.oneof(
        fc.constant(''),
        fc.constantFrom(...SAMPLE_LINES),
        fc.array(fc.constantFrom(...SAMPLE_LINES), { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n')),
      ),
      unit: fc.constant<'line'>('line'),
    }),
  },
);

describe('incremental reparse', function () {
  this.timeout(120000 * SCALE);
  let reusedCount = 0;
  let total = 0;
  const check = (previous: ParsedDocument, text: string, context: string): ParsedDocument => {
    const { parsed, reused } = reparse(previous, text);
    total++;
    if (reused) reusedCount++;
    assertSameParse(parsed, parseApplication(text), `${context} (reused: ${reused})`);
    return parsed;
  };

  const cases: { name: string; from: string; to: (t: string) => string; reused: boolean }[] = [
    {
      name: 'a scalar in a nested map',
      from: COMPLETE,
      to: (t) => t.replace('busy_hour_calls: 1200', 'busy_hour_calls: 1250'),
      reused: true,
    },
    {
      name: 'a longer scalar',
      from: COMPLETE,
      to: (t) => t.replace('seats: 80 ', 'seats: 八十 '),
      reused: true,
    },
    {
      name: 'a list item inserted in the middle',
      from: GROWN,
      to: (t) =>
        t.replace(
          '    - name: 客户10有限公司',
          '    - name: 新客户\n      type: 连锁零售\n      status: 意向\n    - name: 客户10有限公司',
        ),
      reused: true,
    },
    {
      name: 'a list item removed',
      from: GROWN,
      to: (t) =>
        t.replace('    - name: 客户10有限公司\n      type: 电子商务平台\n      status: 已签约\n', ''),
      reused: true,
    },
    {
      name: 'an item appended at the end of a list',
      from: COMPLETE,
      to: (t) =>
        t.replace(
          '      experience: 负责软交换与 IVR 系统建设，具有三网接入实施经验。\n',
          '      experience: 负责软交换与 IVR 系统建设，具有三网接入实施经验。\n    - name: 新人\n      role: 坐席\n',
        ),
      reused: true,
    },
    {
      name: 'a key renamed',
      from: COMPLETE,
      to: (t) => t.replace('  legal_rep: 王建国', '  legal_repr: 王建国'),
      reused: true,
    },
    {
      name: 'the first line',
      from: COMPLETE,
      to: (t) => t.replace('apiVersion: miit95/v1', 'apiVersion: miit95/v2'),
      reused: true,
    },
    {
      name: 'the last line',
      from: COMPLETE,
      to: (t) => t.replace('  enabled: false\n', '  enabled: true\n'),
      reused: true,
    },
    {
      name: 'a comment between sections',
      from: COMPLETE,
      to: (t) => t.replace('# 材料2：增值电信业务经营许可证', '# 材料二'),
      reused: true,
    },
    { name: 'a leading blank line removed', from: `\n${COMPLETE}`, to: (t) => t.slice(1), reused: false },
    { name: 'a leading blank line added', from: COMPLETE, to: (t) => `\n${t}`, reused: false },
    {
      name: 'an empty value before comment lines',
      from: COMPLETE,
      to: (t) => t.replace('  sms:\n    enabled: false\n', '  sms:\n  core:\n'),
      reused: false,
    },
    {
      name: 'a scalar in a CRLF document',
      from: CRLF,
      to: (t) => t.replace('busy_hour_calls: 1200', 'busy_hour_calls: 1250'),
      reused: true,
    },
    {
      name: 'a list item inserted in a CRLF document',
      from: CRLF,
      to: (t) =>
        t.replace(
          '    - name: 江南连锁超市股份有限公司',
          '    - name: 新客户\r\n      type: 连锁零售\r\n    - name: 江南连锁超市股份有限公司',
        ),
      reused: true,
    },
    {
      name: 'a lone CR elsewhere in the text',
      from: COMPLETE.replace('# 材料8：', '# 材料8\r# '),
      to: (t) => t.replace('busy_hour_calls: 1200', 'busy_hour_calls: 1250'),
      reused: true,
    },
    {
      name: 'a lone CR typed in the fragment',
      from: COMPLETE,
      to: (t) => t.replace('busy_hour_calls: 1200', 'busy_hour_calls: 1250\r    x: 1'),
      reused: false,
    },
    {
      name: 'a duplicate key',
      from: COMPLETE,
      to: (t) => t.replace('  legal_rep: 王建国', '  name: 王建国'),
      reused: false,
    },
    {
      name: 'a syntax error',
      from: COMPLETE,
      to: (t) => t.replace('  seats: 80 ', '  seats: [80 '),
      reused: false,
    },
    { name: 'an alias', from: COMPLETE, to: (t) => t.replace('  seats: 80 ', '  seats: *x '), reused: false },
    {
      name: 'a dedented line',
      from: COMPLETE,
      to: (t) => t.replace('  seats: 80 ', 'seats: 80 '),
      reused: false,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: same as a full parse${c.reused ? ', reusing the tree' : ''}`, () => {
      const to = c.to(c.from);
      assert.notEqual(to, c.from, 'the case must change the text');
      const { parsed, reused } = reparse(parseApplication(c.from), to);
      assertSameParse(parsed, parseApplication(to), c.name);
      if (c.reused) assert.ok(reused, 'expected the previous tree to be reused');
      assert.deepEqual(
        validate(to, { previous: parseApplication(c.from), today: '2026-11-30' }).findings,
        validate(to, { today: '2026-11-30' }).findings,
      );
    });
  }

  it('consumes the previous tree: the new version owns the nodes after the change', () => {
    const previous = parseApplication(GROWN);
    const to = GROWN.replace(
      '    - name: 客户3有限公司',
      '    - name: 新\n      type: t\n    - name: 客户3有限公司',
    );
    const { parsed, reused } = reparse(previous, to);
    assert.ok(reused);
    assertSameParse(parsed, parseApplication(to), 'after reuse');
    // Nodes after the change are shared, at their new offsets (the old tree is not to be used again).
    const last = (parsed.yaml.contents as { items: unknown[] }).items.at(-1);
    assert.equal((previous.yaml.contents as { items: unknown[] }).items.at(-1), last);
  });

  it('random edits: same as a full parse', () => {
    fc.assert(
      fc.property(fc.nat(TEXTS.length - 1), edit, (sample, e) => {
        const from = TEXTS[sample]!;
        check(parseApplication(from), apply(from, e), JSON.stringify(e));
      }),
      { numRuns: runs(120) },
    );
  });

  it('chains of edits, each reusing the previous version: same as a full parse at every step', () => {
    fc.assert(
      fc.property(
        fc.nat(TEXTS.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        (sample, edits) => {
          let previous = parseApplication(TEXTS[sample]!);
          for (const [k, e] of edits.entries())
            previous = check(previous, apply(previous.text, e), `step ${k}: ${JSON.stringify(e)}`);
        },
      ),
      { numRuns: runs(30) },
    );
  });

  it('the findings are the same as without reuse', () => {
    fc.assert(
      fc.property(fc.nat(TEXTS.length - 1), edit, (sample, e) => {
        const from = TEXTS[sample]!;
        const to = apply(from, e);
        const options = { today: '2026-11-30' };
        assert.deepEqual(
          validate(to, { ...options, previous: parseApplication(from) }).findings,
          validate(to, options).findings,
        );
      }),
      { numRuns: runs(25) },
    );
  });

  it('chains of validations, each reusing the previous parse and rule results: the findings of a fresh validation', () => {
    const options = { today: '2026-11-30' };
    fc.assert(
      fc.property(
        fc.nat(TEXTS.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (sample, edits) => {
          let result = validate(TEXTS[sample]!, options);
          let text = TEXTS[sample]!;
          for (const [k, e] of edits.entries()) {
            text = apply(text, e);
            const previous = result.document;
            result = validate(text, previous === undefined ? options : { ...options, previous });
            assert.deepEqual(
              result.findings,
              validate(text, options).findings,
              `step ${k}: ${JSON.stringify(e)}`,
            );
          }
        },
      ),
      { numRuns: runs(20) },
    );
  });

  it('reuses rule results whose inputs did not change, and reruns the others', () => {
    const options = { today: '2026-11-30' };
    const first = validate(COMPLETE, options);
    // Only tech.seats changes: rules reading tech see a new value, the others reuse their reports.
    const changed = COMPLETE.replace('  seats: 80 ', '  seats: 60 ');
    const second = validate(changed, { ...options, previous: first.document! });
    assert.deepEqual(second.findings, validate(changed, options).findings);
    assert.ok(
      second.findings.some((f) => f.code === 'R-TECH-001'),
      'too few seats is reported on the new value',
    );

    const calls: string[] = [];
    const spy = (id: string, path: string[], withFiles = false): RuleModule =>
      spyRule(id, calls, (ctx) => {
        if (withFiles) void ctx.files;
        const value = getNumber(ctx.app, path) ?? getString(ctx.app, path);
        if (value !== undefined) ctx.report({ path, messageId: 'seen', params: { value } });
      });
    const rules = [
      spy('R-SPY-001', ['tech', 'seats']),
      spy('R-SPY-002', ['pledge', 'signed_by']),
      spy('R-SPY-003', ['applicant', 'name'], true),
    ];
    const files = { probe: () => 'file' as const };
    const a = validate(COMPLETE, { ...options, rules, files });
    calls.length = 0;
    // Longer: everything after tech.seats moves, pledge included.
    const longer = COMPLETE.replace('  seats: 80 ', '  seats: 6000 ');
    const b = validate(longer, { ...options, rules, files, previous: a.document! });
    assert.deepEqual(
      calls,
      ['R-SPY-001', 'R-SPY-003'],
      'the pledge rule is reused; the one that looked at files runs',
    );
    assert.deepEqual(
      b.findings,
      validate(longer, { ...options, rules, files }).findings,
      'reused reports are placed in the new text',
    );
    const pledge = b.findings.find((f) => f.code === 'R-SPY-002');
    assert.equal(longer.slice(pledge!.range.start, pledge!.range.end), '王建国');
  });

  it('takes the reuse path for most random edits', () => {
    assert.ok(total > runs(120), `only ${total} reparses checked`);
    // Random edits often break the YAML (then a full parse is right); ordinary edits reuse (cases above).
    assert.ok(reusedCount / total > 0.15, `reused ${reusedCount} of ${total}`);
  });
});
