/**
 * The 12 materials of an application (reference.md §9.6 R-DOCS-001, seed S0 section 二): where each
 * lives in the data and in the package, and its status for the checklist — complete, has errors
 * (an error finding under its data paths, or an attachment that could not be copied) or missing
 * (its data is absent). Owns the material catalogue and the status; wording of the checklist is
 * checklist.ts.
 */
import type { DataPath, Finding, LocalizedText } from '../types';
import type { AttachmentOutcome, ExportFinding, MaterialEntry, MaterialStatus } from './types';
import { PACKAGE_FILES } from './types';
import { at } from './format';

export interface MaterialDefinition {
  readonly number: number;
  readonly title: LocalizedText;
  /** The data paths that make up the material (findings under them count for it). */
  readonly paths: readonly DataPath[];
  /** The paths whose presence means the material is there at all. */
  readonly presence: readonly DataPath[];
  /** The attachment fields of the material (prefixes of AttachmentOutcome.path). */
  readonly attachmentFields: readonly DataPath[];
  /** The document of the package that carries it. */
  readonly document: string;
}

export const MATERIALS: readonly MaterialDefinition[] = [
  {
    number: 1,
    title: { 'zh-cn': '申请单位基本信息及营业执照', en: 'Applicant details and business licence' },
    paths: [['applicant']],
    presence: [['applicant']],
    attachmentFields: [['applicant', 'business_licence_file']],
    document: PACKAGE_FILES.applicationForm,
  },
  {
    number: 2,
    title: { 'zh-cn': '增值电信业务经营许可证', en: 'Value-added telecom business licence' },
    paths: [['licence']],
    presence: [['licence']],
    attachmentFields: [['licence', 'files']],
    document: PACKAGE_FILES.applicationForm,
  },
  {
    number: 3,
    title: { 'zh-cn': '拟开展的业务种类', en: 'Planned business' },
    paths: [['usage', 'businesses']],
    presence: [['usage', 'businesses']],
    attachmentFields: [],
    document: PACKAGE_FILES.applicationForm,
  },
  {
    number: 4,
    title: { 'zh-cn': '号码使用地域范围', en: 'Area of use' },
    paths: [['usage', 'area']],
    presence: [['usage', 'area']],
    attachmentFields: [],
    document: PACKAGE_FILES.applicationForm,
  },
  {
    number: 5,
    title: { 'zh-cn': '号码用途', en: 'Use of the number' },
    paths: [
      ['usage', 'description'],
      ['usage', 'customers'],
      ['usage', 'business_model'],
      ['usage', 'outbound_marketing'],
      ['usage', 'shared_number_statement'],
    ],
    presence: [['usage', 'description']],
    attachmentFields: [],
    document: PACKAGE_FILES.applicationForm,
  },
  {
    number: 6,
    title: { 'zh-cn': '申请号码及拓展位长说明', en: 'Requested number and digit-length extension' },
    paths: [['number']],
    presence: [['number', 'extension']],
    attachmentFields: [],
    document: PACKAGE_FILES.applicationForm,
  },
  {
    number: 7,
    title: { 'zh-cn': '启用码号的技术方案（含网络组织方案图）', en: 'Technical plan (with the network diagram)' },
    paths: [['tech']],
    presence: [['tech']],
    attachmentFields: [['tech', 'network_diagram', 'file']],
    document: PACKAGE_FILES.technicalPlan,
  },
  {
    number: 8,
    title: { 'zh-cn': '启用实施进度安排', en: 'Opening schedule' },
    paths: [['schedule']],
    presence: [['schedule']],
    attachmentFields: [],
    document: PACKAGE_FILES.technicalPlan,
  },
  {
    number: 9,
    title: { 'zh-cn': '用户拨号方式与话务路由方式', en: 'Dialling and call routing' },
    paths: [['dialing']],
    presence: [['dialing']],
    attachmentFields: [],
    document: PACKAGE_FILES.technicalPlan,
  },
  {
    number: 10,
    title: { 'zh-cn': '开通前期工作准备情况', en: 'Preparation before opening' },
    paths: [['preparation']],
    presence: [['preparation']],
    attachmentFields: [],
    document: PACKAGE_FILES.technicalPlan,
  },
  {
    number: 11,
    title: { 'zh-cn': '企业及核心员工从业经验', en: 'Experience of the company and its core staff' },
    paths: [['staff']],
    presence: [['staff']],
    attachmentFields: [],
    document: PACKAGE_FILES.technicalPlan,
  },
  {
    number: 12,
    title: { 'zh-cn': '《电话接入号码使用承诺书》', en: 'Number-use pledge' },
    paths: [['pledge']],
    presence: [['pledge']],
    attachmentFields: [['pledge', 'file']],
    document: PACKAGE_FILES.pledge,
  },
];

/** True when `path` equals `prefix` or lies below it. */
export function startsWith(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

function present(app: unknown, path: DataPath): boolean {
  const value = at(app, ...path.map(String));
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The material a data path belongs to (the first whose paths contain it), if any. */
export function materialOf(path: DataPath): MaterialDefinition | undefined {
  return MATERIALS.find((m) => m.paths.some((prefix) => startsWith(path, prefix)));
}

/** The checklist entries of the 12 materials. */
export function materialEntries(
  app: unknown,
  findings: readonly Finding[],
  exportFindings: readonly ExportFinding[],
  attachments: readonly AttachmentOutcome[],
): MaterialEntry[] {
  return MATERIALS.map((material) => {
    const mine = (path: DataPath): boolean => materialOf(path) === material;
    const errors = [
      ...findings.filter((f) => f.severity === 'error' && mine(f.data.path)).map((f) => f.code),
      ...exportFindings.filter((f) => f.severity === 'error' && mine(f.path)).map((f) => f.code),
    ];
    const warnings = findings.filter((f) => f.severity === 'warning' && mine(f.data.path)).length;
    const isPresent = material.presence.every((path) => present(app, path));
    const status: MaterialStatus = !isPresent ? 'missing' : errors.length > 0 ? 'errors' : 'complete';
    return {
      number: material.number,
      title: material.title,
      status,
      errors: errors.length,
      warnings,
      errorCodes: [...new Set(errors)],
      document: material.document,
      attachments: attachments.filter((a) => material.attachmentFields.some((field) => startsWith(a.path, field))),
    };
  });
}

/** Attachments that belong to no material (the outbound pledge). */
export function otherAttachments(attachments: readonly AttachmentOutcome[]): AttachmentOutcome[] {
  return attachments.filter(
    (a) => !MATERIALS.some((m) => m.attachmentFields.some((field) => startsWith(a.path, field))),
  );
}
