/**
 * The applicant family of rules: R-APPLICANT-*, in catalogue order. Every catalogue entry of §9.1 is
 * a diagnostic; the only reminder part (R-APPLICANT-008: notify address or contact changes within 10
 * working days) is documented on its page and shown in the hover and the export checklist.
 */
import type { RuleModule } from '../define-rule';
import { creditCodeCheckCharacter } from './credit-code-check-character';
import { creditCodeCompanyPrefix } from './credit-code-company-prefix';
import { creditCodeOrganisationCode } from './credit-code-organisation-code';
import { creditCodeProvince } from './credit-code-province';
import { registeredCapitalMinimum } from './registered-capital-minimum';
import { complianceRecord } from './compliance-record';
import { applicantMatchesLicenceHolder } from './applicant-matches-licence-holder';
import { applicantDetails } from './applicant-details';

export const applicantRules: readonly RuleModule[] = [
  creditCodeCheckCharacter,
  creditCodeCompanyPrefix,
  creditCodeOrganisationCode,
  creditCodeProvince,
  registeredCapitalMinimum,
  complianceRecord,
  applicantMatchesLicenceHolder,
  applicantDetails,
] as readonly RuleModule[];
