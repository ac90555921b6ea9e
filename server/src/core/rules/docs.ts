/**
 * Rule documentation and the catalogue listing: the documentation page of a rule ID (derived from
 * the ID, relative to the extension/repository root), the page of the configuration, and the whole
 * catalogue — registered rules and reminder entries — in catalogue order, for docs/rules/index.md,
 * the conformance test and the CLI's rule listing. Owns no rule and no page text.
 */
import type { LocalizedText, Severity } from '../types';
import type { RuleModule, RuleStatus } from './define-rule';
import type { ReminderEntry, ReminderPresentation } from './reminders';

/** The folder of the rule pages, relative to the repository (and the packaged extension) root. */
export const RULE_DOCS_FOLDER = 'docs/rules';
/** The page on `.miit95.yaml` and suppression comments. */
export const CONFIG_DOCS_PATH = 'docs/configuration.md';

/** The documentation page of a rule ID: `docs/rules/<ID>.md`, relative to the root. */
export function ruleDocsPath(id: string): string {
  return `${RULE_DOCS_FOLDER}/${id}.md`;
}

/**
 * The families of the catalogue in the order of reference.md §9. IDs of other families sort after
 * them, alphabetically.
 */
export const CATALOGUE_FAMILIES: readonly string[] = [
  'APPLICANT',
  'LICENCE',
  'NUMBER',
  'USAGE',
  'COVERAGE',
  'TECH',
  'SCHEDULE',
  'DIALING',
  'PREP',
  'STAFF',
  'PLEDGE',
  'OUTBOUND',
  'DOCS',
  'FEE',
  'ANNUAL',
  'PROCESS',
];

/** Orders rule IDs as the catalogue does: by family, then by number. */
export function compareRuleIds(a: string, b: string): number {
  const [familyA, numberA] = splitId(a);
  const [familyB, numberB] = splitId(b);
  const rankA = familyRank(familyA);
  const rankB = familyRank(familyB);
  if (rankA !== rankB) return rankA - rankB;
  if (familyA !== familyB) return familyA < familyB ? -1 : 1;
  if (numberA !== numberB) return numberA - numberB;
  return a < b ? -1 : a > b ? 1 : 0;
}

function splitId(id: string): [string, number] {
  const match = /^R-([A-Z]+)-(\d+)$/.exec(id);
  return match ? [match[1] ?? '', Number(match[2])] : [id, 0];
}

function familyRank(family: string): number {
  const index = CATALOGUE_FAMILIES.indexOf(family);
  return index < 0 ? CATALOGUE_FAMILIES.length : index;
}

/** One entry of the catalogue as the documentation lists it. */
export type CatalogueEntry =
  | {
      readonly kind: 'diagnostic';
      readonly id: string;
      readonly name: string;
      readonly defaultSeverity: Severity;
      readonly status: RuleStatus;
      readonly description: LocalizedText;
      readonly fixable: boolean;
      readonly docs: string;
    }
  | {
      readonly kind: 'reminder';
      readonly id: string;
      readonly name: string;
      readonly status: RuleStatus;
      readonly description: LocalizedText;
      readonly presentedAs: readonly ReminderPresentation[];
      readonly reason: LocalizedText;
      readonly docs: string;
    };

/** Every registered rule and reminder entry, in catalogue order. */
export function catalogueEntries(
  rules: readonly RuleModule[],
  reminders: readonly ReminderEntry[],
): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [
    ...rules.map((rule): CatalogueEntry => ({
      kind: 'diagnostic',
      id: rule.id,
      name: rule.name,
      defaultSeverity: rule.defaultSeverity,
      status: rule.status,
      description: rule.description,
      fixable: rule.fixable,
      docs: rule.docs ?? ruleDocsPath(rule.id),
    })),
    ...reminders.map((reminder): CatalogueEntry => ({
      kind: 'reminder',
      id: reminder.id,
      name: reminder.name,
      status: reminder.status,
      description: reminder.description,
      presentedAs: reminder.presentedAs,
      reason: reminder.reason,
      docs: ruleDocsPath(reminder.id),
    })),
  ];
  return entries.sort((a, b) => compareRuleIds(a.id, b.id));
}

/** The status labels of the documentation (as on the rule pages' header line). */
export const STATUS_LABELS: Readonly<Record<RuleStatus, LocalizedText>> = {
  confirmed: { 'zh-cn': '已确认', en: 'Confirmed' },
  secondary: { 'zh-cn': '二手来源', en: 'Secondary' },
  inference: { 'zh-cn': '推断', en: 'Inference' },
  unverified: { 'zh-cn': '未核实', en: 'Unverified' },
};

export const SEVERITY_LABELS: Readonly<Record<Severity, LocalizedText>> = {
  error: { 'zh-cn': '错误', en: 'error' },
  warning: { 'zh-cn': '警告', en: 'warning' },
  info: { 'zh-cn': '提示', en: 'info' },
  hint: { 'zh-cn': '暗示', en: 'hint' },
};
