/** The tech family of rules: R-TECH-*, R-SCHEDULE-*, R-DIALING-*, R-PREP-*, R-STAFF-*. */
import type { RuleModule } from '../define-rule';

export const techRules: readonly RuleModule[] = [];
