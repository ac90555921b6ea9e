/**
 * Every fix intent the domain rules offer on their own fixtures (test/rules/<ID>/*.yaml) can be
 * carried out by the fixer (it gives edits, and the edited text parses), and the first fix of each
 * finding makes that finding go: run the rule again on the fixed text and no finding of the rule
 * remains at the same data path. A rule that proposes a fix the fixer cannot apply fails here.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { allRules, applyEdits, intentEdits, parseApplication, runRules, type Finding } from '../../../server/src/core';
import { createFileProbe } from '../../../server/src/node/file-probe';

const FIXTURES = path.resolve(__dirname, '../../rules');
const DEFAULT_TODAY = '2026-12-01';

function samePath(a: Finding, b: Finding): boolean {
  return JSON.stringify(a.data.path) === JSON.stringify(b.data.path);
}

describe('fixes of the rule fixtures', () => {
  for (const ruleId of readdirSync(FIXTURES).filter((n) => /^R-[A-Z]+-\d{3}$/.test(n)).sort()) {
    const rule = allRules.find((r) => r.id === ruleId);
    if (rule === undefined || !rule.fixable) continue;
    const folder = path.join(FIXTURES, ruleId);
    const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('valid') && statSync(path.join(folder, f)).isFile());
    for (const file of files.sort()) {
      it(`${ruleId}/${file}`, () => {
        const text = readFileSync(path.join(folder, file), 'utf8');
        const today = /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1] ?? DEFAULT_TODAY;
        const run = (t: string): Finding[] => runRules([rule], parseApplication(t), { files: createFileProbe(folder), today });
        const parsed = parseApplication(text);
        for (const finding of run(text)) {
          for (const [index, intent] of (finding.data.fixes ?? []).entries()) {
            const edits = intentEdits(parsed, intent);
            assert.ok(edits !== undefined && edits.length > 0, `fix "${intent.title['zh-cn']}" (${intent.kind} ${JSON.stringify(intent.path)}) gives edits`);
            const after = applyEdits(text, edits);
            assert.deepEqual(parseApplication(after).errors, [], 'the fixed text parses');
            if (index === 0) {
              const left = run(after).filter((f) => samePath(f, finding) && f.message['zh-cn'] === finding.message['zh-cn']);
              assert.deepEqual(left.map((f) => f.message['zh-cn']), [], `after "${intent.title['zh-cn']}"`);
            }
          }
        }
      });
    }
  }
});
