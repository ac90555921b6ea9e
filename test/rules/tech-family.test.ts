/**
 * The tech family (R-TECH-*, R-SCHEDULE-*, R-DIALING-*, R-PREP-*, R-STAFF-*) beyond the line markers of
 * the fixtures: each message id with its severity, the covered text, the key words of the message in
 * both languages, and the `extra` values and fix intents; the samples (complete sample silent,
 * too-few-seats gets its one warning); thresholds honoured; odd data never makes a rule throw.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_THRESHOLDS, parseApplication, runRules, type Finding, type Thresholds } from '../../server/src/core';
import { techRules } from '../../server/src/core/rules/tech';
import { createFileProbe } from '../../server/src/node/file-probe';

const TODAY = '2026-12-01';
const SAMPLES = path.join(__dirname, '..', '..', 'samples');

function run(ruleId: string, yaml: string, thresholds: Thresholds = DEFAULT_THRESHOLDS): { findings: Finding[]; text: string } {
  const rule = techRules.find((r) => r.id === ruleId);
  assert.ok(rule, `rule ${ruleId} is registered in the tech family`);
  const text = `apiVersion: miit95/v1\n${yaml}`;
  const findings = runRules([rule], parseApplication(text), { today: TODAY, thresholds, files: createFileProbe(path.join(__dirname, 'R-TECH-005')) });
  return { findings: [...findings].sort((a, b) => a.range.start - b.range.start), text };
}

interface Expected {
  readonly severity: Finding['severity'];
  /** The covered text of the range. */
  readonly covers: string;
  /** Fragments of the Chinese message. */
  readonly zh: readonly string[];
  /** Fragments of the English message. */
  readonly en: readonly string[];
  readonly extra?: Readonly<Record<string, string | number | boolean>>;
  /** Kind and value of the first fix intent. */
  readonly fix?: { readonly kind: string; readonly value: unknown };
}

interface Case {
  readonly name: string;
  readonly rule: string;
  readonly yaml: string;
  readonly expected: readonly Expected[];
}

const FORECAST = `tech:
  traffic_forecast:
    busy_hour_calls: 1200
    average_handle_time_s: 180
`;

const cases: readonly Case[] = [
  {
    name: 'R-TECH-001 seatsBelowRequired: the brief’s wording, required in extra',
    rule: 'R-TECH-001',
    yaml: `${FORECAST}    service_level: { target_percent: 80, answer_within_s: 20 }
  seats: 50
`,
    expected: [
      {
        severity: 'warning',
        covers: '50',
        zh: ['按忙时 1200 次、平均 180 秒、80% 在 20 秒内接通计算，至少需要 66 个坐席，规划为 50 个'],
        en: ['at least 66 seats are needed, but 50 are planned'],
        extra: { required: 66, erlangs: 60, targetPercent: 80, answerWithinSeconds: 20, serviceLevelDefaulted: false },
      },
    ],
  },
  {
    name: 'R-TECH-001 seatsBelowRequiredDefaultLevel: says 80/20 was assumed',
    rule: 'R-TECH-001',
    yaml: `${FORECAST}  seats: 65
`,
    expected: [
      {
        severity: 'warning',
        covers: '65',
        zh: ['未填写服务水平目标', '按常用的 80% 在 20 秒内接通计算', '至少需要 66 个坐席，规划为 65 个'],
        en: ['80% within 20 s is assumed', 'at least 66 seats'],
        extra: { required: 66, serviceLevelDefaulted: true },
      },
    ],
  },
  {
    name: 'R-TECH-001 trafficTooLarge: an info, not a hang',
    rule: 'R-TECH-001',
    yaml: `tech:
  traffic_forecast:
    busy_hour_calls: 1000000000
    average_handle_time_s: 1000000000
  seats: 1000000000
`,
    expected: [{ severity: 'info', covers: '1000000000', zh: ['无法核算所需坐席数'], en: ['cannot be checked'] }],
  },
  {
    name: 'R-TECH-001 trafficTooLarge also when the product overflows, with an invalid service level',
    rule: 'R-TECH-001',
    yaml: `tech:
  traffic_forecast:
    busy_hour_calls: 1.0e+300
    average_handle_time_s: 1.0e+300
    service_level: { target_percent: 500 }
  seats: 5
`,
    expected: [{ severity: 'info', covers: '1.0e+300', zh: ['约 >1e+10 爱尔兰', '无法核算'], en: ['about >1e+10 Erlangs'] }],
  },
  {
    name: 'R-TECH-001 siteSeatsMismatch with related site seats',
    rule: 'R-TECH-001',
    yaml: `${FORECAST}  seats: 80
  platform:
    sites:
      - { id: a, name: 甲平台, seats: 50 }
      - { id: b, name: 乙平台, seats: 40 }
`,
    expected: [
      {
        severity: 'warning',
        covers: '80',
        zh: ['规划坐席数为 80 个，但各设置地的坐席数之和为 90 个', '甲平台 50 个、乙平台 40 个'],
        en: ['add up to 90 (甲平台 50, 乙平台 40)'],
        extra: { sitesSum: 90 },
      },
    ],
  },
  {
    name: 'R-TECH-001 busyHourAboveDaily',
    rule: 'R-TECH-001',
    yaml: `${FORECAST}    daily_calls: 1000
  seats: 100
`,
    expected: [{ severity: 'warning', covers: '1000', zh: ['日均呼入量 1000 次少于忙时呼入量 1200 次'], en: ['fewer than the busy-hour calls'] }],
  },
  {
    name: 'R-TECH-002 distributedNeedsTwoSites: error with a fix to 集中设置',
    rule: 'R-TECH-002',
    yaml: `tech:
  platform:
    mode: 分散设置
    sites: [{ id: a, name: 甲, province: 浙江省 }]
`,
    expected: [{ severity: 'error', covers: '分散设置', zh: ['只列出了 1 个设置地'], en: ['at least two sites'], fix: { kind: 'replaceValue', value: '集中设置' } }],
  },
  {
    name: 'R-TECH-002 centralisedSeveralSites: warning with a fix to 分散设置',
    rule: 'R-TECH-002',
    yaml: `tech:
  platform:
    mode: 集中设置
    sites: [{ id: a, name: 甲平台 }, { id: b, name: 乙平台 }]
`,
    expected: [{ severity: 'warning', covers: '集中设置', zh: ['列出了 2 个设置地（甲平台、乙平台）'], en: ['lists 2 sites'], fix: { kind: 'replaceValue', value: '分散设置' } }],
  },
  {
    name: 'R-TECH-002 siteOutsideCoverage / siteOutsideArea / duplicateSiteId',
    rule: 'R-TECH-002',
    yaml: `licence:
  coverage: [浙江, 江苏省]
usage:
  area: [{ province: 浙江省 }]
tech:
  platform:
    mode: 分散设置
    sites:
      - { id: a, name: 北京平台, province: 北京 }
      - { id: a, name: 南京平台, province: 江苏省 }
`,
    expected: [
      { severity: 'warning', covers: '北京', zh: ['设置地“北京平台”位于北京市，不在许可证的业务覆盖范围（浙江省、江苏省）内'], en: ['outside the licence coverage (浙江省, 江苏省)'] },
      { severity: 'error', covers: 'a', zh: ['设置地标识“a”重复'], en: ['used twice'] },
      { severity: 'warning', covers: '江苏省', zh: ['不在号码的使用范围（浙江省）内'], en: ['outside the area of use'] },
    ],
  },
  {
    name: 'R-TECH-003 transitWithoutVia / directWithVia / vagueGateway / duplicateLinkId',
    rule: 'R-TECH-003',
    yaml: `tech:
  access:
    mode: 三网全直联
    links:
      - { id: ct, carrier: 中国电信, gateway: 中国电信关口局 }
      - { id: ct, carrier: 中国联通, gateway: 杭州联通关口局, via: 经电信转接 }
`,
    expected: [
      { severity: 'error', covers: '中国电信关口局', zh: ['没有写明具体局所'], en: ['names no specific office'] },
      { severity: 'error', covers: 'ct', zh: ['链路标识“ct”重复'], en: ['used twice'] },
      { severity: 'warning', covers: '经电信转接', zh: ['写有转接方式（via：经电信转接）', '部分直联'], en: ['passes through “经电信转接”'] },
    ],
  },
  {
    name: 'R-TECH-003 transitWithoutVia on the link item',
    rule: 'R-TECH-003',
    yaml: `tech:
  access:
    mode: 转接
    links:
      - id: ct
        carrier: 中国电信
        gateway: 杭州电信长途关口局
`,
    expected: [{ severity: 'error', covers: 'id: ct', zh: ['没有写明经由哪家运营商或平台转接（via）'], en: ['does not say what it passes through'] }],
  },
  {
    name: 'R-TECH-004 missingCarriers names them, fix to 部分直联',
    rule: 'R-TECH-004',
    yaml: `tech:
  access:
    mode: 三网全直联
    links: [{ id: a, carrier: 中国移动 }, { id: b, carrier: 中国广电 }]
`,
    expected: [
      {
        severity: 'warning',
        covers: '三网全直联',
        zh: ['没有中国电信、中国联通的链路'],
        en: ['中国电信 (China Telecom) and 中国联通 (China Unicom)'],
        extra: { missing: 'CT,CU' },
        fix: { kind: 'replaceValue', value: '部分直联' },
      },
    ],
  },
  {
    name: 'R-TECH-005 fileMissing / describesNoSiteNoGateway',
    rule: 'R-TECH-005',
    yaml: `tech:
  platform: { sites: [{ id: hz-main, name: 杭州呼叫中心平台 }] }
  access: { links: [{ id: ct-hz, gateway: 杭州电信长途关口局 }] }
  network_diagram:
    file: 附件/不存在.pdf
    description: 平台通过中继接入公共电话网。
`,
    expected: [
      { severity: 'error', covers: '附件/不存在.pdf', zh: ['找不到网络组织方案图“附件/不存在.pdf”'], en: ['was not found'] },
      { severity: 'info', covers: '平台通过中继接入公共电话网。', zh: ['杭州呼叫中心平台', '杭州电信长途关口局', '不能从网上下载复制'], en: ['names neither'] },
    ],
  },
  {
    name: 'R-TECH-005 fileOutside is an error (an absolute path)',
    rule: 'R-TECH-005',
    yaml: `tech:
  network_diagram:
    file: /etc/passwd
`,
    expected: [{ severity: 'error', covers: '/etc/passwd', zh: ['不在申请文件所在目录内'], en: ['outside the application folder'] }],
  },
  {
    name: 'R-SCHEDULE-001 provinceMissing: appendItem fix with the official name and the latest offset',
    rule: 'R-SCHEDULE-001',
    yaml: `usage:
  area: [{ province: 浙江省 }, { province: 内蒙古 }]
schedule:
  - { province: 浙江省, month_offset: 4 }
  - { province: 江苏省, month_offset: 2 }
`,
    expected: [
      { severity: 'warning', covers: 'schedule', zh: ['使用范围包括内蒙古自治区，但启用实施进度中没有'], en: ['includes 内蒙古自治区'], fix: { kind: 'appendItem', value: { province: '内蒙古自治区', month_offset: 4 } } },
      { severity: 'warning', covers: '江苏省', zh: ['江苏省不在号码的使用范围'], en: ['not in the area of use'] },
    ],
  },
  {
    name: 'R-SCHEDULE-002 offsetTooLate and dateTooLate',
    rule: 'R-SCHEDULE-002',
    yaml: `application: { date: 2026-12-01 }
schedule:
  - { province: 浙江省, month_offset: 18 }
  - { province: 江苏省, date: 2028-06-01 }
`,
    expected: [
      { severity: 'warning', covers: '18', zh: ['批准后第 18 个月开通，晚于 12 个月'], en: ['18 months after approval'], extra: { maxMonths: 12 } },
      { severity: 'warning', covers: '2028-06-01', zh: ['约 2027-01-12', '（2028-01-12）'], en: ['after 2028-01-12'], extra: { latest: '2028-01-12' } },
    ],
  },
  {
    name: 'R-SCHEDULE-003 beforeApproval',
    rule: 'R-SCHEDULE-003',
    yaml: `application: { date: 2026-12-01 }
schedule:
  - { province: 浙江省, date: 2026-12-15 }
`,
    expected: [{ severity: 'warning', covers: '2026-12-15', zh: ['早于最早可能的批准日期', '约 2026-12-29'], en: ['before the earliest possible approval'], extra: { earliest: '2026-12-29' } }],
  },
  {
    name: 'R-DIALING-001 needsAreaCode',
    rule: 'R-DIALING-001',
    yaml: `dialing:
  needs_area_code: true
`,
    expected: [{ severity: 'warning', covers: 'true', zh: ['无需加拨区号'], en: ['without an area code'] }],
  },
  {
    name: 'R-DIALING-002 unknownSite with did-you-mean, unknownLink without, carrierMismatch',
    rule: 'R-DIALING-002',
    yaml: `tech:
  platform: { sites: [{ id: hz-main }] }
  access: { links: [{ id: ct-hz, carrier: 中国电信 }] }
dialing:
  routing:
    - { scenario: 甲, carrier: 中国电信, site: hz-mian, link: zz-top }
    - { scenario: 乙, carrier: 中国移动, site: hz-main, link: ct-hz }
`,
    expected: [
      { severity: 'error', covers: 'hz-mian', zh: ['设置地“hz-mian”在技术方案的平台设置地', '已定义的设置地：hz-main'], en: ['Defined sites: hz-main'], fix: { kind: 'replaceValue', value: 'hz-main' } },
      { severity: 'error', covers: 'zz-top', zh: ['接入链路“zz-top”'], en: ['Defined links: ct-hz'] },
      { severity: 'warning', covers: '中国移动', zh: ['主叫用户属于中国移动', '直联的是中国电信'], en: ['connects directly to 中国电信'] },
    ],
  },
  {
    name: 'R-DIALING-002 noSitesNoLinks on the routing key',
    rule: 'R-DIALING-002',
    yaml: `dialing:
  routing:
    - { scenario: 甲, carrier: 中国电信, site: hz-main, link: ct-hz }
`,
    expected: [{ severity: 'error', covers: 'routing', zh: ['设置地“hz-main”和接入链路“ct-hz”', '没有定义任何平台设置地和接入链路'], en: ['defines no platform sites and no access links'] }],
  },
  {
    name: 'R-DIALING-002 noSites alone',
    rule: 'R-DIALING-002',
    yaml: `tech:
  access: { links: [{ id: ct-hz, carrier: 中国电信 }] }
dialing:
  routing:
    - { scenario: 甲, carrier: 中国电信, site: hz-main, link: ct-hz }
`,
    expected: [{ severity: 'error', covers: 'routing', zh: ['引用了设置地“hz-main”，但技术方案中没有定义任何平台设置地'], en: ['defines no platform sites'] }],
  },
  {
    name: 'R-PREP-001 equipmentAllPlanned / linesAllPlanned / noStaffReady',
    rule: 'R-PREP-001',
    yaml: `preparation:
  staff: { ready: 0, planned: 10 }
  equipment: [{ name: 软交换, quantity: 1, status: 计划采购 }]
  lines: [{ carrier: 中国电信, status: 计划申请 }]
`,
    expected: [
      { severity: 'warning', covers: '0', zh: ['已到岗人数为 0'], en: ['No agents are in place'] },
      { severity: 'warning', covers: 'equipment', zh: ['所有设备都还是“计划采购”'], en: ['Every piece of equipment'] },
      { severity: 'warning', covers: 'lines', zh: ['所有线路都还是“计划申请”'], en: ['Every line'] },
    ],
  },
  {
    name: 'R-STAFF-001 noExperiencedCoreStaff / companyExperienceEmpty',
    rule: 'R-STAFF-001',
    yaml: `staff:
  company_experience: 无
  core:
    - { name: 甲, role: 经理, experience_years: 3, experience: TBD }
`,
    expected: [
      { severity: 'warning', covers: '无', zh: ['企业从业经验“无”没有实际内容'], en: ['says nothing'] },
      { severity: 'warning', covers: 'core', zh: ['核心员工中没有一人'], en: ['No core staff member'] },
    ],
  },
];

describe('tech family rules: messages, severities, extras and fixes', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { findings, text } = run(c.rule, c.yaml);
      const show = findings.map((f) => `${f.severity} «${text.slice(f.range.start, f.range.end)}» ${f.message['zh-cn']}`).join('\n');
      assert.equal(findings.length, c.expected.length, `findings:\n${show}`);
      c.expected.forEach((want, i) => {
        const got = findings[i]!;
        assert.equal(got.code, c.rule);
        assert.equal(got.severity, want.severity, show);
        assert.equal(text.slice(got.range.start, got.range.end), want.covers, show);
        for (const fragment of want.zh) assert.ok(got.message['zh-cn'].includes(fragment), `zh lacks “${fragment}”: ${got.message['zh-cn']}`);
        for (const fragment of want.en) assert.ok(got.message.en.includes(fragment), `en lacks “${fragment}”: ${got.message.en}`);
        for (const [key, value] of Object.entries(want.extra ?? {})) assert.deepEqual(got.data.extra?.[key], value, `extra.${key}`);
        if (want.fix) {
          const fix = got.data.fixes?.[0];
          assert.ok(fix, 'a fix intent');
          assert.equal(fix.kind, want.fix.kind);
          assert.deepEqual((fix as { value?: unknown }).value, want.fix.value);
          assert.ok(fix.title['zh-cn'] !== '' && fix.title.en !== '', 'a bilingual fix title');
        } else {
          assert.equal(got.data.fixes, undefined, 'no fix intent');
        }
        assert.ok(!/\{[A-Za-z0-9_]+\}/.test(got.message['zh-cn'] + got.message.en), 'every placeholder filled');
      });
    });
  }

  it('R-SCHEDULE-002 follows thresholds.scheduleMonths', () => {
    const yaml = `schedule:\n  - { province: 浙江省, month_offset: 8 }\n`;
    assert.equal(run('R-SCHEDULE-002', yaml).findings.length, 0);
    const strict = run('R-SCHEDULE-002', yaml, { ...DEFAULT_THRESHOLDS, scheduleMonths: 6 }).findings;
    assert.equal(strict.length, 1);
    assert.ok(strict[0]!.message['zh-cn'].includes('晚于 6 个月'));
  });

  it('R-TECH-001 is silent when the forecast’s seats suffice and for invalid service levels', () => {
    assert.equal(run('R-TECH-001', `${FORECAST}  seats: 66\n`).findings.length, 0);
    assert.equal(run('R-TECH-001', `${FORECAST}    service_level: { target_percent: 120, answer_within_s: 20 }\n  seats: 1\n`).findings.length, 0);
    assert.equal(run('R-TECH-001', `${FORECAST}    service_level: null\n  seats: 1\n`).findings.length, 0);
  });
});

describe('tech family rules on the samples', () => {
  const validateSample = (relative: string): Finding[] => {
    const file = path.join(SAMPLES, relative);
    const parsed = parseApplication(readFileSync(file, 'utf8'));
    return runRules(techRules, parsed, { today: '2026-11-28', files: createFileProbe(path.dirname(file)) });
  };

  it('the complete sample is free of findings (80 seats against 66 required)', () => {
    assert.deepEqual(validateSample('complete/杭州云声.app95.yaml').map((f) => `${f.code} ${f.message['zh-cn']}`), []);
  });

  it('too-few-seats gets exactly one R-TECH-001 warning: 66 needed, 50 planned', () => {
    const findings = validateSample('mistakes/too-few-seats.app95.yaml');
    assert.equal(findings.length, 1, findings.map((f) => f.message['zh-cn']).join('\n'));
    const [f] = findings;
    assert.equal(f!.code, 'R-TECH-001');
    assert.equal(f!.severity, 'warning');
    assert.equal(f!.data.extra?.['required'], 66);
    assert.deepEqual(f!.data.path, ['tech', 'seats']);
  });

  it('missing-sections gets one R-DIALING-002 error naming the dangling routing references', () => {
    const findings = validateSample('mistakes/missing-sections.app95.yaml');
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['R-DIALING-002', 'error']]);
    assert.ok(findings[0]!.message['zh-cn'].includes('“ct-hz”、“cm-hz”、“cu-hz”'));
  });
});

describe('tech family rules never throw', () => {
  const value = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(0, -1, 1e9, 1e300, 0.5),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('浙江省', '全国', '三网全直联', '转接', '分散设置', '集中设置', '中国电信', '计划采购', '9999-12-31', '2026-12-01', 'hz-main', '附件'),
  );
  const shallow = fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'province', 'seats', 'carrier', 'via', 'gateway', 'status', 'date', 'month_offset', 'name'), value, { maxKeys: 4 }));
  const items = fc.oneof(shallow, fc.array(shallow, { maxLength: 4 }));
  const app = fc.record(
    {
      application: fc.record({ date: value }),
      licence: fc.record({ coverage: items }),
      usage: fc.record({ area: items }),
      tech: fc.oneof(
        value,
        fc.record({
          traffic_forecast: fc.oneof(value, fc.record({ busy_hour_calls: value, average_handle_time_s: value, daily_calls: value, service_level: fc.oneof(value, fc.record({ target_percent: value, answer_within_s: value })) })),
          seats: value,
          platform: fc.oneof(value, fc.record({ mode: value, sites: items })),
          access: fc.oneof(value, fc.record({ mode: value, links: items })),
          network_diagram: fc.oneof(value, fc.record({ file: value, description: value })),
        }),
      ),
      schedule: items,
      dialing: fc.oneof(value, fc.record({ needs_area_code: value, routing: items })),
      preparation: fc.oneof(value, fc.record({ staff: fc.oneof(value, fc.record({ ready: value })), equipment: items, lines: items })),
      staff: fc.oneof(value, fc.record({ company_experience: value, core: items })),
    },
    { requiredKeys: [] },
  );

  it('turns no odd document into an internal rule error', function () {
    this.timeout(20000);
    fc.assert(
      fc.property(app, (data) => {
        const parsed = parseApplication(JSON.stringify({ apiVersion: 'miit95/v1', ...data }));
        const findings = runRules(techRules, parsed, { today: TODAY, files: { probe: () => 'missing' } });
        const internal = findings.filter((f) => f.code.startsWith('internal/'));
        assert.deepEqual(internal.map((f) => f.message.en), []);
      }),
      { numRuns: 300 },
    );
  });
});
