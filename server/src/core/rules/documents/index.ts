/** The documents family of rules: R-PLEDGE-*, R-OUTBOUND-*, R-DOCS-*, R-FEE-*, R-ANNUAL-*, R-PROCESS-*. */
import type { RuleModule } from '../define-rule';

export const documentRules: readonly RuleModule[] = [];
