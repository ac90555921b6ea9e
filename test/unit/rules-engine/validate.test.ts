/** validate(): the stages together, sorted findings, internal errors as findings, never a throw. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineRule, validate, type SchemaValidator } from '../../../server/src/core';
import { testValidator, VALID_TEST_DOC } from '../schema/fixture-schemas';

const sample = readFileSync(join(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');

const nameRule = defineRule({
  id: 'R-TEST-010',
  name: 'name-short',
  defaultSeverity: 'warning',
  status: 'inference',
  description: { 'zh-cn': '名称较短。', en: 'Short name.' },
  messages: { short: { 'zh-cn': '名称过短', en: 'Name too short' } },
  fixable: false,
  fields: [],
  check(ctx) {
    ctx.report({ path: ['applicant', 'name'], messageId: 'short' });
  },
});

describe('validate', () => {
  it('runs syntax, schema and rules, sorted by position', () => {
    const text = VALID_TEST_DOC.replace('mode: 集中设置', 'mode: 集中设').replace(
      'email: limin',
      'email: limin\n  email: x',
    );
    const findings = validate(text, { schema: testValidator(), rules: [nameRule] }).findings;
    const codes = findings.map((f) => f.code);
    assert.ok(codes.includes('yaml/DUPLICATE_KEY'));
    assert.ok(codes.includes('schema/enum'));
    assert.ok(codes.includes('R-TEST-010'));
    const starts = findings.map((f) => f.range.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });

  it('leaves out schema findings on the line of a syntax error', () => {
    const text = VALID_TEST_DOC.replace(
      'registered_capital_cny: 50000000',
      'registered_capital_cny 50000000  # 元',
    ).replace('mode: 集中设置', 'mode: 集中设');
    const findings = validate(text, { schema: testValidator(), rules: [] }).findings;
    assert.deepEqual(
      findings.map((f) => [f.code, text.slice(f.range.start, f.range.end)]),
      [
        ['yaml/MISSING_CHAR', 'registered_capital_cny 50000000'],
        ['schema/enum', '集中设'],
      ],
    );
  });

  it('returns the parsed document', () => {
    const result = validate(VALID_TEST_DOC, { schema: testValidator(), rules: [] });
    assert.equal((result.document?.value as Record<string, unknown>)['apiVersion'], 'miit95/v1');
  });

  it('passes rule severity overrides', () => {
    const findings = validate(VALID_TEST_DOC, {
      schema: testValidator(),
      rules: [nameRule],
      ruleSeverity: { 'R-TEST-010': 'off' },
    }).findings;
    assert.deepEqual(findings, []);
  });

  it('a failing schema stage becomes one internal finding and the rules still run', () => {
    const broken: SchemaValidator = {
      rootId: 'broken',
      validate: () => {
        throw new Error('schema exploded');
      },
      schemasAt: () => [],
    };
    const findings = validate(VALID_TEST_DOC, { schema: broken, rules: [nameRule] }).findings;
    assert.deepEqual(
      findings.map((f) => f.code),
      ['internal/schema-error', 'R-TEST-010'],
    );
    assert.ok(findings[0]!.message.en.includes('schema exploded'));
  });

  it('the complete sample is clean with the real schemas and rules', () => {
    assert.deepEqual(
      validate(sample).findings.map((f) => `${f.code}: ${f.message.en}`),
      [],
    );
  });

  it('is fast enough for every keystroke on the complete sample', () => {
    validate(sample); // warm up: the schemas compile once
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) validate(sample);
    const perRun = (performance.now() - started) / runs;
    assert.ok(perRun < 250, `${perRun.toFixed(1)} ms per validation`);
  });
});
