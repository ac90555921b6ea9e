/** The number family of rules: R-NUMBER-*. */
import type { RuleModule } from '../define-rule';

export const numberRules: readonly RuleModule[] = [];
