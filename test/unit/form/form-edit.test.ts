// Form edits (core/form/edit.ts) as minimal text edits: set, add, remove, reorder, quick fix; the
// template's comments kept; and a property test: any form edit on any field re-parses and changes
// only its target (every other value of the file stays as it was, every comment line is kept).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  applyEdits,
  buildFormModel,
  formEditEdits,
  parseApplication,
  validate,
  type DataPath,
  type FormEdit,
  type FormField,
  type FormScalar,
} from '../../../server/src/core';
import { applicationTemplate } from '../../../server/src/core/template';

const COMPLETE = readFileSync(path.join(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');
const TODAY = '2026-12-01';
const TEMPLATE = applicationTemplate({ companyName: '测试公司', today: TODAY });

function apply(text: string, edit: FormEdit): string {
  // Only a quick fix needs the findings; the other edits work on the parse alone.
  const result = edit.kind === 'fix' ? validate(text, { today: TODAY }) : { document: parseApplication(text), findings: [] };
  const edits = formEditEdits(result.document!, edit, result.findings);
  assert.ok(edits !== undefined, `edit ${JSON.stringify(edit)} can be made`);
  return applyEdits(text, edits);
}

function valueOf(text: string): unknown {
  const parsed = parseApplication(text);
  assert.deepEqual(parsed.errors, [], 'the edited text parses');
  return parsed.value;
}

function commentLines(text: string): string[] {
  return text.split(/\r?\n/u).filter((l) => /^\s*#/u.test(l));
}

/** `value` with `path` set (deep copy). */
function setAt(value: unknown, p: DataPath, to: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  p.slice(0, -1).forEach((s) => (node = node[s] as Record<string | number, unknown>));
  node[p[p.length - 1]!] = to;
  return copy;
}

function leaves(text: string): FormField[] {
  const result = validate(text, { today: TODAY });
  const model = buildFormModel({ parsed: result.document, findings: result.findings, locale: 'zh-cn', today: TODAY });
  const out: FormField[] = [];
  const walk = (f: FormField): void => {
    if (f.children === undefined && f.items === undefined && f.present && f.editable) out.push(f);
    for (const c of f.children ?? []) walk(c);
    for (const i of f.items ?? []) walk(i);
  };
  for (const page of model.pages) for (const f of page.fields) walk(f);
  return out;
}

function lists(text: string): FormField[] {
  const result = validate(text, { today: TODAY });
  const model = buildFormModel({ parsed: result.document, findings: result.findings, locale: 'zh-cn', today: TODAY });
  const out: FormField[] = [];
  const walk = (f: FormField): void => {
    if (f.items !== undefined && f.items.length >= 2) out.push(f);
    for (const c of f.children ?? []) walk(c);
    for (const i of f.items ?? []) walk(i);
  };
  for (const page of model.pages) for (const f of page.fields) walk(f);
  return out;
}

describe('form/edit', () => {
  it('sets a value in place, keeping its comment and every other line', () => {
    const after = apply(TEMPLATE, { kind: 'set', path: ['applicant', 'legal_rep'], value: '王建国' });
    const before = TEMPLATE.split('\n');
    const now = after.split('\n');
    assert.equal(now.length, before.length);
    const changed = now.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    assert.deepEqual(changed, [['  legal_rep: 待填写                   # 法定代表人', '  legal_rep: 王建国                   # 法定代表人']]);
  });

  it('writes numbers as numbers and keeps CRLF line breaks', () => {
    const crlf = TEMPLATE.replace(/\n/gu, '\r\n');
    const after = apply(crlf, { kind: 'set', path: ['applicant', 'registered_capital_cny'], value: 10000000 });
    assert.equal((valueOf(after) as { applicant: { registered_capital_cny: unknown } }).applicant.registered_capital_cny, 10000000);
    assert.equal(after.split('\r\n').length, crlf.split('\r\n').length);
    assert.ok(!/[^\r]\n/u.test(after), 'no bare LF');
  });

  it('adds an optional property and a list item, removes and reorders items', () => {
    const withMobile = apply(TEMPLATE, { kind: 'addProperty', path: ['applicant', 'contact'], key: 'mobile' });
    assert.ok(typeof (valueOf(withMobile) as { applicant: { contact: { mobile?: unknown } } }).applicant.contact.mobile === 'string');
    const twoAreas = apply(TEMPLATE, { kind: 'addItem', path: ['usage', 'area'] });
    assert.equal((valueOf(twoAreas) as { usage: { area: unknown[] } }).usage.area.length, 2);
    const moved = apply(COMPLETE, { kind: 'move', path: ['number', 'candidates'], from: 2, to: 0 });
    assert.deepEqual((valueOf(moved) as { number: { candidates: string[] } }).number.candidates, ['952388', '95079', '95128']);
    const removed = apply(COMPLETE, { kind: 'remove', path: ['number', 'candidates', 1] });
    assert.deepEqual((valueOf(removed) as { number: { candidates: string[] } }).number.candidates, ['95079', '952388']);
    assert.deepEqual(commentLines(removed), commentLines(COMPLETE));
  });

  it("applies a finding's quick fix by its index", () => {
    const text = COMPLETE.replace('usage:\n  businesses:', 'usage:\n  busineses:');
    const result = validate(text, { today: TODAY });
    const finding = result.findings.find((f) => (f.data.fixes?.length ?? 0) > 0);
    assert.ok(finding, 'a finding with a fix');
    const after = apply(text, { kind: 'fix', code: finding.code, path: finding.data.path, index: 0 });
    assert.equal(after, COMPLETE, 'the misspelt key is renamed back');
    assert.ok(!validate(after, { today: TODAY }).findings.some((f) => f.code === finding.code && String(f.data.path) === String(finding.data.path)));
  });

  it('refuses what it cannot do: a missing list, a fix that is not offered, an index out of range', () => {
    const parsed = validate(COMPLETE, { today: TODAY });
    assert.equal(formEditEdits(parsed.document!, { kind: 'move', path: ['nope'], from: 0, to: 1 }, parsed.findings), undefined);
    assert.equal(formEditEdits(parsed.document!, { kind: 'fix', code: 'R-X', path: [], index: 0 }, parsed.findings), undefined);
    assert.equal(formEditEdits(parsed.document!, { kind: 'move', path: ['number', 'candidates'], from: 0, to: 9 }, parsed.findings), undefined);
    assert.equal(formEditEdits(parsed.document!, { kind: 'remove', path: ['applicant', 'nope'] }, parsed.findings), undefined);
  });

  describe('property: a form edit changes only its target', function () {
    this.timeout(120_000);
    const scalar: fc.Arbitrary<FormScalar> = fc.oneof(
      fc.string(),
      fc.constantFrom('a: b', '# not a comment', '- item', '"quoted"', "it's", '[x, y]', '{k: v}', '95079', 'true', '', ' lead', '多行\n文本', '</script><img src=x onerror=alert(1)>'),
      fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    for (const [name, text] of [
      ['complete sample', COMPLETE],
      ['template', TEMPLATE],
      ['template with CRLF', TEMPLATE.replace(/\n/gu, '\r\n')],
    ] as const) {
      const fields = leaves(text);
      const before = valueOf(text);
      it(`set any field to any scalar (${name}, ${fields.length} fields)`, () => {
        fc.assert(
          fc.property(fc.constantFrom(...fields), scalar, (f, value) => {
            const after = apply(text, { kind: 'set', path: f.path, value });
            assert.deepStrictEqual(valueOf(after), setAt(before, f.path, value));
            assert.deepEqual(commentLines(after), commentLines(text));
          }),
          { numRuns: 120 },
        );
      });
      const multi = lists(text);
      it(`move or remove any item of any list (${name}, ${multi.length} lists)`, () => {
        fc.assert(
          fc.property(fc.constantFrom(...multi), fc.nat(), fc.nat(), fc.boolean(), (list, a, b, remove) => {
            const items = (list.items ?? []).length;
            const from = a % items;
            const to = b % items;
            const current = structuredClone(list.path.reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], before)) as unknown[];
            if (remove) {
              const after = apply(text, { kind: 'remove', path: [...list.path, from] });
              current.splice(from, 1);
              assert.deepStrictEqual(valueOf(after), setAt(before, list.path, current));
            } else {
              const after = apply(text, { kind: 'move', path: list.path, from, to });
              const [item] = current.splice(from, 1);
              current.splice(to, 0, item);
              assert.deepStrictEqual(valueOf(after), setAt(before, list.path, current));
              assert.deepEqual(commentLines(after), commentLines(text));
            }
          }),
          { numRuns: 60 },
        );
      });
    }
  });
});
