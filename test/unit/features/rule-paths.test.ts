/**
 * The static path → rule table of the hovers (core/features/rule-paths.ts) against the rules
 * themselves: every registered rule is listed, every listed ID is registered, and every finding the
 * rule fixtures produce lies on a path whose pattern (or a parent's) lists the rule.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { allRules, parseApplication, runRules } from '../../../server/src/core';
import {
  pathPattern,
  RULE_PATHS,
  rulesAt,
  rulesCovering,
} from '../../../server/src/core/features/rule-paths';
import { createFileProbe } from '../../../server/src/node/file-probe';

const FIXTURES = path.resolve(__dirname, '../../rules');

describe('features: rule paths table', () => {
  const listed = new Set(Object.values(RULE_PATHS).flat());

  it('lists every registered rule', () => {
    const missing = allRules.map((r) => r.id).filter((id) => !listed.has(id));
    assert.deepEqual(
      missing,
      [],
      'list the fields these rules check in RULE_PATHS (server/src/core/features/rule-paths.ts)',
    );
  });

  it('lists only registered rules', () => {
    const ids = new Set(allRules.map((r) => r.id));
    assert.deepEqual(
      [...listed].filter((id) => !ids.has(id)),
      [],
    );
  });

  const cases: [string, (string | number)[], string[]][] = [
    ['an item index becomes *', ['usage', 'area', 3, 'province'], ['R-COVERAGE-001', 'R-COVERAGE-004']],
    [
      'a field without its own entry takes its parent’s',
      ['tech', 'platform', 'sites', 0, 'name'],
      ['R-TECH-002'],
    ],
    ['the seats', ['tech', 'seats'], ['R-TECH-001', 'R-PREP-001']],
    ['nothing for the format version', ['apiVersion'], []],
  ];
  for (const [name, p, want] of cases) it(name, () => assert.deepEqual([...rulesAt(p)], want));

  it('pattern of a path', () => assert.equal(pathPattern(['schedule', 2, 'date']), 'schedule.*.date'));

  const folders = readdirSync(FIXTURES).filter(
    (n) => /^R-[A-Z]+-\d{3}$/.test(n) && statSync(path.join(FIXTURES, n)).isDirectory(),
  );
  for (const id of folders) {
    const rule = allRules.find((r) => r.id === id);
    if (rule === undefined) continue;
    it(`covers the findings of the ${id} fixtures`, () => {
      const folder = path.join(FIXTURES, id);
      const misses: string[] = [];
      for (const file of readdirSync(folder).filter((f) => /\.ya?ml$/.test(f))) {
        const text = readFileSync(path.join(folder, file), 'utf8');
        const parsed = parseApplication(text);
        for (const f of runRules([rule], parsed, { files: createFileProbe(folder), today: '2026-12-01' })) {
          if (f.code === id && !rulesCovering(f.data.path).has(id))
            misses.push(`${file}: ${pathPattern(f.data.path) || '(root)'}`);
        }
      }
      assert.deepEqual(misses, []);
    });
  }
});
