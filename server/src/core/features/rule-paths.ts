/**
 * Which domain rules look at which field: a static table from path patterns to rule IDs, for hovers
 * ("rules that apply here") and the documentation. It is written from the paths the rules report
 * (`ctx.report({ path })` in server/src/core/rules/**) and the rule references in the schema
 * descriptions. Patterns are dotted keys with `*` for any item index (`usage.area.*.province`).
 * test/unit/features/rule-paths.test.ts keeps it honest: every registered rule appears, every ID is
 * registered, and every finding of the rule fixtures lands on a pattern (or a parent pattern) listing
 * its rule. Owns no rule logic.
 */
import type { DataPath } from '../types';

/** Path pattern → the rules that check it (catalogue order within an entry). */
export const RULE_PATHS: Readonly<Record<string, readonly string[]>> = {
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

/** The pattern of a data path: keys joined by dots, item indices as `*`. */
export function pathPattern(path: DataPath): string {
  return path.map((s) => (typeof s === 'number' || /^(?:0|[1-9]\d*)$/.test(s) ? '*' : s)).join('.');
}

/**
 * The rules that check the field at `path`: its own entry, or else the nearest parent's (a field
 * without rules of its own is covered by its section's).
 */
export function rulesAt(path: DataPath): readonly string[] {
  for (let n = path.length; n > 0; n--) {
    const rules = RULE_PATHS[pathPattern(path.slice(0, n))];
    if (rules !== undefined) return rules;
  }
  return [];
}

/** Every rule listed for `path` or any of its parents (used to check the table against findings). */
export function rulesCovering(path: DataPath): Set<string> {
  const out = new Set<string>();
  for (let n = path.length; n >= 0; n--)
    for (const id of RULE_PATHS[pathPattern(path.slice(0, n))] ?? []) out.add(id);
  return out;
}
