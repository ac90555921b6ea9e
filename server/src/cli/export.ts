/**
 * The `export` command: `miit95 export <file> [--out <dir>] [--zip] [--draft] [--force] [--config <file>]
 * [--today <date>] [--lang]` writes the submission package through the same export as the editor's
 * (host/export-application.ts), dated by SOURCE_DATE_EPOCH when it is set (host/export-time.ts).
 * Exit codes: 0 written; 1 refused because error findings remain (listed; `--draft` exports anyway);
 * 2 bad usage, unreadable input, or the package exists without `--force`. Owns the command's
 * options, messages and help text.
 */
import * as path from 'node:path';
import type { Locale, LocalizedText } from '../core';
import { openCliHost } from '../host/cli-configs';
import { exportApplication, type ExportResult } from '../host/export-application';
import { exportTime } from '../host/export-time';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './check';
import type { CliIo } from './io';
import { bilingual, readFailureText } from './messages';
import { MAX_APPLICATION_BYTES } from '../node/read-text';

export interface ExportCommand {
  readonly kind: 'export';
  readonly file: string;
  readonly outDir?: string;
  readonly zip: boolean;
  readonly draft: boolean;
  readonly force: boolean;
  readonly locale: Locale;
  readonly today?: string;
  /** `--config <file>`: the configuration to use instead of the nearest `.miit95.yaml`. */
  readonly config?: string;
}

interface UsageError {
  readonly kind: 'usage-error';
  readonly message: LocalizedText;
}

export function exportCommand(
  values: {
    readonly out?: string | undefined;
    readonly zip?: boolean | undefined;
    readonly draft?: boolean | undefined;
    readonly force?: boolean | undefined;
    readonly today?: string | undefined;
    readonly config?: string | undefined;
  },
  positionals: readonly string[],
  locale: Locale | undefined,
): ExportCommand | UsageError {
  const [file, ...extra] = positionals;
  if (file === undefined)
    return {
      kind: 'usage-error',
      message: { 'zh-cn': 'export 需要一个申请文件。', en: 'export needs one application file.' },
    };
  if (extra.length > 0)
    return {
      kind: 'usage-error',
      message: {
        'zh-cn': `export 只接受一个申请文件（多余：“${extra.join(' ')}”）。`,
        en: `export takes one application file (extra: "${extra.join(' ')}").`,
      },
    };
  if (values.out !== undefined && values.out.trim() === '')
    return { kind: 'usage-error', message: { 'zh-cn': '--out 不能为空。', en: '--out must not be empty.' } };
  return {
    kind: 'export',
    file,
    ...(values.out !== undefined ? { outDir: values.out } : {}),
    zip: values.zip === true,
    draft: values.draft === true,
    force: values.force === true,
    locale: locale ?? 'zh-cn',
    ...(values.today !== undefined ? { today: values.today } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

function line(text: LocalizedText, locale: Locale): string {
  return `${text[locale]}\n`;
}

function report(result: ExportResult, command: ExportCommand, io: CliIo, file: string): number {
  const { locale } = command;
  switch (result.status) {
    case 'unreadable':
      io.err(bilingual(readFailureText(file, result.failure, MAX_APPLICATION_BYTES)));
      return EXIT_USAGE;
    case 'no-data':
      io.err(
        bilingual({
          'zh-cn': `没有可导出的申请数据：${file}（文件为空或不是 YAML 映射）。`,
          en: `nothing to export: ${file} (the file is empty or not a YAML mapping).`,
        }),
      );
      return EXIT_USAGE;
    case 'exists':
      io.err(
        bilingual({
          'zh-cn': `导出包已存在：${result.target}。加 --force 覆盖。`,
          en: `the export package already exists: ${result.target}. Add --force to overwrite it.`,
        }),
      );
      return EXIT_USAGE;
    case 'blocked': {
      io.err(
        bilingual({
          'zh-cn': `仍有 ${result.blocking.length} 个错误，未导出。请先修正，或加 --draft 导出标有“草稿”的材料：`,
          en: `${result.blocking.length} error(s) remain, nothing was exported. Fix them first, or add --draft for a package marked "草稿" (draft):`,
        }),
      );
      for (const f of result.blocking) {
        const where = f.line > 0 ? `${file}:${f.line}:${f.column}` : `${file} (${f.path})`;
        io.err(`${where} ${f.severity} ${f.code} ${f.message[locale].replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
      }
      return EXIT_FINDINGS;
    }
    case 'written': {
      const target = path.relative(io.cwd, result.target) || result.target;
      io.out(
        line(
          command.draft
            ? { 'zh-cn': `已导出草稿（每份文件都标有“草稿”）：${target}`, en: `Draft exported (every document marked "草稿"): ${target}` }
            : { 'zh-cn': `已导出：${target}`, en: `Exported: ${target}` },
          locale,
        ),
      );
      for (const f of result.model.exportFindings) io.out(`  ${f.severity} ${f.code} ${f.message[locale]}\n`);
      for (const note of result.notes) io.err(bilingual(note));
      const counts = result.manifest.findings.reduce(
        (acc, f) => ({ ...acc, [f.severity]: (acc[f.severity] ?? 0) + 1 }),
        {} as Record<string, number>,
      );
      io.out(
        line(
          {
            'zh-cn': `文件 ${result.manifest.files.length + 1} 个；错误 ${counts['error'] ?? 0} 个，警告 ${counts['warning'] ?? 0} 个（见 manifest.json 和 材料清单.md）。`,
            en: `${result.manifest.files.length + 1} files; ${counts['error'] ?? 0} errors, ${counts['warning'] ?? 0} warnings (see manifest.json and 材料清单.md).`,
          },
          locale,
        ),
      );
      return EXIT_OK;
    }
  }
}

export async function runExport(command: ExportCommand, io: CliIo): Promise<number> {
  const absolute = path.resolve(io.cwd, command.file);
  const outDir = path.resolve(io.cwd, command.outDir ?? path.dirname(absolute));
  const opened = openCliHost(command.config, io.cwd, command.today);
  if ('problem' in opened) {
    io.err(bilingual(opened.problem));
    return EXIT_USAGE;
  }
  const { host } = opened;
  const time = exportTime(process.env, () => host.now());
  if (!time.ok) {
    io.err(bilingual(time.message));
    return EXIT_USAGE;
  }
  const result = await exportApplication(
    { file: absolute, outDir, zip: command.zip, draft: command.draft, overwrite: command.force, now: time.now },
    host,
  );
  return report(result, command, io, path.relative(io.cwd, absolute) || path.basename(absolute));
}

export const EXPORT_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 export <申请文件> [--out <文件夹>] [--zip] [--draft] [--force] [--config <文件>] [--lang zh|en]

导出申报材料包“<名称>-申报材料/”：申请表.docx（材料1—6及材料清单）、技术方案.docx（材料7—11，
含 Erlang C 坐席核算和网络组织方案图）、电话接入号码使用承诺书.docx（请与工信部官方模板核对）、
网络组织方案图.svg、材料清单.md、manifest.json（版本、检查结果、抑制理由、每个文件的 SHA-256）
以及 附件/（只复制申请文件所在目录树内的附件）。先写入旁边的临时文件夹，完成后再改名（原子写入）。

选项：
  -o, --out <文件夹>   导出到该文件夹（默认：申请文件所在文件夹）
      --zip            写成一个 ZIP 文件“<名称>-申报材料.zip”，代替文件夹
      --draft          仍有错误时也导出：每份文件标注“草稿”（页眉文字和斜向水印），manifest 中 draft 为 true
      --force          覆盖已存在的导出包（否则拒绝）
  -c, --config <文件>  使用该配置文件（默认：离申请文件最近的 .miit95.yaml）
      --today <日期>   日期规则使用的“今天”（YYYY-MM-DD，默认本地日期）
  -l, --lang zh|en     提示信息的语言（默认 zh；材料本身始终为中文）
  -h, --help           显示本帮助

环境变量 SOURCE_DATE_EPOCH（整秒数）设定时，材料的日期和 ZIP 内文件的时间都取该值，便于得到逐字节相同的导出包。

退出码：
  0  已导出
  1  仍有错误，未导出（列出错误；可加 --draft）
  2  用法错误、文件无法读取，或导出包已存在且未加 --force
`,
  en: `Usage:
  miit95 export <application> [--out <folder>] [--zip] [--draft] [--force] [--config <file>] [--lang zh|en]

Exports the submission package "<name>-申报材料/": 申请表.docx (application form, materials 1–6 and the
checklist), 技术方案.docx (technical plan, materials 7–11, with the Erlang C seat check and the network
diagram), 电话接入号码使用承诺书.docx (the pledge; check it against the official MIIT template),
网络组织方案图.svg, 材料清单.md (checklist), manifest.json (versions, findings, suppression reasons,
SHA-256 of every file) and 附件/ (attachments, only those inside the application's folder tree).
Written to a temporary folder beside the target and renamed when complete (atomic).

Options:
  -o, --out <folder>   export into this folder (default: the application's folder)
      --zip            write one ZIP file "<name>-申报材料.zip" instead of the folder
      --draft          export although errors remain: every document is marked "草稿" (draft) in the
                       page header and with a diagonal watermark; the manifest says draft: true
      --force          overwrite an existing package (refused otherwise)
  -c, --config <file>  use this configuration file (default: the .miit95.yaml nearest the application)
      --today <date>   "today" for the date rules (YYYY-MM-DD, default: the local date)
  -l, --lang zh|en     language of the messages (default zh; the documents are always Chinese)
  -h, --help           show this help

When SOURCE_DATE_EPOCH (whole seconds) is set, it dates the documents and the ZIP entries, so that
the same input gives a byte-identical package.

Exit codes:
  0  exported
  1  errors remain, nothing exported (they are listed; see --draft)
  2  bad usage, unreadable input, or the package exists and --force was not given
`,
};
