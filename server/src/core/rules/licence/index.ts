/** The licence family of rules: R-LICENCE-*. */
import type { RuleModule } from '../define-rule';

export const licenceRules: readonly RuleModule[] = [];
