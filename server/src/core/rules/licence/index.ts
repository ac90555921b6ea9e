/**
 * The licence family of rules: R-LICENCE-*, in catalogue order. Every catalogue entry of §9.2 is a
 * diagnostic (none is reminder-only).
 */
import type { RuleModule } from '../define-rule';
import { crossRegionalLicence } from './cross-regional-licence';
import { licenceNumberFormat } from './licence-number-format';
import { plannedBusinessLicensed } from './planned-business-licensed';
import { plannedBusinessDoubtful } from './planned-business-doubtful';
import { licenceRemainingValidity } from './licence-remaining-validity';
import { licenceInForce } from './licence-in-force';
import { licenceAnnualReport } from './licence-annual-report';
import { legacyBusinessCodes } from './legacy-business-codes';
import { licenceRenewalWindow } from './licence-renewal-window';

export const licenceRules: readonly RuleModule[] = [
  crossRegionalLicence,
  licenceNumberFormat,
  plannedBusinessLicensed,
  plannedBusinessDoubtful,
  licenceRemainingValidity,
  licenceInForce,
  licenceAnnualReport,
  legacyBusinessCodes,
  licenceRenewalWindow,
] as readonly RuleModule[];
