/**
 * The standalone validators in server/src/core/schema/generated/ are current (exactly what the
 * generator makes from today's schemas; regenerate with `npm run gen:validators`) and validate like
 * the runtime-compiled schemas: the same ajv errors on the samples and on damaged applications.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  APPLICATION_SCHEMAS,
  APPLICATION_SCHEMA_ID,
  createSchemaValidator,
  getApplicationValidator,
  parseApplication,
} from '../../../server/src/core';
import { standaloneValidatorFiles } from '../../../server/src/core/schema/standalone';
import { schemaSetHash } from '../../../server/src/core/schema/registry';
import precompiled, { SOURCE_HASH } from '../../../server/src/core/schema/generated/application-validator';
import { sampleFiles } from '../../sample-files';

const ROOT = path.resolve(__dirname, '../../..');
const GENERATED = path.join(ROOT, 'server', 'src', 'core', 'schema', 'generated');

function sampleValues(): { name: string; value: unknown }[] {
  return sampleFiles().flatMap((file) => {
    const parsed = parseApplication(readFileSync(file, 'utf8'));
    return parsed.hasRoot ? [{ name: path.basename(file), value: parsed.value }] : [];
  });
}

describe('generated schema validators', function () {
  this.timeout(60000);

  it('are current: each file is what the generator makes from the schemas now', () => {
    for (const file of standaloneValidatorFiles()) {
      const current = readFileSync(path.join(GENERATED, file.name), 'utf8');
      assert.ok(
        current === file.content,
        `server/src/core/schema/generated/${file.name} is stale: run \`npx tsx scripts/gen-schema-validators.ts\` (npm run gen:validators)`,
      );
    }
  });

  it('carry the fingerprint of the current schemas, so the server uses them', () => {
    assert.equal(SOURCE_HASH, schemaSetHash(APPLICATION_SCHEMAS));
  });

  it('the fingerprint changes when a schema changes', () => {
    const changed = APPLICATION_SCHEMAS.map((schema, i) => (i === 0 ? { ...schema, title: 'x' } : schema));
    assert.notEqual(schemaSetHash(changed), schemaSetHash(APPLICATION_SCHEMAS));
  });

  it('validate like the runtime-compiled schemas', () => {
    const compiled = createSchemaValidator(APPLICATION_SCHEMAS, APPLICATION_SCHEMA_ID);
    const standalone = createSchemaValidator(APPLICATION_SCHEMAS, APPLICATION_SCHEMA_ID, precompiled);
    const damaged = (value: unknown): unknown[] => {
      const v = structuredClone(value) as Record<string, Record<string, unknown>>;
      const out: unknown[] = [];
      out.push({ ...v, apiVersion: 'miit95/v2', extra: 1 });
      if (v['tech']) out.push({ ...v, tech: { ...v['tech'], seats: '八十', unknown_key: true } });
      if (v['applicant']) out.push({ ...v, applicant: { ...v['applicant'], credit_code: 12 } });
      const withoutNumber: Record<string, unknown> = { ...v };
      delete withoutNumber['number'];
      out.push(withoutNumber);
      out.push([]);
      out.push('text');
      return out;
    };
    let errors = 0;
    for (const { name, value } of sampleValues()) {
      for (const data of [value, ...damaged(value)]) {
        const expected = compiled.validate(data);
        const actual = standalone.validate(data);
        errors += expected.length;
        const shape = (e: (typeof expected)[number]) => [
          e.instancePath,
          e.schemaPath,
          e.keyword,
          JSON.stringify(e.params),
          JSON.stringify(e.data),
        ];
        assert.deepEqual(actual.map(shape), expected.map(shape), name);
      }
    }
    assert.ok(errors > 20, `the damaged applications gave only ${errors} errors`);
  });

  it('the application validator in use is the precompiled one', () => {
    assert.equal(getApplicationValidator().precompiled, true);
    assert.equal(createSchemaValidator(APPLICATION_SCHEMAS, APPLICATION_SCHEMA_ID).precompiled, false);
  });
});
