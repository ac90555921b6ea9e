// R-PREP-001 against the technical plan (issue 11, class 6): the shift assumption preparation_shifts,
// the related locations naming the other place, and odd data.
import { strict as assert } from 'node:assert';
import { allRules, parseApplication, runRules } from '../../../server/src/core';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../server/src/core/config/thresholds';

const rule = allRules.find((r) => r.id === 'R-PREP-001');

function run(yaml: string, thresholds: Thresholds = DEFAULT_THRESHOLDS) {
  assert.ok(rule);
  const text = `apiVersion: miit95/v1\n${yaml}`;
  const parsed = parseApplication(text);
  const findings = runRules([rule], parsed, { today: '2026-12-01', thresholds });
  assert.deepEqual(findings.filter((f) => f.code !== 'R-PREP-001'), [], 'internal error');
  const slice = (r: { start: number; end: number }): string => text.slice(r.start, r.end);
  return findings.map((f) => ({ f, at: slice(f.range), related: (f.related ?? []).map((r) => slice(r.range)) }));
}

const staff = (planned: number, seats: number): string =>
  `tech:\n  seats: ${seats}\npreparation:\n  staff:\n    ready: 10\n    planned: ${planned}\n`;

describe('R-PREP-001 carries the technical plan', () => {
  it('staff below seats × shifts: on the planned staff, naming tech.seats', () => {
    const [hit, ...rest] = run(staff(60, 80));
    assert.equal(rest.length, 0);
    assert.ok(hit);
    assert.equal(hit.at, '60');
    assert.deepEqual(hit.related, ['80']);
    assert.equal(hit.f.severity, 'warning');
    assert.match(hit.f.message['zh-cn'], /少于技术方案规划坐席所需的 80 人（tech\.seats 80 席 × 1 班/);
  });

  it('the shift assumption is the threshold preparation_shifts', () => {
    assert.deepEqual(run(staff(120, 80)), []);
    const twoShifts = run(staff(120, 80), { ...DEFAULT_THRESHOLDS, preparationShifts: 2 });
    assert.equal(twoShifts.length, 1);
    assert.match(twoShifts[0]?.f.message.en ?? '', /below the 160 the planned seats need \(tech\.seats 80 × 2 shift/);
    assert.deepEqual(run(staff(120, 80), { ...DEFAULT_THRESHOLDS, preparationShifts: 1.5 }), []);
  });

  it('premises elsewhere: on the address, naming the sites', () => {
    const yaml =
      'tech:\n  platform:\n    sites:\n      - { province: 广东省, city: 深圳市 }\n      - { province: 广东省, city: 广州市 }\n' +
      'preparation:\n  site:\n    address: 湖南省长沙市岳麓区麓谷大道 1 号\n';
    const [hit] = run(yaml);
    assert.ok(hit);
    assert.equal(hit.at, '湖南省长沙市岳麓区麓谷大道 1 号');
    assert.deepEqual(hit.related, ['sites']);
    assert.match(hit.f.message['zh-cn'], /广东省深圳市、广东省广州市/);
    // An address in one of the sites' cities, or one naming no known city, is fine.
    assert.deepEqual(run(yaml.replace('湖南省长沙市岳麓区', '广州市天河区')), []);
    assert.deepEqual(run(yaml.replace('湖南省长沙市岳麓区麓谷大道 1 号', '园区 3 号楼')), []);
  });

  it('a carrier without a line: on the link carrier, naming preparation.lines', () => {
    const yaml =
      'tech:\n  access:\n    links:\n      - { carrier: 中国广电 }\n' +
      'preparation:\n  lines:\n    - { carrier: 中国电信, status: 已签约 }\n';
    const [hit] = run(yaml);
    assert.ok(hit);
    assert.equal(hit.at, '中国广电');
    assert.deepEqual(hit.related, ['lines']);
    // No lines at all: the schema's required, not this check.
    assert.deepEqual(run('tech:\n  access:\n    links:\n      - { carrier: 中国广电 }\n'), []);
  });

  for (const yaml of [
    'tech: { seats: "80" }\npreparation: { staff: { planned: 1 } }',
    'tech: { seats: 0 }\npreparation: { staff: { planned: 0 } }',
    'tech: { platform: { sites: [null, 3, { city: 5 }] } }\npreparation: { site: { address: 7 } }',
    'tech: { access: { links: [null, { carrier: 火星 }] } }\npreparation: { lines: [null, { carrier: 3 }] }',
  ]) {
    it(`odd data stays silent: ${JSON.stringify(yaml)}`, () => assert.deepEqual(run(`${yaml}\n`), []));
  }
});
