/** The applicant family of rules: R-APPLICANT-*. */
import type { RuleModule } from '../define-rule';

export const applicantRules: readonly RuleModule[] = [];
