/** The usage family of rules: R-USAGE-* and R-COVERAGE-*. */
import type { RuleModule } from '../define-rule';

export const usageRules: readonly RuleModule[] = [];
