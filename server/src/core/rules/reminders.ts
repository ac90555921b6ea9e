/**
 * The reminder-only entries of the rule catalogue (reference.md §9): statements that are true of
 * every application, with nothing in the data that could fail them. They are NOT diagnostics (the
 * complete sample must stay free of findings); each says where it is presented instead and why.
 * One hand-written source for docs/rules/index.md, the conformance test and the features that
 * present them. Owns the list only; the pages are docs/rules/<ID>.md.
 */
import type { LocalizedText } from '../types';
import type { RuleStatus } from './define-rule';

/** Where a reminder is shown instead of a diagnostic. */
export type ReminderPresentation = 'hover' | 'code-lens' | 'fee-preview' | 'export-checklist';

export const PRESENTATION_LABELS: Readonly<Record<ReminderPresentation, LocalizedText>> = {
  hover: { 'zh-cn': '悬停说明', en: 'hover' },
  'code-lens': { 'zh-cn': '代码透镜', en: 'code lens' },
  'fee-preview': { 'zh-cn': '费用预览', en: 'fee preview' },
  'export-checklist': { 'zh-cn': '导出材料清单', en: 'export checklist' },
};

/** A catalogue entry presented outside the diagnostics. */
export interface ReminderEntry {
  /** The catalogue ID. */
  readonly id: string;
  /** A short kebab-case name, as a rule would have. */
  readonly name: string;
  /** The catalogue's Status column. */
  readonly status: RuleStatus;
  /** One sentence saying what is presented. */
  readonly description: LocalizedText;
  /** Where it is presented, most prominent first. */
  readonly presentedAs: readonly ReminderPresentation[];
  /** Why it is not a diagnostic. */
  readonly reason: LocalizedText;
}

export const reminders: readonly ReminderEntry[] = [
  {
    id: 'R-NUMBER-009',
    name: 'number-availability-lookup',
    status: 'confirmed',
    description: {
      'zh-cn': '提醒在工信部码号资源公示查询（miinac.gov.cn“号码查询”）中确认候选号码尚未被占用。',
      en: 'Reminds the author to check that the candidate numbers are free in the public number lookup (miinac.gov.cn).',
    },
    presentedAs: ['code-lens'],
    reason: {
      'zh-cn': '对每份申请都成立，申请文件中没有可检查的内容；作为候选号码上的代码透镜显示。',
      en: 'True of every application, with nothing in the file to check; shown as a code lens on the candidate numbers.',
    },
  },
  {
    id: 'R-COVERAGE-005',
    name: 'licence-coverage-per-province',
    status: 'secondary',
    description: {
      'zh-cn': '说明许可证覆盖范围按省或“全国”核定，不按城市，城市数只能来自申请文件自己的开通计划。',
      en: 'Explains that licence coverage is granted per province or nationwide, never per city, so a city count can only come from the opening plan.',
    },
    presentedAs: ['hover'],
    reason: {
      'zh-cn':
        '这是对数据含义的说明，不是可以违反的条件（覆盖范围的写法由结构校验负责）；在覆盖范围和使用地域的悬停说明中显示。',
      en: 'An explanation of what the data means, not a condition that can be broken (the schema checks how coverage is written); shown in the hover of the coverage and the area of use.',
    },
  },
  {
    id: 'R-DOCS-002',
    name: 'materials-truthful',
    status: 'secondary',
    description: {
      'zh-cn': '提醒申请材料须真实、完整；工具无法核实这一点。',
      en: 'Reminds the author that the materials must be true and complete, which the tool cannot verify.',
    },
    presentedAs: ['export-checklist'],
    reason: {
      'zh-cn': '工具无法核实材料是否真实，这项检查永远不会失败；作为导出材料清单中的确认项。',
      en: 'The tool cannot verify truthfulness, so such a check could never fail; it is a confirmation item of the export checklist.',
    },
  },
  {
    id: 'R-FEE-001',
    name: 'fee-preview',
    status: 'secondary',
    description: {
      'zh-cn': '预览号码资源占用费：5 位号码每年 24 万元、6 位号码每年 2.4 万元，按月计收、按季缴纳。',
      en: 'Previews the number occupation fee: ¥240,000 a year for 5 digits, ¥24,000 for 6 digits, accrued monthly and paid quarterly.',
    },
    presentedAs: ['fee-preview', 'code-lens'],
    reason: {
      'zh-cn': '这是计算结果，不是问题；在费用预览和号码上的代码透镜中显示。',
      en: 'A computed value, not a problem; shown in the fee preview and as a code lens on the number.',
    },
  },
  {
    id: 'R-FEE-003',
    name: 'non-payment-consequences',
    status: 'confirmed',
    description: {
      'zh-cn': '提醒拖欠占用费将被收回号码，并处 1 万元以上 10 万元以下罚款。',
      en: 'Warns that unpaid fees lead to recovery of the number and a fine of ¥10,000 to ¥100,000.',
    },
    presentedAs: ['fee-preview'],
    reason: {
      'zh-cn': '固定的说明文字，对每份申请都成立；在费用预览中显示。',
      en: 'Fixed text, true of every application; shown in the fee preview.',
    },
  },
  {
    id: 'R-ANNUAL-001',
    name: 'annual-number-report',
    status: 'confirmed',
    description: {
      'zh-cn': '提醒每年 3 月 31 日前在工信部政务服务平台提交码号年报。',
      en: 'Reminds the holder to file the annual number report on the MIIT service platform by 31 March each year.',
    },
    presentedAs: ['export-checklist'],
    reason: {
      'zh-cn': '获批之后的义务，申请文件中没有可检查的内容；列入导出材料清单。',
      en: 'A duty after approval, with nothing in the application to check; listed in the export checklist.',
    },
  },
  {
    id: 'R-ANNUAL-002',
    name: 'number-filing',
    status: 'secondary',
    description: {
      'zh-cn': '提醒开通前办理码号备案，变更获批后 10 个工作日内更新备案。',
      en: 'Reminds the holder to file the number before opening and to update the filing within 10 working days of an approved change.',
    },
    presentedAs: ['export-checklist'],
    reason: {
      'zh-cn': '获批之后的义务，申请文件中没有可检查的内容；列入导出材料清单。',
      en: 'A duty after approval, with nothing in the application to check; listed in the export checklist.',
    },
  },
  {
    id: 'R-PROCESS-001',
    name: 'review-time',
    status: 'confirmed',
    description: {
      'zh-cn': '说明审批时限为受理后 20 个工作日（可延长 10 个工作日），并据此计算预计决定日期。',
      en: 'Explains that the review takes 20 working days from acceptance (extendable by 10) and computes the expected decision date.',
    },
    presentedAs: ['export-checklist'],
    reason: {
      'zh-cn': '审查时限对每份申请都一样，是要显示的信息，不是问题；在导出材料清单的办理流程部分显示。',
      en: 'The review period is the same for every application: information to show, not a problem; shown in the process part of the export checklist.',
    },
  },
];

/** The reminder with this ID, if any. */
export function reminderById(id: string): ReminderEntry | undefined {
  return reminders.find((reminder) => reminder.id === id);
}
