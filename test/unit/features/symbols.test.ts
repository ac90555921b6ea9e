/**
 * The outline (core/features/symbols.ts) and the folding ranges (core/features/folding.ts): section
 * names after the materials in both languages, list items named by what identifies them, ranges that
 * cover their entries, and folds that follow sections, entries, list items, comment runs and regions.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  documentSymbols,
  foldingRanges,
  parseApplication,
  type OutlineSymbol,
} from '../../../server/src/core';

const SAMPLE = readFileSync(path.resolve(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');

function find(symbols: readonly OutlineSymbol[], ...names: string[]): OutlineSymbol {
  let list = symbols;
  let found: OutlineSymbol | undefined;
  for (const name of names) {
    found = list.find((s) => s.name === name);
    assert.ok(found, `no symbol ${name} among ${list.map((s) => s.name).join(', ')}`);
    list = found.children;
  }
  assert.ok(found);
  return found;
}

describe('features: outline', () => {
  const doc = parseApplication(SAMPLE);
  const zh = documentSymbols(doc, 'zh-cn');
  const covered = (range: { start: number; end: number }): string => SAMPLE.slice(range.start, range.end);

  it('names the sections after the materials, in document order (zh-cn)', () => {
    assert.deepEqual(
      zh.map((s) => s.name),
      [
        '格式版本',
        '申请信息',
        '材料1 申请单位',
        '材料2 增值电信业务经营许可证',
        '材料6 申请号码及位长',
        '材料3—5 业务种类、使用范围与用途',
        '材料7 技术方案',
        '材料8 启用实施进度',
        '材料9 拨号方式与话务路由',
        '材料10 前期准备情况',
        '材料11 从业经验',
        '材料12 《电话接入号码使用承诺书》',
        '呼出功能',
      ],
    );
    assert.deepEqual(
      zh.map((s) => s.detail),
      [
        'miit95/v1',
        'application',
        'applicant',
        'licence',
        'number',
        'usage',
        'tech',
        'schedule',
        'dialing',
        'preparation',
        'staff',
        'pledge',
        'outbound',
      ],
    );
  });

  it('names the sections in English', () => {
    const en = documentSymbols(doc, 'en').map((s) => s.name);
    assert.deepEqual(en.slice(2, 4), ['Material 1: Applicant', 'Material 2: Value-added telecom licence']);
    assert.ok(en.includes('Materials 3–5: Business, area and use'));
  });

  it('covers each section from its key to its last value; selects the key', () => {
    const tech = find(zh, '材料7 技术方案');
    assert.equal(covered(tech.selectionRange), 'tech');
    assert.ok(covered(tech.range).startsWith('tech:\n  traffic_forecast:'));
    assert.ok(covered(tech.range).endsWith('各省用户呼叫经本网关口局汇接至平台。'));
  });

  const items: [string, string[], string, string | undefined][] = [
    [
      'a site by its id and name',
      ['材料7 技术方案', 'platform', 'sites', 'hz-main'],
      'id: hz-main',
      '杭州呼叫中心平台',
    ],
    ['a link by its id and carrier', ['材料7 技术方案', 'access', 'links', 'cu-hz'], 'id: cu-hz', '中国联通'],
    [
      'a schedule entry by province and month',
      ['材料8 启用实施进度', '安徽省'],
      'province: 安徽省',
      '批准后第 3 个月',
    ],
    [
      'an area entry by its province',
      ['材料3—5 业务种类、使用范围与用途', 'area', '福建省'],
      'province: 福建省',
      undefined,
    ],
    [
      'a route by its scenario',
      ['材料9 拨号方式与话务路由', 'routing', '中国移动用户呼入'],
      'scenario: 中国移动用户呼入',
      '中国移动',
    ],
    ['a core staff member by name and role', ['材料11 从业经验', 'core', '赵丽'], 'name: 赵丽', '技术负责人'],
    [
      'an equipment item by name and status',
      ['材料10 前期准备情况', 'equipment', '录音服务器'],
      'name: 录音服务器',
      '已订货',
    ],
  ];
  for (const [name, names, selection, detail] of items) {
    it(`names ${name}`, () => {
      const symbol = find(zh, ...names);
      assert.equal(symbol.kind, 'item');
      assert.equal(covered(symbol.selectionRange), selection);
      assert.equal(symbol.detail, detail);
    });
  }

  it('lists fields with their values and lists with their size', () => {
    assert.equal(find(zh, '材料7 技术方案', 'seats').detail, '80');
    assert.equal(find(zh, '材料7 技术方案', 'access', 'links').detail, '接入链路 (3)');
    assert.deepEqual(
      find(zh, '材料6 申请号码及位长', 'candidates').children.map((c) => c.name),
      ['95079', '95128', '952388'],
    );
  });

  it('keeps what parses of a broken document and never names a symbol with nothing', () => {
    const broken = parseApplication(
      'apiVersion: miit95/v1\napplicant:\n  name: ""\n  : x\nlicence:\n  coverage: [浙江省\n',
    );
    const symbols = documentSymbols(broken, 'zh-cn');
    assert.ok(symbols.some((s) => s.detail === 'applicant'));
    const walk = (list: readonly OutlineSymbol[]): void => {
      for (const s of list) {
        assert.ok(s.name.length > 0);
        assert.ok(s.selectionRange.start >= s.range.start && s.selectionRange.end <= s.range.end, s.name);
        walk(s.children);
      }
    };
    walk(symbols);
    walk(zh);
  });

  it('gives nothing for a document without a mapping', () => {
    assert.deepEqual(documentSymbols(parseApplication('- a\n- b\n')), []);
    assert.deepEqual(documentSymbols(parseApplication('')), []);
  });
});

describe('features: folding', () => {
  const lines = SAMPLE.split('\n');
  const folds = foldingRanges(parseApplication(SAMPLE)).map((f) => ({
    first: lines[f.startLine]?.trim(),
    last: lines[f.endLine]?.trim(),
    kind: f.kind,
  }));

  const expected: [string, string, string][] = [
    ['a section', 'applicant:', 'penalties: []                     # 近期行政处罚'],
    ['a nested mapping', 'contact:', 'email: limin@yunsheng.example.cn'],
    ['a list', 'links:', 'trunks: 60'],
    ['a list item', '- id: cm-hz', 'trunks: 90'],
    [
      'a folded text',
      'call_flow: >-',
      '人工坐席忙时进入排队并播报预计等待时长，排队超过 60 秒可选择留言回拨。',
    ],
    ['the last section', 'outbound:', 'enabled: false'],
  ];
  for (const [name, first, last] of expected) {
    it(`folds ${name}`, () => {
      assert.ok(
        folds.some((f) => f.first === first && f.last === last),
        `no fold ${first} … ${last} in\n${folds.map((f) => `${f.first} … ${f.last}`).join('\n')}`,
      );
    });
  }

  it('never folds a single line, and has one fold per start line', () => {
    const ranges = foldingRanges(parseApplication(SAMPLE));
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
    assert.equal(new Set(ranges.map((r) => r.startLine)).size, ranges.length);
    assert.ok(!folds.some((f) => f.first === 'seats: 80                           # 规划坐席数'));
  });

  it('folds comment runs and regions', () => {
    const text = '# 第一行\n# 第二行\napiVersion: miit95/v1\n# region 附录\ntech:\n  seats: 1\n# endregion\n';
    const ranges = foldingRanges(parseApplication(text));
    assert.deepEqual(
      ranges.filter((r) => r.kind !== undefined),
      [
        { startLine: 0, endLine: 1, kind: 'comment' },
        { startLine: 3, endLine: 6, kind: 'region' },
      ],
    );
  });
});
