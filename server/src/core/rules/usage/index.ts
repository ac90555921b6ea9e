/**
 * The usage family of rules: R-USAGE-* and R-COVERAGE-* (R-COVERAGE-005 is a hover explanation, not a
 * rule; see its docs page).
 */
import type { RuleModule } from '../define-rule';
import { usageDescription } from './usage-description';
import { noMarketing } from './no-marketing';
import { coverageWithinLicence } from './coverage-within-licence';
import { areaCrossRegional } from './area-cross-regional';
import { areaThreshold } from './area-threshold';
import { placeNames } from './place-names';

export const usageRules: readonly RuleModule[] = [
  usageDescription,
  noMarketing,
  coverageWithinLicence,
  areaCrossRegional,
  areaThreshold,
  placeNames,
];
