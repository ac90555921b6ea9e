// 统一社会信用代码: every test vector of reference §5, plus the complete sample's code.
import { strict as assert } from 'node:assert';
import {
  checkUscc,
  gb11714Check,
  normalizeUscc,
  USCC_CHARSET,
  USCC_WEIGHTS,
  usccCheckChar,
  usccProvinceCode,
  usccRegionCode,
  usccShape,
} from '../../../server/src/core/checks/credit-code';

describe('checks/credit-code', () => {
  it('charset and weights are those of GB 32100 (W_i = 3^(i-1) mod 31)', () => {
    assert.equal(USCC_CHARSET.length, 31);
    assert.doesNotMatch(USCC_CHARSET, /[IOSVZ]/);
    assert.deepEqual(USCC_WEIGHTS, [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
    USCC_WEIGHTS.forEach((w, i) => assert.equal(w, Number(3n ** BigInt(i) % 31n)));
  });

  // [code, valid, expected check char, GB 11714 sub-check passes, note]
  const vectors: [string, boolean, string, boolean, string][] = [
    ['91350100M000100Y43', true, '3', true, "standard's example, Σ=1640, mod 28 → '3'"],
    ['91350100M000100Y4Z', false, '3', true, "standard's negative example"],
    ['91512081MA62K0260E', true, 'E', true, "public example, Σ=1505, mod 17 → 'E'; historical region 512081"],
    ['91310115MA1H8R7C6D', false, '7', false, 'CSDN "example"; also fails GB 11714'],
    ['91110105MA00003490', true, '0', true, "synthetic: Σ mod 31 = 0 → 31 → '0'"],
    ['91110105MA0000226Y', true, 'Y', true, "synthetic: check value 30 → 'Y'"],
    ['91330106MA2H7K3D4M', true, 'M', true, 'the complete sample (杭州云声)'],
  ];
  for (const [code, valid, expected, gbOk, note] of vectors) {
    it(`${code} is ${valid ? 'valid' : `invalid (expected '${expected}')`}: ${note}`, () => {
      assert.equal(usccCheckChar(code.slice(0, 17)), expected);
      const r = checkUscc(code);
      assert.equal(r.ok, valid);
      assert.equal(r.expected, expected);
      assert.equal(r.reason, valid ? undefined : 'checksum');
      assert.equal(gb11714Check(code).ok, gbOk);
    });
  }

  it('the complete sample passes both checks and lies in 浙江 (33), region 330106', () => {
    const code = '91330106MA2H7K3D4M';
    assert.equal(usccShape(code), true);
    assert.deepEqual(checkUscc(code), { ok: true, expected: 'M' });
    assert.deepEqual(gb11714Check(code), { ok: true, expected: '4' });
    assert.equal(usccProvinceCode(code), '33');
    assert.equal(usccRegionCode(code), '330106');
  });

  it('the sums of §5 give the stated check values', () => {
    // Recompute Σ independently for the two worked examples.
    const sum = (s: string): number =>
      [...s.slice(0, 17)].reduce((acc, ch, i) => acc + USCC_CHARSET.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
    assert.equal(sum('91350100M000100Y4'), 1640);
    assert.equal(sum('91512081MA62K0260'), 1505);
    assert.equal(sum('91110105MA0000349') % 31, 0);
    assert.equal(31 - (sum('91110105MA0000226') % 31), 30);
  });

  const failures: [string, string, string | undefined][] = [
    ['91330106MA2H7K3D4', 'length', undefined],
    ['91330106MA2H7K3D4MM', 'length', undefined],
    ['', 'length', undefined],
    ['91330106MA2H7K3D4m', 'lowercase', 'M'],
    ['91330106ma2h7k3d4m', 'lowercase', 'M'],
    ['91330106MA2H7K3O4M', 'charset', undefined], // O is not in the charset
    ['9133010IMA2H7K3D4M', 'charset', undefined], // I
    ['913301A6MA2H7K3D4M', 'region', 'G'],
    ['91330106MA2H7K3D4N', 'checksum', 'M'],
  ];
  for (const [code, reason, expected] of failures) {
    it(`checkUscc(${JSON.stringify(code)}) fails with ${reason}`, () => {
      const r = checkUscc(code);
      assert.equal(r.ok, false);
      assert.equal(r.reason, reason);
      assert.equal(r.expected, expected);
    });
  }

  it('usccCheckChar rejects wrong lengths and characters', () => {
    assert.equal(usccCheckChar('9135010'), null);
    assert.equal(usccCheckChar('91350100M000100Y'), null);
    assert.equal(usccCheckChar('91350100m000100Y4'), null);
    assert.equal(usccCheckChar('91350100S000100Y4'), null);
  });

  it('usccShape', () => {
    assert.equal(usccShape('91350100M000100Y43'), true);
    assert.equal(usccShape('91350100M000100Y4Z'), false);
    assert.equal(usccShape('913501A0M000100Y43'), false);
    assert.equal(usccShape('91350100m000100Y43'), false);
  });

  const gb: [string, boolean, string | undefined][] = [
    ['594672399', true, '9'], // Σ = 255, mod 11 = 2 → 9 (reference §5)
    ['594672390', false, '9'],
    ['MA2H7K3D4', true, '4'],
    ['MA2H7K3D', false, undefined], // not 9 characters
    ['MA2H7K3-4', false, undefined],
  ];
  for (const [org, ok, expected] of gb) {
    it(`gb11714Check(${org}) → ${ok}`, () => {
      const r = gb11714Check(org);
      assert.equal(r.ok, ok);
      assert.equal(r.expected, expected);
    });
  }
  it("gb11714Check maps 10 → 'X' and 11 → '0'", () => {
    // Bodies found by brute force over the last body digit: c = 10 and c = 11.
    const find = (want: string): string => {
      for (let d = 0; d <= 9; d++) {
        for (let e = 0; e <= 9; e++) {
          const body = `123456${d}${e}`;
          if (gb11714Check(`${body}?`).expected === want) return body;
        }
      }
      throw new Error(`no body for ${want}`);
    };
    const x = find('X');
    assert.equal(gb11714Check(`${x}X`).ok, true);
    const zero = find('0');
    assert.equal(gb11714Check(`${zero}0`).ok, true);
    // Independently: 11 − (Σ mod 11) for the found bodies.
    const w = [3, 7, 9, 10, 5, 8, 4, 2];
    const s = (b: string): number => [...b].reduce((a, ch, i) => a + Number(ch) * w[i]!, 0);
    assert.equal(11 - (s(x) % 11), 10);
    assert.equal(11 - (s(zero) % 11), 11);
  });

  it('region and province codes', () => {
    assert.equal(usccRegionCode('91512081MA62K0260E'), '512081');
    assert.equal(usccProvinceCode('91512081MA62K0260E'), '51');
    assert.equal(usccRegionCode('913301A6MA2H7K3D4M'), undefined);
    assert.equal(usccProvinceCode('91AB0106MA2H7K3D4M'), undefined);
  });

  it('normalizeUscc converts full-width, spaces and case', () => {
    assert.equal(normalizeUscc(' ９１３３０１０６ma2h7k3d4m '), '91330106MA2H7K3D4M');
    assert.equal(normalizeUscc('9133 0106 MA2H 7K3D 4M'), '91330106MA2H7K3D4M');
  });
});
