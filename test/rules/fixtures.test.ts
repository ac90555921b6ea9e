/**
 * One runner for every rule's fixtures: test/rules/<RULE-ID>/valid*.yaml must stay silent, and in
 * every other *.yaml each line marked `# want <RULE-ID>` must be where a finding of that rule starts
 * (as many as the marker repeats the ID), with no missing and no extra finding. Only the rule under
 * test runs, so a fixture holds just the sections the rule reads. Fixtures run with today =
 * 2026-12-01 unless a line `# today: YYYY-MM-DD` says otherwise, and with a real file probe rooted at
 * the fixture's folder.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseApplication, allRules, runRules } from '../../server/src/core';
import { createFileProbe } from '../../server/src/node/file-probe';

const FIXTURE_ROOT = __dirname;
const DEFAULT_TODAY = '2026-12-01';

function ruleFolders(): string[] {
  return readdirSync(FIXTURE_ROOT)
    .filter((name) => /^R-[A-Z]+-\d{3}$/.test(name))
    .filter((name) => statSync(path.join(FIXTURE_ROOT, name)).isDirectory())
    .sort();
}

/** Expected start lines (0-based) of the rule's findings, one entry per marker occurrence. */
function expectedLines(text: string, ruleId: string): number[] {
  const lines = text.split(/\r\n|\r|\n/);
  const expected: number[] = [];
  lines.forEach((line, index) => {
    const marker = /#\s*want\s+(.*)$/.exec(line);
    if (!marker?.[1]) return;
    for (const id of marker[1].split(/[\s,]+/)) if (id === ruleId) expected.push(index);
  });
  return expected;
}

describe('rule fixtures', () => {
  for (const ruleId of ruleFolders()) {
    describe(ruleId, () => {
      const rule = allRules.find((r) => r.id === ruleId);
      it('is a registered rule', () => assert.ok(rule, `no registered rule ${ruleId}`));
      const folder = path.join(FIXTURE_ROOT, ruleId);
      const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
      for (const file of files) {
        it(file, () => {
          assert.ok(rule);
          const text = readFileSync(path.join(folder, file), 'utf8');
          const today = /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1] ?? DEFAULT_TODAY;
          const parsed = parseApplication(text);
          const findings = runRules([rule], parsed, { files: createFileProbe(folder), today });
          const internal = findings.filter((f) => f.code !== ruleId);
          assert.deepEqual(internal, [], 'the rule failed internally');
          const actual = findings.map((f) => parsed.lines.positionAt(f.range.start).line).sort((a, b) => a - b);
          const expected = file.startsWith('valid') ? [] : expectedLines(text, ruleId).sort((a, b) => a - b);
          if (!file.startsWith('valid')) assert.ok(expected.length > 0, `${file} has no "# want ${ruleId}" marker`);
          const show = (lines: number[]) => lines.map((l) => l + 1).join(', ') || 'none';
          assert.deepEqual(
            actual,
            expected,
            `findings on lines ${show(actual)}, expected on ${show(expected)}:\n` +
              findings.map((f) => `  ${parsed.lines.positionAt(f.range.start).line + 1}: ${f.message['zh-cn']}`).join('\n'),
          );
        });
      }
    });
  }
});
