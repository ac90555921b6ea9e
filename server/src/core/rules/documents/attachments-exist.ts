/**
 * R-DOCS-001, attachment part: every attachment path of the application resolves to a file inside
 * the application's folder tree (the export copies only that tree). The presence of the 12 materials
 * is the schema's `required` lists (reference.md §9.6, S0 section 二), so this rule only looks at
 * paths that are written. Without a file probe (e.g. an unsaved editor buffer) it stays silent.
 * `tech.network_diagram.file` is left to R-TECH-005, which checks that file with its own messages, so
 * a missing diagram gives one finding, not two.
 */
import type { DataPath, FixIntent, LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { get, getArray } from '../../document/data-access';
import type { FileProbe } from '../../files';

/** The folder the samples and the export use for attachments. */
const ATTACHMENT_FOLDER = '附件';

/** An attachment field of the format and what it holds. */
interface AttachmentField {
  readonly path: DataPath;
  readonly what: LocalizedText;
  /** True when the field is a list of paths. */
  readonly list?: boolean;
}

export const ATTACHMENT_FIELDS: readonly AttachmentField[] = [
  { path: ['applicant', 'business_licence_file'], what: { 'zh-cn': '营业执照', en: 'business licence' } },
  { path: ['licence', 'files'], what: { 'zh-cn': '许可证', en: 'licence' }, list: true },
  { path: ['pledge', 'file'], what: { 'zh-cn': '《电话接入号码使用承诺书》', en: 'number-use pledge' } },
  { path: ['outbound', 'pledge_file'], what: { 'zh-cn': '不违规呼出承诺书', en: 'outbound pledge' } },
];

/** The written attachment paths with their data paths, in document order of the fields. */
export function attachmentPaths(app: unknown): { path: DataPath; value: string; what: LocalizedText }[] {
  const found: { path: DataPath; value: string; what: LocalizedText }[] = [];
  for (const field of ATTACHMENT_FIELDS) {
    if (field.list) {
      getArray(app, field.path).forEach((item, index) => {
        if (typeof item === 'string')
          found.push({ path: [...field.path, index], value: item, what: field.what });
      });
    } else {
      const value = get(app, field.path);
      if (typeof value === 'string') found.push({ path: field.path, value, what: field.what });
    }
  }
  return found;
}

/** A file of the same name in the attachment folder, when it exists and is not what was written. */
function sameNameInAttachmentFolder(files: FileProbe, written: string): string | undefined {
  const name = written.split(/[\\/]/).pop()?.trim();
  if (name === undefined || name === '' || name === '.' || name === '..') return undefined;
  const candidate = `${ATTACHMENT_FOLDER}/${name}`;
  if (candidate === written.trim().replace(/\\/g, '/')) return undefined;
  return files.probe(candidate) === 'file' ? candidate : undefined;
}

export const attachmentsExist = defineRule({
  id: 'R-DOCS-001',
  name: 'attachments-exist',
  defaultSeverity: 'error',
  status: 'secondary',
  description: {
    'zh-cn': '12 项材料齐全（由 schema 的必填项检查），且每个附件路径都指向申请文件所在目录树内的一个文件。',
    en: "All 12 materials are present (the schema's required fields), and every attachment path names a file inside the application's folder tree.",
  },
  fixable: true,
  fields: [
    'applicant.business_licence_file',
    'licence.files',
    'licence.files.*',
    'tech.network_diagram.file',
    'pledge.file',
    'outbound.pledge_file',
  ],
  messages: {
    missing: {
      'zh-cn': '附件不存在：{what}“{value}”在申请文件所在目录中找不到。请把文件放到这个路径，或改正路径。',
      en: 'Attachment not found: {what} "{value}" does not exist relative to the application file. Put the file there, or correct the path.',
    },
    outside: {
      'zh-cn':
        '附件路径在申请文件所在目录之外，导出时不会复制：{what}“{value}”。请把文件复制到申请文件所在目录下（如“附件/”），并改用相对路径。',
      en: 'The attachment path leaves the application\'s folder, so the export will not copy it: {what} "{value}". Copy the file into the application\'s folder (e.g. "附件/") and use a relative path.',
    },
    directory: {
      'zh-cn':
        '附件路径指向一个文件夹，不是文件：{what}“{value}”。请填写文件的路径（如“附件/营业执照.pdf”）。',
      en: 'The attachment path names a folder, not a file: {what} "{value}". Give the path of the file (e.g. "附件/营业执照.pdf").',
    },
  },
  check(ctx) {
    const files = ctx.files;
    if (files === undefined) return;
    for (const attachment of attachmentPaths(ctx.app)) {
      if (attachment.value === '') continue; // the schema's minLength
      const kind = files.probe(attachment.value);
      if (kind === 'file') continue;
      const params = { value: attachment.value, what: attachment.what };
      const fixes: FixIntent[] = [];
      if (kind === 'missing' || kind === 'outside') {
        const candidate = sameNameInAttachmentFolder(files, attachment.value);
        if (candidate !== undefined) {
          fixes.push({
            kind: 'replaceValue',
            path: attachment.path,
            value: candidate,
            title: {
              'zh-cn': `改为“${candidate}”（该文件已在申请文件所在目录中）`,
              en: `Change to "${candidate}" (that file is in the application's folder)`,
            },
          });
        }
      }
      ctx.report({
        path: attachment.path,
        messageId: kind,
        params,
        ...(fixes.length > 0 ? { fixes } : {}),
      });
    }
  },
});
