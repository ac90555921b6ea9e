/**
 * Realistic valid applications (test/samples/valid/, issue 11): each must produce no warning and no
 * error through the core's validate with a real file probe, and its remaining findings (information
 * only) are kept as a golden listing beside it, like the bundled samples. The set covers what the issue
 * asks for: different industries and provinces, direct and transit access, centralised and distributed
 * platforms, 951-only and 952-only candidates, extension planned or not, a CRLF file, flow-style lists.
 *
 * Regenerate on purpose and read the diff:   UPDATE_GOLDEN=1 npx mocha --require tsx/cjs test/samples/valid-applications.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { validate } from '../../server/src/core';
import { createFileProbe } from '../../server/src/node/file-probe';
import { sampleFiles } from '../sample-files';
import { renderFindings } from './render-findings';

const VALID = path.join(__dirname, 'valid');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

interface Shape {
  readonly candidates: string[];
  readonly mode: string;
  readonly access: string;
  readonly extension: boolean;
  readonly crlf: boolean;
  readonly flow: boolean;
}

function shape(file: string): Shape {
  const text = readFileSync(file, 'utf8');
  const data = parse(text) as {
    number: { candidates: string[]; extension: { planned: boolean } };
    tech: { platform: { mode: string }; access: { mode: string } };
  };
  return {
    candidates: data.number.candidates,
    mode: data.tech.platform.mode,
    access: data.tech.access.mode,
    extension: data.number.extension.planned,
    crlf: text.includes('\r\n'),
    flow: /^ {2}area:\n\s+- \{/mu.test(text) || /^schedule: \[/mu.test(text),
  };
}

describe('valid realistic applications (test/samples/valid)', function () {
  this.timeout(20000);
  const files = sampleFiles(VALID);

  it('has at least 8 applications covering the shapes of issue 11', () => {
    assert.ok(files.length >= 8, `${files.length} applications`);
    const shapes = files.map(shape);
    const only = (prefix: string): boolean => shapes.some((s) => s.candidates.every((c) => c.startsWith(prefix)));
    assert.ok(only('951'), 'a 951-only application');
    assert.ok(only('952'), 'a 952-only application');
    assert.ok(shapes.some((s) => s.mode === '集中设置') && shapes.some((s) => s.mode === '分散设置'), 'centralised and distributed');
    assert.ok(shapes.some((s) => s.access === '三网全直联') && shapes.some((s) => s.access === '转接'), 'direct and transit');
    assert.ok(shapes.some((s) => s.extension) && shapes.some((s) => !s.extension), 'extension planned and not');
    assert.ok(shapes.some((s) => s.crlf), 'a CRLF file');
    assert.ok(shapes.some((s) => s.flow), 'flow-style lists');
  });

  for (const file of files) {
    const name = path.relative(VALID, file);
    it(`${name}: no warning or error`, () => {
      const { findings } = validate(readFileSync(file, 'utf8'), { files: createFileProbe(path.dirname(file)) });
      const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(
        serious.map((f) => `${f.code}: ${f.message['zh-cn']}`),
        [],
      );
    });
    it(`${name}: golden findings`, () => {
      const golden = file.replace(/\.app95\.ya?ml$/, '.findings.txt');
      const actual = renderFindings(file);
      if (UPDATE) {
        writeFileSync(golden, actual);
        return;
      }
      assert.ok(existsSync(golden), `no golden file ${golden}: run with UPDATE_GOLDEN=1 and review it`);
      assert.equal(actual, readFileSync(golden, 'utf8'));
    });
  }
});
