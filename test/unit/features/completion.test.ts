/**
 * Completion (core/features/completion.ts), table-driven: a YAML text with the cursor marked `|`, the
 * labels expected first (in order), labels that must be absent, the text the items replace, and a
 * few insert texts. Also texts that do not parse while typing, the trigger-character policy and the
 * English locale.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  completionsAt,
  parseApplication,
  type CompletionOptions,
  type CompletionResult,
} from '../../../server/src/core';

const SAMPLE = readFileSync(path.resolve(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');

interface Run {
  readonly result: CompletionResult;
  readonly text: string;
  labels(): string[];
  item(label: string): CompletionResult['items'][number];
  covered(label?: string): string;
}

/** Completes at the `|` of `source` (removed from the text). */
function complete(source: string, options: CompletionOptions = {}): Run {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'the case marks the cursor with |');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const result = completionsAt(parseApplication(text), offset, { today: '2026-12-05', ...options });
  return {
    result,
    text,
    labels: () => result.items.map((i) => i.label),
    item(label) {
      const found = result.items.find((i) => i.label === label);
      assert.ok(found, `no item ${label}; got ${result.items.map((i) => i.label).join(', ')}`);
      return found;
    },
    covered(label) {
      const it = label === undefined ? result.items[0] : this.item(label);
      assert.ok(it, 'at least one item');
      return text.slice(it.range.start, it.range.end);
    },
  };
}

/** A text with the cursor replacing `needle` in the complete sample (the cursor goes where `|` is in it). */
function inSample(needle: string, replacement: string): string {
  assert.ok(SAMPLE.includes(needle), `the sample contains ${needle}`);
  return SAMPLE.replace(needle, replacement);
}

interface Case {
  readonly name: string;
  readonly source: string;
  /** The first labels, in order. */
  readonly first?: readonly string[];
  /** Exactly these labels, in order. */
  readonly exactly?: readonly string[];
  readonly absent?: readonly string[];
  /** What the first item replaces. */
  readonly covers?: string;
  readonly options?: CompletionOptions;
}

const cases: Case[] = [
  {
    name: 'an empty document offers the sections, required ones first in schema order',
    source: '|',
    first: [
      'apiVersion',
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
    ],
  },
  {
    name: 'keys already present are not offered again',
    source: 'apiVersion: miit95/v1\napplicant:\n  name: 杭州云声\n|',
    first: ['licence', 'number'],
    absent: ['apiVersion', 'applicant'],
  },
  {
    name: 'keys of the section under the cursor, by indentation',
    source: 'applicant:\n  name: 杭州云声\n  |\nlicence:\n  number: B2-1\n',
    first: [
      'credit_code',
      'legal_rep',
      'registered_capital_cny',
      'address',
      'contact',
      'business_licence_file',
    ],
    absent: ['name', 'number'],
  },
  {
    name: 'a typed key prefix filters the keys and is replaced',
    source: 'tech:\n  traffic_forecast:\n    busy_hour_calls: 1\n  plat|\n',
    exactly: ['platform'],
    covers: 'plat',
  },
  {
    name: 'a province being typed (province: 浙)',
    source: 'usage:\n  area:\n    - province: 浙|\n',
    exactly: ['浙江省'],
    covers: '浙',
  },
  {
    name: 'the area offers the licence’s provinces first, listed ones last',
    source:
      'licence:\n  coverage: [浙江省, 江苏省, 上海市]\nusage:\n  area:\n    - province: 浙江省\n    - province: |\n',
    first: ['江苏省', '上海市', '北京市'],
  },
  {
    name: 'the schedule offers the provinces of the area of use first',
    source:
      'usage:\n  area:\n    - province: 广东省\n    - province: 北京市\nschedule:\n  - province: 北京市\n    month_offset: 1\n  - province: |\n',
    first: ['广东省', '天津市'],
  },
  {
    name: 'the cities of the entry’s province in a flow list, without those already listed',
    source: 'usage:\n  area:\n    - province: 浙江省\n      cities: [杭州市, |]\n',
    first: ['宁波市', '温州市', '嘉兴市'],
    absent: ['杭州市', '南京市'],
  },
  {
    name: 'the county-level units directly under the province follow its prefecture-level cities',
    source: 'usage:\n  area:\n    - province: 湖北省\n      cities: [武汉市, 仙|]\n',
    exactly: ['仙桃市'],
    covers: '仙',
  },
  {
    name: 'a city being typed in a block list',
    source: 'usage:\n  area:\n    - province: 浙江省\n      cities:\n        - 宁波市\n        - 杭|\n',
    exactly: ['杭州市'],
    covers: '杭',
  },
  {
    name: 'the city of a platform site lies in the site’s province',
    source: 'tech:\n  platform:\n    sites:\n      - id: gz\n        province: 广东省\n        city: |\n',
    first: ['广州市', '韶关市', '深圳市'],
    absent: ['杭州市'],
  },
  {
    name: 'the city of an access link lies in the link’s province',
    source: 'tech:\n  access:\n    links:\n      - id: x\n        province: 北京市\n        city: |\n',
    exactly: ['北京市'],
  },
  {
    name: 'the keys of an area entry (province given)',
    source: 'usage:\n  area:\n    - province: 浙江省\n      |\n',
    exactly: ['cities'],
  },
  {
    name: 'a new site item: the whole item first, then its keys',
    source: 'tech:\n  platform:\n    sites:\n      - |\n',
    first: ['设置地: id, name, province, city', 'id', 'name', 'province', 'city', 'address', 'seats'],
  },
  {
    name: 'a schedule item written at the key’s indentation',
    source: 'schedule:\n- province: 浙江省\n  |\n',
    first: ['city', 'month_offset', 'date', 'note'],
    absent: ['province'],
  },
  {
    name: 'candidate numbers: the segment prefixes, 954 and 957 last',
    source: 'number:\n  candidates: [|]\n',
    exactly: ['950', '951', '952', '954', '957'],
  },
  {
    name: 'access modes',
    source: 'tech:\n  access:\n    mode: |\n',
    exactly: ['三网全直联', '部分直联', '转接'],
  },
  {
    name: 'signalling',
    source: 'tech:\n  access:\n    links:\n      - id: a\n        signalling: |\n',
    exactly: ['SS7-ISUP', 'SS7-TUP', 'SIP', 'SIP-I', 'PRI/DSS1'],
  },
  {
    name: 'customer statuses',
    source: 'usage:\n  customers:\n    - name: 某公司\n      status: |\n',
    exactly: ['已签约', '洽谈中', '意向'],
  },
  {
    name: 'equipment statuses',
    source: 'preparation:\n  equipment:\n    - name: 交换机\n      status: |\n',
    exactly: ['计划采购', '已订货', '已到货', '现有库存'],
  },
  {
    name: 'platform modes',
    source: 'tech:\n  platform:\n    mode: 集|\n',
    exactly: ['集中设置'],
  },
  {
    name: 'link carriers: the three networks not yet linked first',
    source:
      'tech:\n  access:\n    links:\n      - id: ct\n        carrier: 中国电信\n      - id: x\n        carrier: |\n',
    exactly: ['中国移动', '中国联通', '中国广电', '中国电信'],
  },
  {
    name: 'planned businesses: those of the licence first',
    source: 'licence:\n  businesses:\n    - name: 国内多方通信服务业务\nusage:\n  businesses: [|]\n',
    first: ['国内多方通信服务业务', '国内呼叫中心业务'],
  },
  {
    name: 'the pledge date: the application date, then today',
    source: 'application:\n  date: 2026-12-01\npledge:\n  date: |\n',
    exactly: ['2026-12-01', '2026-12-05'],
  },
  {
    name: 'routing sites: the ids of tech.platform.sites',
    source: inSample('      site: hz-main\n      link: cm-hz', '      site: |\n      link: cm-hz'),
    exactly: ['hz-main'],
  },
  {
    name: 'routing links: the link of the route’s carrier first',
    source: inSample('      link: cm-hz', '      link: |'),
    exactly: ['cm-hz', 'ct-hz', 'cu-hz'],
  },
  {
    name: 'the seats Erlang C asks for',
    source: inSample('  seats: 80 ', '  seats: | '),
    exactly: ['66'],
  },
  {
    name: 'licence coverage: 全国 first, listed provinces left out',
    source: 'licence:\n  coverage: [浙江省, |]\n',
    first: ['全国', '北京市'],
    absent: ['浙江省'],
  },
  {
    name: 'a flow mapping: its keys not yet written',
    source: 'applicant:\n  contact: { name: 李敏, | }\n',
    first: ['phone', 'email', 'mobile'],
    absent: ['name'],
  },
  {
    name: 'pledge commitments not yet listed',
    source: 'pledge:\n  commitments:\n    - pay_fees\n    - |\n',
    first: ['licensed_use_only', 'no_transfer_or_rent'],
    absent: ['pay_fees'],
  },
  {
    name: 'booleans',
    source: 'dialing:\n  needs_area_code: |\n',
    exactly: ['true', 'false'],
  },
  {
    name: 'the format version',
    source: 'apiVersion: |\n',
    exactly: ['miit95/v1'],
  },
  {
    name: 'broken YAML elsewhere (an unclosed flow list, a stray line) does not matter',
    source:
      'licence:\n  coverage: [浙江省\n  : :\nusage:\n  area:\n    - province: 浙江省\n      cities: [|\n',
    first: ['杭州市', '宁波市'],
  },
  {
    name: 'a flow list that spans lines (found from the AST)',
    source: 'licence:\n  coverage: [浙江省,\n    江苏省, 上|]\n',
    exactly: ['上海市'],
    covers: '上',
  },
  {
    name: 'an unclosed flow list that spans lines',
    source: 'usage:\n  area:\n    - province: 广东省\n      cities: [广州市,\n        深|\n',
    exactly: ['深圳市'],
  },
  {
    name: 'nothing in a comment',
    source: 'tech:\n  seats: 80 # 坐|席\n',
    exactly: [],
  },
  {
    name: 'nothing in a folded text',
    source: 'number:\n  extension:\n    call_flow: >-\n      用户拨打|\n',
    exactly: [],
  },
  {
    name: 'nothing for free text',
    source: 'usage:\n  description: 为电商|\n',
    exactly: [],
  },
];

describe('features: completion', () => {
  for (const c of cases) {
    it(c.name, () => {
      const run = complete(c.source, c.options);
      const labels = run.labels();
      if (c.exactly !== undefined) assert.deepEqual(labels, [...c.exactly]);
      if (c.first !== undefined) assert.deepEqual(labels.slice(0, c.first.length), [...c.first]);
      for (const label of c.absent ?? []) assert.ok(!labels.includes(label), `${label} is not offered`);
      if (c.covers !== undefined) assert.equal(run.covered(), c.covers);
    });
  }

  it('gives a province its GB/T 2260 code and a city its code and province', () => {
    assert.match(complete('usage:\n  area:\n    - province: |\n').item('浙江省').detail ?? '', /33/);
    const city = complete('usage:\n  area:\n    - province: 浙江省\n      cities: [|]\n').item('杭州市');
    assert.match(city.detail ?? '', /330100/);
    assert.equal(city.description, '浙江省');
  });

  it('marks candidate segments with length and annual fee, and 954/957 as rare', () => {
    const run = complete('number:\n  candidates: [|]\n');
    assert.match(run.item('950').detail ?? '', /5 位.*¥240,000/);
    assert.match(run.item('952').detail ?? '', /6 位.*¥24,000/);
    assert.match(run.item('957').detail ?? '', /R-NUMBER-002/);
    assert.equal(run.item('950').insertText, '"950$1"');
    assert.ok(run.item('950').snippet);
    const quoted = complete('number:\n  candidates: ["|"]\n');
    assert.equal(quoted.item('951').insertText, '951', 'inside quotes only the digits');
    assert.ok(!quoted.item('951').snippet);
  });

  it('inserts a section with its required children, indented', () => {
    const tech = complete('apiVersion: miit95/v1\n|').item('tech');
    assert.ok(tech.snippet);
    assert.ok(
      tech.insertText.startsWith(
        'tech:\n  traffic_forecast:\n    busy_hour_calls: $1\n    average_handle_time_s: $2\n  seats: $3\n  platform:\n    mode: ${4|集中设置,分散设置|}\n    sites:\n      - id: $5\n        name: $6',
      ),
      tech.insertText,
    );
    const schedule = complete('apiVersion: miit95/v1\n|').item('schedule');
    assert.equal(schedule.insertText, 'schedule:\n  - province: $1');
    const cities = complete('usage:\n  area:\n    - province: 浙江省\n      |\n').item('cities');
    assert.equal(cities.insertText, 'cities: [$1]');
    assert.ok(cities.retrigger, 'the list of cities opens after the brackets');
  });

  it('indents the continuation lines of a list item absolutely (after `- `)', () => {
    const item = complete('tech:\n  platform:\n    sites:\n      - |\n').result.items[0];
    assert.equal(item?.insertText, 'id: $1\n        name: $2\n        province: $3\n        city: $4');
    const nested = complete('tech:\n  access:\n    links:\n      - id: a\n        |\n').item('signalling');
    assert.equal(nested.insertText, 'signalling: ');
    assert.ok(nested.retrigger);
  });

  it('inserts a key only when a colon already follows', () => {
    const run = complete('tech:\n  sea|: 80\n');
    assert.equal(run.item('seats').insertText, 'seats');
    assert.equal(run.covered('seats'), 'sea');
  });

  it('adds the missing space after `key:` and `-`', () => {
    assert.equal(
      complete('tech:\n  access:\n    mode:|\n', { triggerCharacter: ':' }).item('转接').insertText,
      ' 转接',
    );
    const dash = complete('pledge:\n  commitments:\n    -|\n', { triggerCharacter: '-' });
    assert.equal(dash.item('pay_fees').insertText, ' pay_fees');
  });

  it('opens on a space only after `key: `, `- ` or a flow separator', () => {
    assert.equal(complete('tech:\n  |', { triggerCharacter: ' ' }).result.items.length, 0, 'indentation');
    assert.ok(complete('tech:\n  access:\n    mode: |\n', { triggerCharacter: ' ' }).result.items.length > 0);
    assert.ok(
      complete('usage:\n  area:\n    - province: 浙江省\n      cities: [杭州市, |]\n', {
        triggerCharacter: ' ',
      }).result.items.length > 0,
    );
    assert.equal(
      complete('usage:\n  description: 为电商 |\n', { triggerCharacter: ' ' }).result.items.length,
      0,
    );
    assert.equal(
      complete('application:\n  date: 2026-|\n', { triggerCharacter: '-' }).result.items.length,
      0,
      'a dash inside a date',
    );
  });

  it('quotes values that YAML would read otherwise, and not others', () => {
    assert.equal(complete('tech:\n  seats: |\n').result.items.length, 0, 'no forecast, no seats figure');
    assert.equal(complete(inSample('  seats: 80 ', '  seats: | ')).item('66').insertText, '66');
    assert.equal(complete('dialing:\n  needs_area_code: |\n').item('false').insertText, 'false');
    assert.equal(complete('pledge:\n  date: |\n').item('2026-12-05').insertText, '2026-12-05');
  });

  it('marks a filtered list incomplete so the editor asks again', () => {
    assert.equal(complete('usage:\n  area:\n    - province: 浙|\n').result.isIncomplete, true);
    assert.equal(complete('usage:\n  area:\n    - province: |\n').result.isIncomplete, false);
  });

  it('documents items from the schema in the session language', () => {
    const zh = complete('tech:\n  |').item('seats');
    assert.equal(zh.description, '规划坐席数（必填）');
    assert.match(zh.documentation ?? '', /规划的人工坐席总数/);
    assert.match(zh.documentation ?? '', /R-TECH-001/);
    const en = complete('tech:\n  |', { locale: 'en' }).item('seats');
    assert.equal(en.description, 'Planned seats (required)');
    assert.match(en.documentation ?? '', /^Total planned agent seats/);
    const status = complete('pledge:\n  commitments:\n    - |\n').item('pay_fees');
    assert.equal(status.description, '按时缴纳码号资源占用费');
  });

  it('completes within the complete sample in a few milliseconds', () => {
    const source = inSample('      cities: [杭州市, 宁波市, 温州市]', '      cities: [杭州市, 宁波市, |]');
    const offset = source.indexOf('|');
    const text = source.replace('|', '');
    const parsed = parseApplication(text);
    completionsAt(parsed, offset, { today: '2026-12-05' });
    const start = performance.now();
    for (let i = 0; i < 20; i++) completionsAt(parsed, offset, { today: '2026-12-05' });
    const each = (performance.now() - start) / 20;
    assert.ok(each < 20, `${each.toFixed(2)} ms per completion`);
  });
});
