/** The number family of rules: R-NUMBER-* (R-NUMBER-009 is a code lens, not a rule; see its docs page). */
import type { RuleModule } from '../define-rule';
import { segmentAllowed } from './segment-allowed';
import { segmentSeedListed } from './segment-seed-listed';
import { baseLength } from './base-length';
import { extensionLength } from './extension-length';
import { extensionExplanation } from './extension-explanation';
import { smsNonCommercial } from './sms-non-commercial';
import { sharedNumberStatement } from './shared-number-statement';
import { existingNumbers } from './existing-numbers';

export const numberRules: readonly RuleModule[] = [
  segmentAllowed,
  segmentSeedListed,
  baseLength,
  extensionLength,
  extensionExplanation,
  smsNonCommercial,
  sharedNumberStatement,
  existingNumbers,
];
