/**
 * Hostile and odd input through the core (issue 6, item 4): each case must finish within its time
 * budget, without an internal error, with every range inside the text, and with the expected
 * findings. Budgets are generous (2 shared cores); they catch hangs and quadratic blow-ups, not
 * small slowdowns. The same inputs go through the CLI and the server in cli.hostile / lsp.hostile.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG, loadConfig, MAX_ALIAS_COUNT, validate, type Finding } from '../../server/src/core';
import { configFor, loadConfigFor } from '../../server/src/node/find-config';
import { assertFindingsWellFormed } from '../fuzz/edits';
import { sampleFiles } from '../lsp/client';
import * as input from './inputs';

const TODAY = '2026-11-28';

function codes(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.code))].sort();
}

/** Validates within `budgetMs`; checks the invariants; returns the findings. */
function validated(text: string, budgetMs: number): Finding[] {
  const started = Date.now();
  const { findings } = validate(text, { today: TODAY });
  const took = Date.now() - started;
  assert.ok(took < budgetMs, `took ${took} ms, budget ${budgetMs} ms`);
  assertFindingsWellFormed(text, findings);
  return [...findings];
}

describe('hostile input: the core', function () {
  this.timeout(120_000);
  before(function () {
    validate(input.COMPLETE); // compile the schemas once, outside the budgets
  });

  it('an alias bomb (billion laughs) is refused quickly as yaml/ALIAS_COUNT, never expanded', function () {
    const findings = validated(input.BILLION_LAUGHS, 3000);
    assert.deepEqual(codes(findings), ['yaml/ALIAS_COUNT']);
    assert.ok(findings[0]!.message.en.includes(String(MAX_ALIAS_COUNT)));
  });

  it('an alias fan-out under the cap (999 references to 10 000 items) stays within budget', function () {
    const findings = validated(input.ALIAS_FAN_OUT, 30_000);
    assert.ok(findings.some((f) => f.code === 'schema/additionalProperties'), codes(findings).join(', '));
  });

  for (const [name, text] of [
    ['200 nested mappings', input.nestedMappings(200)],
    ['200 nested sequences', input.nestedSequences(200)],
    ['200 nested flow sequences', input.nestedFlow(200)],
  ] as const) {
    it(`${name}: ordinary schema findings, no crash`, function () {
      const findings = validated(text, 5000);
      assert.ok(findings.some((f) => f.code.startsWith('schema/')), codes(findings).join(', '));
    });
  }

  it('nesting beyond the cap is refused as yaml/NESTING_DEPTH', function () {
    assert.deepEqual(codes(validated(input.nestedFlow(600), 5000)), ['yaml/NESTING_DEPTH']);
  });

  it('a 5 MB file of comments after the sample: the sample’s findings, no more', function () {
    const text = input.paddedWithComments(input.FIVE_MB);
    assert.ok(Buffer.byteLength(text) >= input.FIVE_MB);
    assert.deepEqual(codes(validated(text, 20_000)), codes(validated(input.COMPLETE, 5000)));
  });

  it('a 5 MB block scalar: one R-USAGE-001 (description too long), nothing else', function () {
    const text = input.hugeBlockScalar(input.FIVE_MB);
    assert.ok(Buffer.byteLength(text) >= input.FIVE_MB);
    assert.deepEqual(codes(validated(text, 20_000)), ['R-USAGE-001']);
  });

  it('5 MB of structured data (80 000 customers) is checked in full within budget', function () {
    const text = input.hugeStructured(input.FIVE_MB);
    assert.ok(Buffer.byteLength(text) >= input.FIVE_MB);
    assertFindingsWellFormed(text, validated(text, 90_000));
  });

  for (const [name, unit] of [
    ['CJK full stops', '。'],
    ['backslashes', '\\\\'],
    ['URL prefixes', 'http://'],
    ['digits', '9'],
    ['spaces', ' '],
  ] as const) {
    it(`a 1 MB line of ${name}: within budget, the description rule fires`, function () {
      const text = input.longLine(unit, input.ONE_MB);
      assert.ok(text.length > input.ONE_MB);
      const findings = validated(text, 15_000);
      assert.ok(codes(findings).includes('R-USAGE-001'), codes(findings).join(', '));
    });
  }

  it('a 1 MB key: yaml/KEY_OVER_1024_CHARS, within budget (the did-you-mean was quadratic in it)', function () {
    assert.deepEqual(codes(validated(`${'k'.repeat(input.ONE_MB)}: 1\n`, 10_000)), ['yaml/KEY_OVER_1024_CHARS']);
  });

  it('a 1 MB name where a province, a city or a carrier is expected: no did-you-mean blow-up', function () {
    const huge = '浙'.repeat(input.ONE_MB);
    const text = input.COMPLETE.replace('carrier: 中国电信\n', `carrier: ${huge}\n`)
      .replace(/^ {4}- province: 浙江省\n/m, `    - province: ${huge}\n`)
      .replace('cities: [杭州市, 宁波市, 温州市]', `cities: [${huge}]`);
    assert.ok(validated(text, 15_000).length > 0);
  });

  it('binary garbage (decoded leniently, as an editor shows it) gives findings, not errors', function () {
    for (const seed of [1, 2, 3]) {
      const text = new TextDecoder('utf-8').decode(input.garbageBytes(64 * 1024, seed));
      assert.ok(validated(text, 10_000).length > 0, `seed ${seed}: something is reported`);
    }
  });

  it('a UTF-8 BOM: the same findings, each range moved by exactly the BOM and covering the same text', function () {
    for (const file of sampleFiles()) {
      const text = readFileSync(file, 'utf8');
      const plain = validated(text, 5000);
      const withBom = validated(`\uFEFF${text}`, 5000);
      assert.deepEqual(
        withBom.map((f) => [f.code, f.range.start - 1, f.range.end - 1]),
        plain.map((f) => [f.code, f.range.start, f.range.end]),
        path.basename(file),
      );
    }
  });

  it('CRLF line endings: the same findings on exactly the same text (line breaks aside)', function () {
    for (const file of sampleFiles()) {
      const text = readFileSync(file, 'utf8');
      const crlf = text.replace(/\n/g, '\r\n');
      const cover = (t: string, f: Finding): string => t.slice(f.range.start, f.range.end).replace(/\r\n/g, '\n');
      const plain = validated(text, 5000);
      const windows = validated(crlf, 5000);
      assert.deepEqual(
        windows.map((f) => [f.code, cover(crlf, f)]),
        plain.map((f) => [f.code, cover(text, f)]),
        path.basename(file),
      );
      for (const f of windows) {
        for (const offset of [f.range.start, f.range.end])
          assert.ok(!(crlf[offset - 1] === '\r' && crlf[offset] === '\n'), `${f.code} splits a CRLF at ${offset}`);
      }
    }
  });

  for (const [name, text] of [
    ['an empty file', ''],
    ['only blank lines', '\n\n  \n\t\n'],
    ['only comments', '# 申请材料\n# TODO\n   # indented\n'],
    ['only comments with CRLF and a BOM', '\uFEFF# 申请材料\r\n# TODO\r\n'],
  ] as const) {
    it(`${name}: one yaml/EMPTY_DOCUMENT, nothing else`, function () {
      assert.deepEqual(codes(validated(text, 2000)), ['yaml/EMPTY_DOCUMENT']);
    });
  }

  it('schema-valid extreme values (10⁹ seats, calls and trunks, dates in 9999): rule findings only', function () {
    for (const text of [input.EXTREME_VALUES, input.EXTREME_DATES]) {
      const findings = validated(text, 10_000);
      assert.deepEqual(
        findings.filter((f) => !/^R-[A-Z]+-\d{3}$/.test(f.code)).map((f) => f.code),
        [],
        'no schema, YAML or internal finding',
      );
    }
  });

  it('20 000 unknown keys: one finding each, in linear time (was quadratic)', function () {
    const findings = validated(input.manyKeys(20_000), 30_000);
    assert.equal(findings.filter((f) => f.code === 'schema/additionalProperties').length, 20_000);
  });

  it('10 000 repetitions of one key: one yaml/DUPLICATE_KEY each, in linear time (was quadratic)', function () {
    const text = input.duplicateKeys(10_000);
    const duplicates = validated(text, 30_000).filter((f) => f.code === 'yaml/DUPLICATE_KEY');
    assert.equal(duplicates.length, 9_999);
    for (const f of duplicates.slice(0, 50)) {
      assert.equal(text.slice(f.range.start, f.range.end), 'k');
      assert.equal(f.related?.[0]?.range.start, text.indexOf('\nk: 0') + 1, 'points back at the first k');
    }
  });
});

describe('hostile input: a broken .miit95.yaml', function () {
  let dir: string;
  before(function () {
    dir = mkdtempSync(path.join(tmpdir(), 'miit95-hostile-config-'));
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [i, [name, text]] of input.BROKEN_CONFIGS.entries()) {
    it(`${name}: a clear error finding in the file, and the defaults apply`, function () {
      const loaded = loadConfig(text);
      assertFindingsWellFormed(text, loaded.findings);
      assert.ok(
        loaded.findings.some((f) => f.severity === 'error' && f.code.startsWith('yaml/')),
        `an error: ${loaded.findings.map((f) => f.code).join(', ')}`,
      );
      assert.deepEqual(loaded.config, DEFAULT_CONFIG);

      // The same from disk, and the application is validated with the defaults: R-TECH-001 still fires.
      const folder = path.join(dir, `case-${i}`);
      mkdirSync(folder);
      writeFileSync(path.join(folder, '.miit95.yaml'), text);
      const app = path.join(folder, 'a.app95.yaml');
      writeFileSync(app, input.TOO_FEW_SEATS);
      assert.deepEqual(configFor(app), DEFAULT_CONFIG);
      assert.ok((loadConfigFor(app)?.loaded.findings.length ?? 0) > 0, 'the findings are kept for display');
      const findings = validate(input.TOO_FEW_SEATS, { config: configFor(app), today: TODAY }).findings;
      assert.ok(codes(findings).includes('R-TECH-001'), codes(findings).join(', '));
    });
  }
});
