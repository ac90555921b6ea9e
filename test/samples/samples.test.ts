/**
 * Golden findings for every sample: runs the core's validate on each samples/**\/*.app95.yaml with a
 * real FileProbe (attachments resolved in the sample's folder) and compares the rendered findings,
 * one `line:col-endLine:endCol severity code message(zh-cn)` line each (1-based), with
 * test/samples/<path under samples/ without .app95.yaml>.findings.txt.
 *
 * Regenerate on purpose and read the diff:   UPDATE_GOLDEN=1 npx mocha --require tsx/cjs test/samples/samples.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { sampleFiles } from '../sample-files';
import { renderFindings } from './render-findings';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.join(REPO_ROOT, 'samples');
const GOLDEN = __dirname;
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';


function goldenPath(sample: string): string {
  const relative = path.relative(SAMPLES, sample).replace(/\.app95\.ya?ml$/, '');
  return path.join(GOLDEN, `${relative}.findings.txt`);
}

describe('golden findings of the samples', function () {
  this.timeout(20000);
  const samples = sampleFiles(SAMPLES);

  it('finds the samples', function () {
    assert.ok(samples.length >= 2, `samples under ${SAMPLES}`);
  });

  for (const sample of samples) {
    const golden = goldenPath(sample);
    it(path.relative(SAMPLES, sample), function () {
      const actual = renderFindings(sample);
      if (UPDATE) {
        mkdirSync(path.dirname(golden), { recursive: true });
        writeFileSync(golden, actual);
        return;
      }
      assert.ok(
        existsSync(golden),
        `no golden file ${path.relative(REPO_ROOT, golden)}: run UPDATE_GOLDEN=1 npx mocha --require tsx/cjs test/samples/samples.test.ts, then review it`,
      );
      assert.equal(actual, readFileSync(golden, 'utf8'), `findings changed: if on purpose, rerun with UPDATE_GOLDEN=1 and review the diff`);
    });
  }
});
