/**
 * The materials checklist: the 12 materials with their status and attachments, the attachments the
 * export could not copy (as export findings), and the duties after approval from the reminder
 * entries presented in the export checklist (R-ANNUAL-001/002, R-PROCESS-001 with the expected
 * decision date, R-DOCS-002). Renders it as 材料清单.md and as a table block for 申请表.docx.
 */
import { formatIsoDate, parseIsoDate } from '../checks/dates';
import { addWorkingDays, calendarNote, REVIEW_EXTENSION_WORKING_DAYS, REVIEW_WORKING_DAYS } from '../checks/working-days';
import { reminderById } from '../rules/reminders';
import type { DataPath, Finding, LocalizedText } from '../types';
import type {
  AttachmentOutcome,
  AttachmentStatus,
  Block,
  Checklist,
  DutyEntry,
  ExportFinding,
  ManifestFinding,
  MaterialEntry,
  MaterialStatus,
} from './types';
import { DRAFT_MARK, PACKAGE_FILES } from './types';
import { materialEntries, otherAttachments } from './materials';


export const MATERIAL_STATUS_LABELS: Readonly<Record<MaterialStatus, LocalizedText>> = {
  complete: { 'zh-cn': '完整', en: 'complete' },
  errors: { 'zh-cn': '有错误', en: 'has errors' },
  missing: { 'zh-cn': '缺失', en: 'missing' },
};

const ATTACHMENT_STATUS_LABELS: Readonly<Record<AttachmentStatus, LocalizedText>> = {
  copied: { 'zh-cn': '已复制', en: 'copied' },
  outside: { 'zh-cn': '路径在申请文件所在目录之外，未复制', en: "outside the application's folder, not copied" },
  missing: { 'zh-cn': '文件不存在，未复制', en: 'file not found, not copied' },
  'not-a-file': { 'zh-cn': '不是普通文件，未复制', en: 'not a regular file, not copied' },
  'too-big': { 'zh-cn': '文件过大，未复制', en: 'file too big, not copied' },
  'skipped-untrusted': {
    'zh-cn': '工作区不受信任，未复制',
    en: 'workspace not trusted, not copied',
  },
  unreadable: { 'zh-cn': '无法读取，未复制', en: 'unreadable, not copied' },
};

/** The export finding of an attachment that was not copied (none when it was). */
export function attachmentFinding(outcome: AttachmentOutcome): ExportFinding | undefined {
  if (outcome.status === 'copied') return undefined;
  const label = ATTACHMENT_STATUS_LABELS[outcome.status];
  return {
    code: `export/attachment-${outcome.status}`,
    // Untrusted workspaces skip attachments on purpose: information, not a defect of the application.
    severity: outcome.status === 'skipped-untrusted' ? 'info' : 'error',
    message: {
      'zh-cn': `附件“${outcome.written}”${label['zh-cn']}。`,
      en: `Attachment "${outcome.written}": ${label.en}.`,
    },
    path: outcome.path,
  };
}

function reminderText(id: string, fallback: LocalizedText): LocalizedText {
  return reminderById(id)?.description ?? fallback;
}

/** The duties and process facts of the checklist, with the expected decision date when known. */
export function duties(applicationDate: string | undefined): {
  duties: DutyEntry[];
  expectedDecision?: Checklist['expectedDecision'];
} {
  const start = applicationDate === undefined ? undefined : parseIsoDate(applicationDate);
  const decision = start === undefined ? undefined : addWorkingDays(start, REVIEW_WORKING_DAYS);
  const extended =
    start === undefined ? undefined : addWorkingDays(start, REVIEW_WORKING_DAYS + REVIEW_EXTENSION_WORKING_DAYS);
  const expectedDecision =
    start === undefined || decision === undefined || extended === undefined
      ? undefined
      : {
          from: formatIsoDate(start),
          date: formatIsoDate(decision.date),
          extended: formatIsoDate(extended.date),
        };
  const note = extended === undefined ? undefined : calendarNote(extended);
  const process: LocalizedText =
    expectedDecision === undefined
      ? {
          'zh-cn': '审批时限为受理后 20 个工作日，可延长 10 个工作日（申请日期未填写，无法估算决定日期）。',
          en: 'The review takes 20 working days from acceptance, extendable by 10 (no application date, so no estimate).',
        }
      : {
          'zh-cn': `审批时限为受理后 20 个工作日，可延长 10 个工作日：按 ${expectedDecision.from} 受理估算，预计 ${expectedDecision.date} 前作出决定（如延长，${expectedDecision.extended} 前）。已计入国务院公布的法定节假日与调休${note?.['zh-cn'] ?? ''}。`,
          en: `The review takes 20 working days from acceptance, extendable by 10: accepted on ${expectedDecision.from}, a decision is expected by ${expectedDecision.date} (${expectedDecision.extended} if extended). Public holidays and adjusted working days as announced by the State Council are counted${note?.en ?? ''}.`,
        };
  const list: DutyEntry[] = [
    { id: 'R-PROCESS-001', text: process, confirmation: false },
    {
      id: 'R-ANNUAL-002',
      text: reminderText('R-ANNUAL-002', {
        'zh-cn': '开通前办理码号备案，变更获批后 10 个工作日内更新备案。',
        en: 'File the number before opening; update within 10 working days of an approved change.',
      }),
      confirmation: false,
    },
    {
      id: 'R-ANNUAL-001',
      text: reminderText('R-ANNUAL-001', {
        'zh-cn': '每年 3 月 31 日前提交码号年报。',
        en: 'File the annual number report by 31 March each year.',
      }),
      confirmation: false,
    },
    {
      id: 'R-DOCS-002',
      text: {
        'zh-cn': '我已确认全部申请材料真实、完整（工具无法核实这一点）。',
        en: 'I confirm that all materials are true and complete (the tool cannot verify this).',
      },
      confirmation: true,
    },
  ];
  return expectedDecision === undefined ? { duties: list } : { duties: list, expectedDecision };
}

/** The checklist of an application. */
export function buildChecklist(
  app: unknown,
  applicationDate: string | undefined,
  findings: readonly Finding[],
  exportFindings: readonly ExportFinding[],
  attachments: readonly AttachmentOutcome[],
): Checklist {
  const { duties: list, expectedDecision } = duties(applicationDate);
  return {
    materials: materialEntries(app, findings, exportFindings, attachments),
    otherAttachments: otherAttachments(attachments),
    duties: list,
    ...(expectedDecision !== undefined ? { expectedDecision } : {}),
  };
}

function statusText(material: MaterialEntry): string {
  const label = MATERIAL_STATUS_LABELS[material.status]['zh-cn'];
  const parts: string[] = [];
  if (material.errors > 0) parts.push(`${material.errors} 个错误`);
  if (material.warnings > 0) parts.push(`${material.warnings} 个警告`);
  return parts.length === 0 ? label : `${label}（${parts.join('，')}）`;
}

function attachmentText(outcome: AttachmentOutcome): string {
  return outcome.status === 'copied' && outcome.packagePath !== undefined
    ? outcome.packagePath
    : `${outcome.written}（${ATTACHMENT_STATUS_LABELS[outcome.status]['zh-cn']}）`;
}

function materialAttachments(material: MaterialEntry): string {
  const files = material.attachments.map(attachmentText);
  if (material.number === 7) files.push(PACKAGE_FILES.diagram);
  return files.join('；');
}

/** The checklist as a table block (for 申请表.docx). */
export function checklistTableBlock(checklist: Checklist): Block {
  return {
    kind: 'table',
    columns: [
      { title: '序号', width: 8 },
      { title: '材料', width: 34 },
      { title: '状态', width: 18 },
      { title: '所在文件及附件', width: 40 },
    ],
    rows: checklist.materials.map((m) => [
      String(m.number),
      m.title['zh-cn'],
      statusText(m),
      [m.document, materialAttachments(m)].filter((s) => s !== '').join('；'),
    ]),
  };
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export interface ChecklistMarkdownInput {
  readonly checklist: Checklist;
  readonly applicant: string;
  readonly numbers: readonly string[];
  readonly generatedAt: string;
  readonly rulePack: string;
  readonly draft: boolean;
  readonly findings: readonly ManifestFinding[];
  readonly exportFindings: readonly ExportFinding[];
}

function pathText(path: DataPath): string {
  return path.map(String).join('.');
}

/** 材料清单.md. */
export function checklistMarkdown(input: ChecklistMarkdownInput): string {
  const { checklist } = input;
  const lines: string[] = [];
  lines.push(`# 申请材料清单 / Materials checklist`);
  lines.push('');
  if (input.draft) {
    lines.push(
      `> **${DRAFT_MARK} / DRAFT** — 仍有未解决的错误，本材料包不得提交。/ Errors remain; do not submit this package.`,
    );
    lines.push('');
  }
  lines.push(`- 申请单位 / Applicant：${input.applicant || '（未填写）'}`);
  lines.push(`- 候选号码 / Numbers：${input.numbers.length === 0 ? '（未填写）' : input.numbers.join('、')}`);
  lines.push(`- 生成时间 / Generated：${input.generatedAt}`);
  lines.push(`- 规则包 / Rule pack：${input.rulePack}`);
  lines.push('');
  lines.push('## 12 项申请材料 / The 12 materials');
  lines.push('');
  lines.push('| 序号 | 材料 | 状态 | 所在文件 | 附件 |');
  lines.push('|---:|---|---|---|---|');
  for (const m of checklist.materials) {
    const mark = m.status === 'complete' ? '✅' : m.status === 'errors' ? '❌' : '⬜';
    lines.push(
      `| ${m.number} | ${cell(m.title['zh-cn'])} | ${mark} ${cell(statusText(m))} | ${cell(m.document)} | ${cell(materialAttachments(m) || '—')} |`,
    );
  }
  if (checklist.otherAttachments.length > 0) {
    lines.push('');
    lines.push('其他附件 / Other attachments：');
    lines.push('');
    for (const a of checklist.otherAttachments) lines.push(`- ${attachmentText(a)}`);
  }
  const problems = input.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  lines.push('');
  lines.push('## 检查结果 / Findings');
  lines.push('');
  if (problems.length === 0 && input.exportFindings.length === 0) {
    lines.push('没有错误或警告。/ No errors or warnings.');
  } else {
    for (const f of problems)
      lines.push(`- ${f.severity === 'error' ? '错误' : '警告'} \`${f.code}\` 第 ${f.line} 行：${f.message['zh-cn']}`);
    for (const f of input.exportFindings)
      lines.push(`- ${f.severity === 'error' ? '错误' : '提示'} \`${f.code}\` ${pathText(f.path)}：${f.message['zh-cn']}`);
  }
  lines.push('');
  lines.push('## 获批后的义务与办理流程 / Duties after approval');
  lines.push('');
  for (const duty of checklist.duties) {
    lines.push(`- ${duty.confirmation ? '[ ] ' : ''}**${duty.id}** ${duty.text['zh-cn']}`);
    lines.push(`  <br>${duty.text.en}`);
  }
  lines.push('');
  return `${lines.join('\n')}`;
}
