/**
 * Hover (core/features/hover.ts), table-driven: the pointer at the `|` of a text (or on a needle of
 * the complete sample), the text the hover is about, and what its Markdown must and must not
 * contain — field titles in both languages, rules, codes, fees, Erlang C, findings.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverAt, validate, type HoverOptions, type Locale } from '../../../server/src/core';

const SAMPLE = readFileSync(path.resolve(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');

/** Hovers at the `|` of `source`; validates the text first so findings can be explained. */
function hover(source: string, locale: Locale = 'zh-cn', extra: Partial<HoverOptions> = {}) {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'the case marks the pointer with |');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const result = validate(text, { today: '2026-12-01' });
  assert.ok(result.document);
  const h = hoverAt(result.document, offset, {
    locale,
    findings: result.findings,
    linkFor: (docs) => `https://example.test/${docs}`,
    ...extra,
  });
  return h === undefined
    ? undefined
    : { markdown: h.markdown, covered: text.slice(h.range.start, h.range.end) };
}

/** The sample with the pointer inside the first occurrence of `needle`, `at` characters in. */
function onSample(needle: string, at = 1): string {
  const index = SAMPLE.indexOf(needle);
  assert.ok(index >= 0, `the sample contains ${needle}`);
  return `${SAMPLE.slice(0, index + at)}|${SAMPLE.slice(index + at)}`;
}

interface Case {
  readonly name: string;
  readonly source: string;
  readonly locale?: Locale;
  readonly covers: string;
  readonly contains: readonly (string | RegExp)[];
  readonly lacks?: readonly string[];
}

const cases: Case[] = [
  {
    name: 'a candidate number: length, segment and annual fee',
    source: onSample('"95079"', 2),
    covers: '"95079"',
    contains: [
      '**95079** · 5 位',
      '950 号段（基本号码 5 位）',
      '年占用费 ¥240,000',
      '信部联清〔2004〕517号',
      'R-NUMBER-001',
      '95 number',
    ],
  },
  {
    name: 'a six-digit candidate',
    source: onSample('"952388"', 2),
    covers: '"952388"',
    contains: ['6 位', '年占用费 ¥24,000'],
  },
  {
    name: 'a candidate with extension digits and a rare segment',
    source: 'number:\n  candidates: ["9570812|3"]\n',
    covers: '"95708123"',
    contains: ['8 位', '基本号码 95708 + 拓展位 123', '¥240,000', '954、957'],
  },
  {
    name: 'a number of an enterprise segment',
    source: 'number:\n  candidates: ["955|01"]\n',
    covers: '"95501"',
    contains: ['955 号段是服务型企事业单位的客户服务号码'],
    lacks: ['年占用费'],
  },
  {
    name: 'the candidates key lists every number',
    source: onSample('candidates:', 3),
    covers: 'candidates',
    contains: ['`95079` · 5 位', '`95128` · 5 位', '`952388` · 6 位', '**候选号码** · Candidate numbers'],
  },
  {
    name: 'a province: its code',
    source: onSample('province: 浙江省', 11),
    covers: '浙江省',
    contains: [
      '**浙江省** · 行政区划代码 `33`',
      '下辖地级行政区 11 个',
      '**省份** · Province',
      'R-COVERAGE-004',
    ],
  },
  {
    name: 'a province written without its suffix',
    source: 'usage:\n  area:\n    - province: 浙|江\n',
    covers: '浙江',
    contains: ['正式名称为“浙江省”'],
  },
  {
    name: 'a city: its code and province',
    source: onSample('cities: [杭州市', 10),
    covers: '杭州市',
    contains: ['**杭州市** · 行政区划代码 `330100`', '浙江省', '**城市** · City'],
  },
  {
    name: 'a county-level unit directly under a province: its code, province and how it counts',
    source: 'usage:\n  area:\n    - province: 河南省\n      cities: [郑州市, 济源|市]\n',
    covers: '济源市',
    contains: ['**济源市** · 行政区划代码 `419001`', '河南省', '省直辖县级行政单位', '不计入“12 个城市”'],
  },
  {
    name: 'a province with county-level units directly under it counts them apart',
    source: 'usage:\n  area:\n    - province: 湖北|省\n',
    covers: '湖北省',
    contains: ['下辖地级行政区 13 个，省直辖县级行政单位 4 个'],
  },
  {
    name: 'a city outside the entry’s province',
    source: 'usage:\n  area:\n    - province: 浙江省\n      cities: [南京|市]\n',
    covers: '南京市',
    contains: ['`320100`', '不在浙江省内'],
  },
  {
    name: 'the seats: the Erlang C requirement',
    source: onSample('  seats: 80', 4),
    covers: 'seats',
    contains: [
      '**Erlang C**',
      '1200 次 × 平均 180 秒 = 60 爱尔兰',
      '至少需要 **66** 个坐席',
      '规划 80 个坐席：满足',
      '**规划坐席数** · Planned seats',
    ],
  },
  {
    name: 'too few seats',
    source:
      'tech:\n  traffic_forecast:\n    busy_hour_calls: 1200\n    average_handle_time_s: 180\n  seats: 5|0\n',
    covers: '50',
    contains: ['至少需要 **66** 个坐席', '还差 16 个'],
  },
  {
    name: 'a key: both titles, the description, examples and rules with links',
    source: onSample('credit_code:', 2),
    covers: 'credit_code',
    contains: [
      '**统一社会信用代码** · Unified social credit code',
      '`applicant.credit_code`',
      '18 位统一社会信用代码',
      '_The 18-character unified social credit code',
      '示例: `91330106MA2H7K3D4M`',
      '[R-APPLICANT-001](https://example.test/docs/rules/R-APPLICANT-001.md)',
    ],
  },
  {
    name: 'in English',
    source: onSample('  seats: 80', 4),
    locale: 'en',
    covers: 'seats',
    contains: [
      '**Planned seats** · 规划坐席数',
      'at least **66** seats',
      'Total planned agent seats',
      '_规划的人工坐席总数',
    ],
    lacks: ['至少需要'],
  },
  {
    name: 'a routing reference: what it points at',
    source: onSample('link: ct-hz', 7),
    covers: 'ct-hz',
    contains: ['`ct-hz` → 中国电信 · 杭州电信长途关口局 · SIP', 'R-DIALING-002'],
  },
  {
    name: 'a routing reference to nothing',
    source: 'dialing:\n  routing:\n    - site: nowh|ere\n',
    covers: 'nowhere',
    contains: ['没有 id 为 `nowhere` 的设置地'],
  },
  {
    name: 'a business of the licence',
    source: onSample('国内呼叫中心业务\n      code', 2),
    covers: '国内呼叫中心业务',
    contains: ['`B24-1`', '可申请 95 号码'],
  },
  {
    name: 'a carrier',
    source: onSample('carrier: 中国移动', 10),
    covers: '中国移动',
    contains: ['China Mobile (`CM`)', '三网之一'],
  },
  {
    name: 'a finding: its message, the rule’s description and the docs link',
    source:
      'tech:\n  traffic_forecast:\n    busy_hour_calls: 1200\n    average_handle_time_s: 180\n  seats: 1|0\n',
    covers: '10',
    contains: [
      '**R-TECH-001** · 警告',
      '至少需要 66 个坐席，规划为 10 个',
      '按 Erlang C 模型核算',
      '[规则说明](https://example.test/docs/rules/R-TECH-001.md)',
    ],
  },
];

describe('features: hover', () => {
  for (const c of cases) {
    it(c.name, () => {
      const h = hover(c.source, c.locale);
      assert.ok(h, 'a hover');
      assert.equal(h.covered, c.covers);
      for (const want of c.contains) {
        if (typeof want === 'string')
          assert.ok(h.markdown.includes(want), `contains ${want}:\n${h.markdown}`);
        else assert.match(h.markdown, want);
      }
      for (const unwanted of c.lacks ?? []) assert.ok(!h.markdown.includes(unwanted), `lacks ${unwanted}`);
    });
  }

  it('says nothing on blank lines and comments', () => {
    assert.equal(hover('apiVersion: miit95/v1\n|\n# 注释\n'), undefined);
    assert.equal(hover('apiVersion: miit95/v1\n\n# 注|释\n'), undefined);
  });

  it('explains a finding where no field is (an unknown key)', () => {
    const h = hover('apiVersion: miit95/v1\nfa|x: 1\n');
    assert.ok(h);
    assert.match(h.markdown, /schema\/additionalProperties/);
  });

  it('answers in a few milliseconds on the sample', () => {
    const source = onSample('"95079"', 2);
    const offset = source.indexOf('|');
    const text = source.replace('|', '');
    const result = validate(text, { today: '2026-12-01' });
    assert.ok(result.document);
    hoverAt(result.document, offset, { findings: result.findings });
    const start = performance.now();
    for (let i = 0; i < 20; i++) hoverAt(result.document, offset, { findings: result.findings });
    const each = (performance.now() - start) / 20;
    assert.ok(each < 20, `${each.toFixed(2)} ms per hover`);
  });
});
