/**
 * The path → rule table of the hovers (core/features/rule-paths.ts), derived from the rules' `fields`
 * declarations, against the rules themselves: every registered rule is listed, every listed ID is
 * registered, and every finding the rule fixtures produce lies on a path whose pattern (or a
 * parent's) the rule declares — a rule reporting on an undeclared path fails. At the switch from the
 * hand-kept table to the declarations, the derived table equalled the old one: OLD_TABLE at the end of
 * this file is that table verbatim (a snapshot; entries compared in catalogue order, which two entries
 * of the old table did not follow).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { allRules, defineRule, parseApplication, runRules, type RuleModule } from '../../../server/src/core';
import {
  pathPattern,
  RULE_PATHS,
  rulePathsOf,
  rulesAt,
  rulesCovering,
} from '../../../server/src/core/features/rule-paths';
import { createFileProbe } from '../../../server/src/node/file-probe';

const FIXTURES = path.resolve(__dirname, '../../rules');

describe('features: rule paths table', () => {
  const listed = new Set(Object.values(RULE_PATHS).flat());

  it('lists every registered rule', () => {
    const missing = allRules.map((r) => r.id).filter((id) => !listed.has(id));
    assert.deepEqual(
      missing,
      [],
      'list the fields these rules check in RULE_PATHS (server/src/core/features/rule-paths.ts)',
    );
  });

  it('lists only registered rules', () => {
    const ids = new Set(allRules.map((r) => r.id));
    assert.deepEqual(
      [...listed].filter((id) => !ids.has(id)),
      [],
    );
  });

  const cases: [string, (string | number)[], string[]][] = [
    ['an item index becomes *', ['usage', 'area', 3, 'province'], ['R-COVERAGE-001', 'R-COVERAGE-004']],
    [
      'a field without its own entry takes its parent’s',
      ['tech', 'platform', 'sites', 0, 'name'],
      ['R-TECH-002'],
    ],
    ['the seats', ['tech', 'seats'], ['R-TECH-001', 'R-PREP-001']],
    ['nothing for the format version', ['apiVersion'], []],
  ];
  for (const [name, p, want] of cases) it(name, () => assert.deepEqual([...rulesAt(p)], want));

  it('pattern of a path', () => assert.equal(pathPattern(['schedule', 2, 'date']), 'schedule.*.date'));

  const folders = readdirSync(FIXTURES).filter(
    (n) => /^R-[A-Z]+-\d{3}$/.test(n) && statSync(path.join(FIXTURES, n)).isDirectory(),
  );
  for (const id of folders) {
    const rule = allRules.find((r) => r.id === id);
    if (rule === undefined) continue;
    it(`covers the findings of the ${id} fixtures`, () => {
      assert.deepEqual(undeclaredReports(rule, path.join(FIXTURES, id), RULE_PATHS), []);
    });
  }

  it('equals the hand-kept table it replaced', () => {
    const order = allRules.map((r) => r.id);
    const inCatalogueOrder = (ids: readonly string[]): string[] =>
      [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const derived = Object.fromEntries(Object.entries(RULE_PATHS).map(([k, ids]) => [k, [...ids]]));
    const old = Object.fromEntries(Object.entries(OLD_TABLE).map(([k, ids]) => [k, inCatalogueOrder(ids)]));
    assert.deepEqual(derived, old);
  });

  it('fails a rule that reports on a path it does not declare', () => {
    const folder = path.join(FIXTURES, 'R-TECH-001');
    const reporting = (fields: readonly string[]): RuleModule =>
      defineRule({
        id: 'R-TEST-001',
        name: 'reports-the-seats',
        defaultSeverity: 'warning',
        status: 'confirmed',
        description: { 'zh-cn': '测试规则。', en: 'A test rule.' },
        messages: { seats: { 'zh-cn': '座席。', en: 'Seats.' } },
        fixable: false,
        fields,
        check(ctx) {
          ctx.report({ path: ['tech', 'seats'], messageId: 'seats' });
        },
      });
    const undeclared = reporting(['tech.platform']);
    assert.ok(undeclaredReports(undeclared, folder, rulePathsOf([undeclared])).length > 0);
    const declared = reporting(['tech']);
    assert.deepEqual(undeclaredReports(declared, folder, rulePathsOf([declared])), []);
  });
});

/** The findings of `rule` on the fixtures in `folder` whose path `table` does not give to the rule. */
function undeclaredReports(
  rule: RuleModule,
  folder: string,
  table: Readonly<Record<string, readonly string[]>>,
): string[] {
  const misses: string[] = [];
  for (const file of readdirSync(folder).filter((f) => /\.ya?ml$/.test(f))) {
    const text = readFileSync(path.join(folder, file), 'utf8');
    const parsed = parseApplication(text);
    for (const f of runRules([rule], parsed, { files: createFileProbe(folder), today: '2026-12-01' })) {
      if (f.code === rule.id && !rulesCovering(f.data.path, table).has(rule.id))
        misses.push(`${file}: ${pathPattern(f.data.path) || '(root)'}`);
    }
  }
  return misses;
}

/** The hand-kept table at the switch to the rules' declarations (snapshot, verbatim). */

const OLD_TABLE: Readonly<Record<string, readonly string[]>> = {
  'application.date': ['R-LICENCE-005', 'R-LICENCE-006', 'R-LICENCE-007', 'R-SCHEDULE-003', 'R-PLEDGE-001'],

  applicant: ['R-APPLICANT-007', 'R-APPLICANT-008'],
  'applicant.name': ['R-APPLICANT-007'],
  'applicant.credit_code': [
    'R-APPLICANT-001',
    'R-APPLICANT-002',
    'R-APPLICANT-003',
    'R-APPLICANT-004',
    'R-APPLICANT-007',
  ],
  'applicant.legal_rep': ['R-APPLICANT-008', 'R-PLEDGE-001'],
  'applicant.registered_capital_cny': ['R-APPLICANT-005'],
  'applicant.address': ['R-APPLICANT-008'],
  'applicant.contact': ['R-APPLICANT-008'],
  'applicant.contact.name': ['R-APPLICANT-008'],
  'applicant.contact.phone': ['R-APPLICANT-008'],
  'applicant.business_licence_file': ['R-DOCS-001'],
  'applicant.existing_numbers': ['R-NUMBER-008'],
  'applicant.existing_numbers.*': ['R-NUMBER-008'],
  'applicant.compliance': ['R-APPLICANT-006'],
  'applicant.compliance.untrustworthy_list': ['R-APPLICANT-006'],
  'applicant.compliance.penalties': ['R-APPLICANT-006'],
  'applicant.compliance.penalties.*': ['R-APPLICANT-006'],
  'applicant.compliance.penalties.*.date': ['R-APPLICANT-006'],
  'applicant.compliance.penalties.*.number_related': ['R-APPLICANT-006'],

  licence: ['R-LICENCE-001', 'R-LICENCE-007'],
  'licence.number': ['R-LICENCE-001', 'R-LICENCE-002'],
  'licence.holder_name': ['R-APPLICANT-007'],
  'licence.holder_credit_code': ['R-APPLICANT-007'],
  'licence.valid_from': ['R-LICENCE-006', 'R-LICENCE-008'],
  'licence.valid_until': ['R-LICENCE-005', 'R-LICENCE-006', 'R-LICENCE-009'],
  'licence.businesses': ['R-LICENCE-001', 'R-LICENCE-003', 'R-LICENCE-008'],
  'licence.businesses.*': ['R-LICENCE-003', 'R-LICENCE-008'],
  'licence.businesses.*.name': ['R-LICENCE-003', 'R-LICENCE-008'],
  'licence.businesses.*.code': ['R-LICENCE-008'],
  'licence.coverage': ['R-LICENCE-001', 'R-COVERAGE-001'],
  'licence.coverage.*': ['R-COVERAGE-001', 'R-COVERAGE-004'],
  'licence.annual_reports': ['R-LICENCE-007'],
  'licence.annual_reports.*': ['R-LICENCE-007'],
  'licence.annual_reports.*.year': ['R-LICENCE-007'],
  'licence.annual_reports.*.status': ['R-LICENCE-007'],
  'licence.files': ['R-DOCS-001'],
  'licence.files.*': ['R-DOCS-001'],

  'number.candidates': ['R-NUMBER-001', 'R-NUMBER-002', 'R-NUMBER-003', 'R-NUMBER-008'],
  'number.candidates.*': ['R-NUMBER-001', 'R-NUMBER-002', 'R-NUMBER-003', 'R-NUMBER-008'],
  'number.expected_billing_start': ['R-SCHEDULE-003'],
  'number.extension': ['R-NUMBER-004', 'R-NUMBER-005'],
  'number.extension.planned': ['R-NUMBER-004', 'R-NUMBER-005'],
  'number.extension.total_length': ['R-NUMBER-004'],
  'number.extension.variable': ['R-NUMBER-004'],
  'number.extension.justification': ['R-NUMBER-004'],
  'number.extension.necessity': ['R-NUMBER-005'],
  'number.extension.plan': ['R-NUMBER-005'],
  'number.extension.call_flow': ['R-NUMBER-005'],
  'number.extension.voice_prompts': ['R-NUMBER-005'],
  'number.extension.voice_prompts.*': ['R-NUMBER-005'],
  'number.sms': ['R-NUMBER-006'],
  'number.sms.enabled': ['R-NUMBER-006'],
  'number.sms.commercial': ['R-NUMBER-006'],
  'number.sms.description': ['R-NUMBER-006'],

  usage: ['R-NUMBER-007'],
  'usage.businesses': ['R-LICENCE-003', 'R-NUMBER-007'],
  'usage.businesses.*': ['R-LICENCE-003', 'R-LICENCE-004'],
  'usage.shared_number_statement': ['R-NUMBER-007'],
  'usage.area': ['R-COVERAGE-001', 'R-COVERAGE-002', 'R-COVERAGE-003', 'R-COVERAGE-004', 'R-FEE-002'],
  'usage.area.*': ['R-COVERAGE-001', 'R-COVERAGE-004'],
  'usage.area.*.province': ['R-COVERAGE-001', 'R-COVERAGE-004'],
  'usage.area.*.cities': ['R-COVERAGE-003', 'R-COVERAGE-004'],
  'usage.area.*.cities.*': ['R-COVERAGE-003', 'R-COVERAGE-004'],
  'usage.description': ['R-USAGE-001', 'R-USAGE-002'],
  'usage.customers': ['R-USAGE-001'],
  'usage.customers.*': ['R-USAGE-001'],
  'usage.customers.*.name': ['R-USAGE-001'],
  'usage.customers.*.type': ['R-USAGE-001', 'R-USAGE-002'],
  'usage.customers.*.status': ['R-USAGE-001'],
  'usage.customers.*.description': ['R-USAGE-001', 'R-USAGE-002'],
  'usage.business_model': ['R-USAGE-001', 'R-USAGE-002'],
  'usage.outbound_marketing': ['R-USAGE-002', 'R-OUTBOUND-001'],

  'tech.traffic_forecast': ['R-TECH-001'],
  'tech.traffic_forecast.busy_hour_calls': ['R-TECH-001'],
  'tech.traffic_forecast.average_handle_time_s': ['R-TECH-001'],
  'tech.traffic_forecast.service_level': ['R-TECH-001'],
  'tech.traffic_forecast.service_level.target_percent': ['R-TECH-001'],
  'tech.traffic_forecast.service_level.answer_within_s': ['R-TECH-001'],
  'tech.traffic_forecast.daily_calls': ['R-TECH-001'],
  'tech.seats': ['R-TECH-001', 'R-PREP-001'],
  'tech.platform': ['R-TECH-002'],
  'tech.platform.mode': ['R-TECH-002'],
  'tech.platform.sites': ['R-TECH-002'],
  'tech.platform.sites.*': ['R-TECH-002'],
  'tech.platform.sites.*.id': ['R-TECH-002', 'R-DIALING-002'],
  'tech.platform.sites.*.province': ['R-TECH-002', 'R-COVERAGE-004'],
  'tech.platform.sites.*.city': ['R-COVERAGE-004'],
  'tech.platform.sites.*.seats': ['R-TECH-001'],
  'tech.access': ['R-TECH-003', 'R-TECH-004'],
  'tech.access.mode': ['R-TECH-003', 'R-TECH-004'],
  'tech.access.links': ['R-TECH-003', 'R-TECH-004'],
  'tech.access.links.*': ['R-TECH-003'],
  'tech.access.links.*.id': ['R-TECH-003', 'R-DIALING-002'],
  'tech.access.links.*.carrier': ['R-TECH-004', 'R-DIALING-002', 'R-PREP-001'],
  'tech.access.links.*.gateway': ['R-TECH-003'],
  'tech.access.links.*.via': ['R-TECH-003'],
  'tech.access.links.*.province': ['R-COVERAGE-004'],
  'tech.access.links.*.city': ['R-COVERAGE-004'],
  'tech.network_diagram': ['R-TECH-005'],
  'tech.network_diagram.file': ['R-TECH-005', 'R-DOCS-001'],
  'tech.network_diagram.description': ['R-TECH-005'],

  schedule: ['R-SCHEDULE-001'],
  'schedule.*': ['R-SCHEDULE-001'],
  'schedule.*.province': ['R-SCHEDULE-001', 'R-COVERAGE-004'],
  'schedule.*.city': ['R-COVERAGE-004'],
  'schedule.*.month_offset': ['R-SCHEDULE-002'],
  'schedule.*.date': ['R-SCHEDULE-002', 'R-SCHEDULE-003'],

  'dialing.needs_area_code': ['R-DIALING-001'],
  'dialing.method': ['R-DIALING-001'],
  'dialing.routing': ['R-DIALING-002'],
  'dialing.routing.*': ['R-DIALING-002'],
  'dialing.routing.*.carrier': ['R-DIALING-002'],
  'dialing.routing.*.site': ['R-DIALING-002'],
  'dialing.routing.*.link': ['R-DIALING-002'],

  preparation: ['R-PREP-001'],
  'preparation.staff': ['R-PREP-001'],
  'preparation.staff.ready': ['R-PREP-001'],
  'preparation.staff.planned': ['R-PREP-001'],
  'preparation.site': ['R-PREP-001'],
  'preparation.site.address': ['R-PREP-001'],
  'preparation.equipment': ['R-PREP-001'],
  'preparation.equipment.*': ['R-PREP-001'],
  'preparation.equipment.*.status': ['R-PREP-001'],
  'preparation.lines': ['R-PREP-001'],
  'preparation.lines.*': ['R-PREP-001'],
  'preparation.lines.*.status': ['R-PREP-001'],
  'preparation.lines.*.carrier': ['R-PREP-001'],

  staff: ['R-STAFF-001'],
  'staff.company_experience': ['R-STAFF-001'],
  'staff.core': ['R-STAFF-001'],
  'staff.core.*': ['R-STAFF-001'],
  'staff.core.*.experience_years': ['R-STAFF-001'],
  'staff.core.*.experience': ['R-STAFF-001'],

  pledge: ['R-PLEDGE-001', 'R-PLEDGE-002'],
  'pledge.file': ['R-DOCS-001'],
  'pledge.signed_by': ['R-PLEDGE-001'],
  'pledge.sealed': ['R-PLEDGE-001'],
  'pledge.date': ['R-PLEDGE-001'],
  'pledge.commitments': ['R-PLEDGE-002'],
  'pledge.commitments.*': ['R-PLEDGE-002'],

  outbound: ['R-OUTBOUND-001', 'R-OUTBOUND-002'],
  'outbound.enabled': ['R-OUTBOUND-001'],
  'outbound.purpose': ['R-OUTBOUND-001'],
  'outbound.purpose.*': ['R-OUTBOUND-001'],
  'outbound.pledge_file': ['R-OUTBOUND-001', 'R-DOCS-001'],
  'outbound.retention_days': ['R-OUTBOUND-002'],
  'outbound.hours': ['R-OUTBOUND-002'],
};
