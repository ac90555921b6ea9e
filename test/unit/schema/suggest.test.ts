/** "Did you mean": the distance and the threshold, for keys and for Chinese values. */
import { strict as assert } from 'node:assert';
import { closestMatch, editDistance, maxDistance } from '../../../server/src/core/schema/suggest';

describe('edit distance (Damerau-Levenshtein, OSA)', () => {
  const cases: [string, string, number][] = [
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['credit_cod', 'credit_code', 1],
    ['cerdit_code', 'credit_code', 1], // transposition
    ['kitten', 'sitting', 3],
    ['浙江', '浙江省', 1],
    ['江浙省', '浙江省', 1], // transposition of Chinese characters
    ['黑龙江', '黑龍江', 1],
    ['😀a', '😀b', 1], // code points, not UTF-16 units
    ['ca', 'abc', 3], // OSA (not unrestricted) distance
  ];
  for (const [a, b, expected] of cases) {
    it(`${JSON.stringify(a)} ↔ ${JSON.stringify(b)} = ${expected}`, () => {
      assert.equal(editDistance(a, b), expected);
      assert.equal(editDistance(b, a), expected);
    });
  }
});

describe('closestMatch', () => {
  const keys = ['name', 'credit_code', 'legal_rep', 'registered_capital_cny', 'address', 'contact'];
  const provinces = ['浙江省', '江苏省', '上海市', '黑龙江省', '内蒙古自治区', '广西壮族自治区'];
  const cases: [string, readonly string[], string | undefined][] = [
    ['credit_cod', keys, 'credit_code'],
    ['Credit_Code', keys, 'credit_code'],
    ['legalrep', keys, 'legal_rep'],
    ['registered_capital', keys, 'registered_capital_cny'],
    ['adress', keys, 'address'],
    ['phone', keys, undefined],
    ['x', keys, undefined],
    ['浙江', provinces, '浙江省'],
    ['黑龙江', provinces, '黑龙江省'],
    ['内蒙古', provinces, '内蒙古自治区'], // too far by distance, but a prefix
    ['广西', provinces, '广西壮族自治区'],
    ['江', provinces, undefined], // one character is no prefix worth suggesting
    ['广东省', provinces, undefined],
    ['', provinces, undefined],
  ];
  for (const [input, candidates, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      assert.equal(closestMatch(input, candidates), expected);
    });
  }

  it('never proposes an excluded candidate', () => {
    assert.equal(closestMatch('nam', keys, new Set(['name'])), undefined);
  });

  it('prefers the closer candidate, then the earlier', () => {
    assert.equal(closestMatch('abcd', ['abxy', 'abcx', 'abcy']), 'abcx');
  });

  it('the threshold grows with the length', () => {
    assert.deepEqual([1, 3, 4, 6, 9, 22].map(maxDistance), [1, 1, 2, 2, 3, 7]);
  });
});
