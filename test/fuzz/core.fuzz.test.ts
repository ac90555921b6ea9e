/**
 * Property tests of the pure core at volume (issue 6, item 3): random edits of the samples — deleted
 * ranges, YAML fragments, random Unicode, tabs, CRLF — and random bytes go through `validate`, the
 * LSP conversion and `loadConfig`. Nothing throws, no internal error, every range is inside the text
 * (and, converted, inside the document), findings come sorted, and a second run gives the same result.
 * Run longer with MIIT95_FUZZ_SCALE=20; replay with MIIT95_FUZZ_SEED / MIIT95_FUZZ_PATH.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  compareFindings,
  CONFIGURED_SEVERITIES,
  DEFAULT_CONFIG,
  LineIndex,
  loadConfig,
  RULE_PACKS,
  validate,
  type FileProbe,
} from '../../server/src/core';
import { toDiagnostics } from '../../server/src/lsp/convert';
import { createFileProbe } from '../../server/src/node/file-probe';
import {
  applyEdit,
  applyTransform,
  assertFindingsWellFormed,
  assertRangeInDocument,
  fuzzEdit,
  fuzzParameters,
  SAMPLES,
  scenario,
  scenarioText,
  transform,
} from './edits';

const TODAY = '2026-11-28';
const probes = new Map<string, FileProbe>();
const probeFor = (file: string): FileProbe => {
  const dir = path.dirname(file);
  let probe = probes.get(dir);
  if (probe === undefined) probes.set(dir, (probe = createFileProbe(dir)));
  return probe;
};

/** Validates and checks every invariant; returns the findings' fingerprint. */
function check(text: string, files: FileProbe | undefined): string {
  const { findings, document: parsed } = validate(text, {
    today: TODAY,
    ...(files !== undefined ? { files } : {}),
  });
  assertFindingsWellFormed(text, findings);
  for (let i = 1; i < findings.length; i++)
    assert.ok(compareFindings(findings[i - 1]!, findings[i]!) <= 0, 'findings come sorted');
  const document = TextDocument.create('file:///fuzz.app95.yaml', 'miit95', 1, text);
  // The parse's line index, as the server's analysis passes it (the text's own when the parse failed).
  const lines = parsed?.lines ?? new LineIndex(text);
  const diagnostics = toDiagnostics(findings, lines, { uri: document.uri, version: 1, locale: 'zh-cn' });
  for (const d of diagnostics) {
    assertRangeInDocument(document, d.range, String(d.code));
    for (const related of d.relatedInformation ?? [])
      assertRangeInDocument(document, related.location.range, `${String(d.code)} related`);
  }
  return JSON.stringify(findings.map((f) => [f.code, f.range.start, f.range.end, f.severity]));
}

describe('fuzz: the core on randomly edited samples', function () {
  this.timeout(120_000);

  it('validate never throws; findings well-formed, in range, sorted and deterministic', function () {
    fc.assert(
      fc.property(scenario(12), (s) => {
        const text = scenarioText(s);
        const files = probeFor(SAMPLES[s.sample]!.file);
        const first = check(text, files);
        assert.equal(check(text, files), first, 'a second validation gives the same findings');
      }),
      fuzzParameters(250),
    );
  });

  it('edits applied one after another never break the invariants at any step', function () {
    fc.assert(
      fc.property(fc.nat(SAMPLES.length - 1), fc.array(fuzzEdit, { minLength: 1, maxLength: 6 }), transform, (n, edits, how) => {
        let text = applyTransform(SAMPLES[n]!.text, how);
        for (const edit of edits) {
          text = applyEdit(text, edit);
          check(text, undefined);
        }
      }),
      fuzzParameters(60),
    );
  });

  it('random bytes (decoded leniently, as an editor would show them) give findings, not errors', function () {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        check(new TextDecoder('utf-8').decode(bytes), undefined);
      }),
      fuzzParameters(150),
    );
  });

  it('loadConfig never throws and always gives a usable configuration', function () {
    const base = [
      'rules:',
      '  R-COVERAGE-003: warning',
      '  R-TECH-001: off',
      'thresholds:',
      '  coverage:',
      '    min_provinces: 7',
      '    min_cities: 13',
      '    comparison: ">"',
      '  schedule_months: 18',
      'rule_pack: latest',
      '',
    ].join('\n');
    fc.assert(
      fc.property(fc.array(fuzzEdit, { minLength: 1, maxLength: 8 }), transform, (edits, how) => {
        let text = base;
        for (const edit of edits) text = applyEdit(text, edit);
        text = applyTransform(text, how);
        const { config, findings } = loadConfig(text);
        assertFindingsWellFormed(text, findings);
        assert.ok(RULE_PACKS.includes(config.rulePack) && config.rulePack !== 'latest', config.rulePack);
        for (const [id, severity] of Object.entries(config.severities))
          assert.ok((CONFIGURED_SEVERITIES as readonly string[]).includes(severity), `${id}: ${severity}`);
        const t = config.thresholds;
        for (const value of [
          t.coverage.minProvinces,
          t.coverage.minCities,
          t.scheduleMonths,
          t.extension.maxLength,
          t.extension.absoluteMaxLength,
          t.licenceMinRemainingYears,
          t.renewalNoticeDays,
        ])
          assert.ok(Number.isFinite(value) && value >= 0, `threshold ${String(value)}`);
        assert.ok(['>=', '>'].includes(t.coverage.comparison), t.coverage.comparison);
        if (findings.some((f) => f.severity === 'error' && f.code.startsWith('yaml/')))
          assert.deepEqual(config, DEFAULT_CONFIG, 'a YAML syntax error voids the file: the defaults apply');
      }),
      fuzzParameters(200),
    );
  });
});
