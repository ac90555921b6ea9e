// Readiness (core/features/readiness.ts): the 12 materials, complete when present and free of
// errors inside their paths; syntax errors (no path) count by the section they fall in.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validate } from '../../../server/src/core';
import { MATERIALS, readiness, startsWith } from '../../../server/src/core/features/readiness';

const COMPLETE = readFileSync(
  path.join(__dirname, '../../../samples/complete/杭州云声.app95.yaml'),
  'utf8',
);
const TODAY = '2026-12-01';

/** The sample with `from` replaced by `to` (which must occur exactly once). */
function edited(from: string | RegExp, to: string): string {
  const matches = COMPLETE.match(new RegExp(from, typeof from === 'string' ? 'g' : `${from.flags.replace('g', '')}g`));
  assert.equal(matches?.length, 1, `${String(from)} occurs once in the sample`);
  return COMPLETE.replace(from, to);
}

/** The numbers of the incomplete materials of a text. */
function incomplete(text: string): number[] {
  const result = validate(text, { today: TODAY });
  return readiness(result.findings, result.document)
    .materials.filter((m) => !m.complete)
    .map((m) => m.material.number);
}

describe('features/readiness', () => {
  it('defines the 12 materials, numbered 1…12, each with paths', () => {
    assert.deepEqual(
      MATERIALS.map((m) => m.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
    for (const m of MATERIALS) {
      assert.ok(m.paths.length > 0 && m.required.length > 0, `material ${m.number}`);
      for (const r of m.required)
        assert.ok(m.paths.some((p) => startsWith(r, p)), `material ${m.number}: required path inside its paths`);
      assert.ok(m.title['zh-cn'] !== '' && m.title.en !== '');
    }
  });

  it('counts the complete sample as 12/12 with no errors or warnings', () => {
    const result = validate(COMPLETE, { today: TODAY });
    const r = readiness(result.findings, result.document);
    assert.deepEqual(
      { complete: r.complete, total: r.total, errors: r.errors, warnings: r.warnings },
      { complete: 12, total: 12, errors: 0, warnings: 0 },
    );
  });

  const cases: { name: string; text: string; want: number[] }[] = [
    {
      name: 'a missing section (schedule) leaves material 8 incomplete',
      text: edited(/^schedule:\n(?: {2}.*\n)+/m, ''),
      want: [8],
    },
    {
      name: 'a wrong type in tech (seats) leaves material 7 incomplete',
      text: edited(/^ {2}seats: 80 .*$/m, '  seats: 八十'),
      want: [7],
    },
    {
      name: 'a bad province in usage.area leaves only material 4 incomplete (not 3 or 5)',
      text: edited('    - province: 安徽省\n', '    - province: 安微省\n'),
      want: [4],
    },
    {
      name: 'missing usage.customers leaves material 5 incomplete',
      text: edited(/^ {2}customers:\n(?: {4}.*\n)+/m, ''),
      want: [5],
    },
    {
      name: 'an error in number.extension leaves material 6 incomplete',
      text: edited(/^ {4}voice_prompts:\n(?: {6}.*\n)+/m, ''),
      want: [6],
    },
    {
      name: 'a candidate number in a forbidden segment counts for material 6 too (the number section)',
      text: edited('"95128"', '"95588"'),
      want: [6],
    },
    {
      name: 'a YAML error inside staff (a duplicate key: no data path) leaves material 11 incomplete',
      text: edited('  company_experience: 公司自', '  company_experience: 待定\n  company_experience: 公司自'),
      want: [11],
    },
    {
      name: 'an unsigned pledge leaves material 12 incomplete',
      text: edited('  sealed: true\n', '  sealed: false\n'),
      want: [12],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(incomplete(c.text), c.want);
    });
  }

  it('counts nothing as complete in an empty document or without a parsed document', () => {
    for (const text of ['', '# nothing yet\n']) {
      const result = validate(text, { today: TODAY });
      const r = readiness(result.findings, result.document);
      assert.equal(r.complete, 0, JSON.stringify(text));
    }
    assert.equal(readiness([], undefined).complete, 0);
  });

  it('counts errors and warnings of the whole document', () => {
    const text = edited(/^ {2}seats: 80 .*$/m, '  seats: 40');
    const result = validate(text, { today: TODAY });
    const r = readiness(result.findings, result.document);
    assert.equal(r.errors, result.findings.filter((f) => f.severity === 'error').length);
    assert.equal(r.warnings, result.findings.filter((f) => f.severity === 'warning').length);
    assert.ok(r.warnings >= 1, 'too few seats is a warning (R-TECH-001)');
    assert.equal(r.complete, 12, 'a warning does not make a material incomplete');
  });
});
