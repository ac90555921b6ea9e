/** mergeSeverities and parseSeverityOverrides: the file's severities with the user's on top. */
import { strict as assert } from 'node:assert';
import {
  mergeSeverities,
  parseSeverityOverrides,
  resolveRulePack,
  LATEST_RULE_PACK,
  type RuleSeverityOverrides,
} from '../../../server/src/core';

describe('mergeSeverities', () => {
  it('lets the override win per rule and keeps the rest of the base', () => {
    const base: RuleSeverityOverrides = { 'R-A-001': 'off', 'R-A-002': 'info' };
    const override: RuleSeverityOverrides = { 'R-A-002': 'error', 'R-A-003': 'warning' };
    assert.deepEqual(mergeSeverities(base, override), {
      'R-A-001': 'off',
      'R-A-002': 'error',
      'R-A-003': 'warning',
    });
  });

  it('modifies neither input', () => {
    const base = { 'R-A-001': 'off' } as const;
    const override = { 'R-A-001': 'error' } as const;
    const merged = mergeSeverities(base, override);
    assert.deepEqual(base, { 'R-A-001': 'off' });
    assert.deepEqual(override, { 'R-A-001': 'error' });
    assert.notEqual(merged, base);
  });

  const partial: [
    string,
    RuleSeverityOverrides | undefined,
    RuleSeverityOverrides | undefined,
    RuleSeverityOverrides,
  ][] = [
    ['no inputs', undefined, undefined, {}],
    ['only a base', { 'R-A-001': 'info' }, undefined, { 'R-A-001': 'info' }],
    ['only an override', undefined, { 'R-A-001': 'off' }, { 'R-A-001': 'off' }],
  ];
  for (const [name, base, override, expected] of partial) {
    it(`works with ${name}`, () => assert.deepEqual(mergeSeverities(base, override), expected));
  }
});

describe('parseSeverityOverrides', () => {
  it('keeps valid entries of an untrusted setting and drops the rest', () => {
    assert.deepEqual(
      parseSeverityOverrides({
        'R-COVERAGE-003': 'off',
        'R-NUMBER-002': 'info',
        'R-NUMBER-004': 'fatal',
        'r-number-005': 'off',
        'schema/required': 'off',
        'R-TECH-001': 3,
        'R-TECH-002': 'hint',
      }),
      { 'R-COVERAGE-003': 'off', 'R-NUMBER-002': 'info' },
    );
  });

  for (const value of [undefined, null, 'off', 3, ['R-A-001'], true]) {
    it(`gives an empty map for ${JSON.stringify(value) ?? 'undefined'}`, () =>
      assert.deepEqual(parseSeverityOverrides(value), {}));
  }
});

describe('resolveRulePack', () => {
  const cases: [string, string | undefined][] = [
    ['latest', LATEST_RULE_PACK],
    ['2026-11', '2026-11'],
    ['2026', undefined],
    ['Latest', undefined],
    ['', undefined],
  ];
  for (const [name, expected] of cases) {
    it(`"${name}" → ${expected ?? 'unknown'}`, () => assert.equal(resolveRulePack(name), expected));
  }
});
