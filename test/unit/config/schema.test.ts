/** schemas/config.schema.json: compiles, follows the schema conventions, and its examples validate. */
import { strict as assert } from 'node:assert';
import {
  CONFIG_SCHEMA,
  CONFIG_SCHEMA_ID,
  DEFAULT_THRESHOLDS,
  getConfigValidator,
} from '../../../server/src/core';

type Node = Record<string, unknown>;

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every property schema of the config schema, with its path. */
function properties(schema: Node, path: string, out: [string, Node][] = []): [string, Node][] {
  const props = schema['properties'];
  if (isObject(props)) {
    for (const [name, sub] of Object.entries(props)) {
      if (!isObject(sub)) continue;
      out.push([`${path}${name}`, sub]);
      properties(sub, `${path}${name}.`, out);
    }
  }
  return out;
}

describe('config.schema.json', () => {
  it('compiles once and is cached', () => {
    assert.equal(getConfigValidator(), getConfigValidator());
    assert.equal(CONFIG_SCHEMA['$id'], CONFIG_SCHEMA_ID);
    assert.equal(CONFIG_SCHEMA_ID, 'https://miit95.dev/schemas/v1/config.schema.json');
    assert.equal(CONFIG_SCHEMA['$schema'], 'https://json-schema.org/draft/2020-12/schema');
  });

  const all = properties(CONFIG_SCHEMA, '');

  it('declares the documented keys', () => {
    assert.deepEqual(
      all.map(([path]) => path),
      [
        'rules',
        'thresholds',
        'thresholds.coverage',
        'thresholds.coverage.min_provinces',
        'thresholds.coverage.min_cities',
        'thresholds.coverage.comparison',
        'thresholds.schedule_months',
        'thresholds.extension',
        'thresholds.extension.max_length',
        'thresholds.extension.absolute_max_length',
        'thresholds.licence_min_remaining_years',
        'thresholds.renewal_notice_days',
        'thresholds.penalty_recent_years',
        'thresholds.preparation_shifts',
        'rule_pack',
      ],
    );
  });

  for (const [path, schema] of [['(root)', CONFIG_SCHEMA] as [string, Node], ...all]) {
    it(`${path}: bilingual title and description, examples, closed objects`, () => {
      for (const key of ['title', 'x-title-en', 'description', 'x-description-en']) {
        assert.ok(typeof schema[key] === 'string' && schema[key] !== '', `${path} has no ${key}`);
      }
      assert.ok(/[\u4e00-\u9fff]/.test(String(schema['title'])), `${path}: the title is not Chinese`);
      const examples = schema['examples'];
      assert.ok(Array.isArray(examples) && examples.length > 0, `${path} has no examples`);
      if (schema['type'] === 'object') {
        assert.ok(
          schema['additionalProperties'] === false || isObject(schema['additionalProperties']),
          `${path} does not restrict additional properties`,
        );
      }
    });
  }

  it('gives the default threshold as the first example of each threshold', () => {
    const d = DEFAULT_THRESHOLDS;
    const defaults: Record<string, unknown> = {
      'thresholds.coverage.min_provinces': d.coverage.minProvinces,
      'thresholds.coverage.min_cities': d.coverage.minCities,
      'thresholds.coverage.comparison': d.coverage.comparison,
      'thresholds.schedule_months': d.scheduleMonths,
      'thresholds.extension.max_length': d.extension.maxLength,
      'thresholds.extension.absolute_max_length': d.extension.absoluteMaxLength,
      'thresholds.licence_min_remaining_years': d.licenceMinRemainingYears,
      'thresholds.renewal_notice_days': d.renewalNoticeDays,
    };
    for (const [path, value] of Object.entries(defaults)) {
      const schema = all.find(([p]) => p === path)?.[1];
      assert.ok(schema, `no schema for ${path}`);
      assert.equal((schema['examples'] as unknown[])[0], value, `${path}: first example is not the default`);
    }
  });

  it('accepts its own examples', () => {
    const validator = getConfigValidator();
    for (const example of CONFIG_SCHEMA['examples'] as unknown[])
      assert.deepEqual(validator.validate(example), []);
    for (const [path, schema] of all) {
      for (const example of schema['examples'] as unknown[]) {
        const data: Node = {};
        let cursor = data;
        const keys = path.split('.');
        keys.forEach((key, i) => {
          if (i === keys.length - 1) cursor[key] = example;
          else cursor = cursor[key] = {};
        });
        assert.deepEqual(validator.validate(data), [], `the example of ${path} is not valid`);
      }
    }
  });
});
