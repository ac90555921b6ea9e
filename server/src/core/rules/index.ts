/**
 * The registry of domain rules: every rule of the catalogue (reference.md §9), by family. Adding a
 * rule means adding its module to its family's index; this file only concatenates the families.
 */
import type { RuleModule } from './define-rule';
import { applicantRules } from './applicant';
import { licenceRules } from './licence';
import { numberRules } from './number';
import { usageRules } from './usage';
import { techRules } from './tech';
import { documentRules } from './documents';

export const allRules: readonly RuleModule[] = [
  ...applicantRules,
  ...licenceRules,
  ...numberRules,
  ...usageRules,
  ...techRules,
  ...documentRules,
];
