/** The tech family of rules: R-TECH-*, R-SCHEDULE-*, R-DIALING-*, R-PREP-*, R-STAFF-* (catalogue order). */
import type { RuleModule } from '../define-rule';
import seatsMeetForecast from './seats-meet-forecast';
import platformSites from './platform-sites';
import accessLinks from './access-links';
import threeNetworks from './three-networks';
import networkDiagram from './network-diagram';
import scheduleCoversArea from './schedule-covers-area';
import scheduleWithinMonths from './schedule-within-months';
import scheduleAfterApproval from './schedule-after-approval';
import noAreaCode from './no-area-code';
import routingReferences from './routing-references';
import preparationStatus from './preparation-status';
import staffExperience from './staff-experience';

export const techRules: readonly RuleModule[] = [
  seatsMeetForecast,
  platformSites,
  accessLinks,
  threeNetworks,
  networkDiagram,
  scheduleCoversArea,
  scheduleWithinMonths,
  scheduleAfterApproval,
  noAreaCode,
  routingReferences,
  preparationStatus,
  staffExperience,
];
