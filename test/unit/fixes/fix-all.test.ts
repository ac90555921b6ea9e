/**
 * Fix-all in the core (planFixAll): only safe fixes, non-overlapping edits, idempotent on every
 * sample (a second run plans nothing), CRLF kept, and the findings it fixes gone afterwards.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, isSafeIntent, planFixAll, validate } from '../../../server/src/core';
import { sampleFiles } from '../../sample-files';

const REPO = path.resolve(__dirname, '../../..');
const TODAY = '2026-12-01';

function fixAll(text: string): { text: string; fixed: string[] } {
  const result = validate(text, { today: TODAY });
  assert.ok(result.document);
  const plan = planFixAll(result.document, result.findings);
  for (let i = 1; i < plan.edits.length; i++) {
    assert.ok(
      (plan.edits[i]?.start ?? 0) >= (plan.edits[i - 1]?.end ?? 0),
      'edits are sorted and do not overlap',
    );
  }
  for (const fix of plan.fixes)
    assert.ok(isSafeIntent(fix.intent), `only safe fixes: ${fix.intent.title.en}`);
  return { text: applyEdits(text, plan.edits), fixed: plan.fixes.map((f) => f.finding.code) };
}

const SHORT_NAMES = readFileSync(path.join(REPO, 'samples/mistakes/short-province-names.app95.yaml'), 'utf8');
const UNKNOWN_KEY = readFileSync(path.join(REPO, 'samples/mistakes/unknown-key.app95.yaml'), 'utf8');

describe('fix-all (core)', () => {
  for (const sample of sampleFiles()) {
    it(`is idempotent on ${path.relative(REPO, sample)}`, () => {
      const once = fixAll(readFileSync(sample, 'utf8'));
      const twice = fixAll(once.text);
      assert.deepEqual(twice.fixed, [], 'a second run fixes nothing');
      assert.equal(twice.text, once.text);
    });
  }

  it('fixes every short province name of the sample, and nothing else', () => {
    const { text, fixed } = fixAll(SHORT_NAMES);
    assert.equal(fixed.length, 12);
    assert.ok(fixed.every((code) => code === 'R-COVERAGE-004'));
    assert.match(text, /coverage: \[浙江省, 江苏省, 上海市, 安徽省, 福建省, 广东省, 北京市, 内蒙古自治区\]/);
    const after = validate(text, { today: TODAY }).findings;
    assert.deepEqual(
      after.filter((f) => f.code === 'R-COVERAGE-004'),
      [],
    );
    // Only the changed values differ: comments and layout are kept.
    assert.equal(text.split('\n').length, SHORT_NAMES.split('\n').length);
    assert.equal((text.match(/#/g) ?? []).length, (SHORT_NAMES.match(/#/g) ?? []).length);
  });

  it('applies the safe rename but never the removal of an unknown key', () => {
    const { text, fixed } = fixAll(UNKNOWN_KEY);
    assert.deepEqual(fixed, ['schema/additionalProperties']);
    assert.match(text, /\n {2}business_model: /);
    assert.match(text, /\n {2}fax: 0571-88886667/, 'the unknown key fax is left to the author');
  });

  it('leaves unsafe fixes alone (check character, candidate numbers, schedule entries)', () => {
    const complete = readFileSync(path.join(REPO, 'samples/complete/杭州云声.app95.yaml'), 'utf8');
    const text = complete
      .replace('  credit_code: 91330106MA2H7K3D4M', '  credit_code: 91330106MA2H7K3D4N')
      .replace('"95128"', '"950888"')
      .replace('  - province: 北京市\n    month_offset: 6\n', '');
    const { fixed } = fixAll(text);
    assert.deepEqual(fixed, []);
  });

  it('keeps CRLF line breaks', () => {
    const crlf = SHORT_NAMES.replace(/\r?\n/g, '\r\n');
    const { text } = fixAll(crlf);
    assert.ok(!/[^\r]\n/.test(text), 'every line break is still CRLF');
    assert.equal(text.replace(/\r\n/g, '\n'), fixAll(SHORT_NAMES).text);
  });
});
