/** JSON Pointer decoding (ajv instancePath → DataPath), encoding and the display form. */
import { strict as assert } from 'node:assert';
import { decodePointer, displayPath, encodePointer } from '../../../server/src/core/document/pointer';

describe('decodePointer', () => {
  const data = { a: [{ b: 1 }], 'x/y': { '~z': 2 }, m: { '0': 'key zero' }, '': { q: 1 } };
  const cases: [string, unknown, (string | number)[]][] = [
    ['', data, []],
    ['/a', data, ['a']],
    ['/a/0', data, ['a', 0]],
    ['/a/0/b', data, ['a', 0, 'b']],
    ['/a/0', undefined, ['a', '0']], // no data: tokens stay strings
    ['/m/0', data, ['m', '0']], // a mapping key that looks like an index stays a string
    ['/a/01', data, ['a', '01']], // not an array index
    ['/a/-', data, ['a', '-']],
    ['/x~1y', data, ['x/y']],
    ['/x~1y/~0z', data, ['x/y', '~z']],
    ['/~01', undefined, ['~1']], // ~1 is unescaped before ~0: "~01" is "~" then "1"
    ['/~10', undefined, ['/0']],
    ['/', data, ['']],
    ['//q', data, ['', 'q']],
    ['#/a/0', data, ['a', 0]], // URI fragment form
    ['#/x~1y/%7E0z', data, ['x/y', '~z']],
    ['/中文/键', undefined, ['中文', '键']],
  ];
  for (const [pointer, input, expected] of cases) {
    it(`${JSON.stringify(pointer)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(decodePointer(pointer, input), expected);
    });
  }
});

describe('encodePointer', () => {
  const cases: [(string | number)[], string][] = [
    [[], ''],
    [['a', 0, 'b'], '/a/0/b'],
    [['x/y', '~z'], '/x~1y/~0z'],
    [['~1'], '/~01'],
  ];
  for (const [path, expected] of cases) {
    it(`${JSON.stringify(path)} → ${JSON.stringify(expected)} and back`, () => {
      assert.equal(encodePointer(path), expected);
      assert.deepEqual(decodePointer(expected), path.map(String));
    });
  }
});

describe('displayPath', () => {
  const cases: [(string | number)[], string][] = [
    [[], ''],
    [['applicant', 'credit_code'], 'applicant.credit_code'],
    [['usage', 'area', 2, 'province'], 'usage.area[2].province'],
    [['a.b', 'c'], '["a.b"].c'],
    [['has space'], '["has space"]'],
    [['中文'], '中文'],
  ];
  for (const [path, expected] of cases) {
    it(`${JSON.stringify(path)} → ${expected}`, () => {
      assert.equal(displayPath(path), expected);
    });
  }
});
