/** The documents family of rules: R-PLEDGE-*, R-OUTBOUND-*, R-DOCS-*, R-FEE-*, R-ANNUAL-*, R-PROCESS-*. */
import type { RuleModule } from '../define-rule';
import { pledgeSignedSealedDated } from './pledge-signed-sealed-dated';
import { pledgeCommitments } from './pledge-commitments';
import { outboundNoMarketing } from './outbound-no-marketing';
import { outboundRetentionHours } from './outbound-retention-hours';
import { attachmentsExist } from './attachments-exist';
import { noWesternHalfRate } from './no-western-half-rate';

/**
 * In catalogue order. Not registered, because they are reminders or computed displays with nothing to
 * check in the data (see their docs pages): R-DOCS-002 (export checklist), R-FEE-001 (fee preview and
 * code lens), R-FEE-003 (fee preview), R-ANNUAL-001 and R-ANNUAL-002 (export checklist), R-PROCESS-001
 * (export checklist).
 */
export const documentRules: readonly RuleModule[] = [
  pledgeSignedSealedDated,
  pledgeCommitments,
  outboundNoMarketing,
  outboundRetentionHours,
  attachmentsExist,
  noWesternHalfRate,
];
