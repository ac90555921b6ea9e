/**
 * The `fix` command: applies every SAFE fix to application files — exactly what the editor's
 * `source.fixAll.miit95` applies (the core's planFixAll over the same findings: same attachment
 * probe, same `.miit95.yaml`) — and reports each change. Writes atomically (a temporary file in the
 * same folder, then a rename; the file's mode and a leading BOM are kept); `--dry-run` prints a
 * unified diff instead and writes nothing. Exit code: 0 when every file could be processed (fixed or
 * not), 2 on bad usage or a file that could not be read or written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, isConfigFileName, LineIndex, planFixAll, type Locale, type LocalizedText } from '../core';
import { discoverApplications } from '../node/discover';
import { MAX_APPLICATION_BYTES } from '../node/read-text';
import { describeError, type SafeValidation } from '../node/validate-safely';
import { openCliHost } from '../host/cli-configs';
import { unifiedDiff } from './diff';
import type { CliIo } from './io';
import { bilingual, inputProblemText, internalErrorText, readFailureText, usage } from './messages';

export const EXIT_FIX_OK = 0;
export const EXIT_FIX_FAILED = 2;

export interface FixCommand {
  readonly kind: 'fix';
  readonly paths: readonly string[];
  /** `--dry-run`: print a diff, write nothing. */
  readonly dryRun: boolean;
  readonly locale: Locale;
  /** `--config <file>`: the configuration for every file (else the nearest `.miit95.yaml`). */
  readonly config?: string;
}

export const FIX_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 fix <文件或文件夹...> [--dry-run] [--config <文件>] [--lang zh|en]

自动修复申请文件中可以安全修复的问题，与编辑器中的“修复所有可安全自动修复的问题”
（source.fixAll.miit95，可配合 editor.codeActionsOnSave 在保存时执行）结果相同：
  - 省份、城市简写改为正式名称（如 浙江 → 浙江省，杭州 → 杭州市）
  - 拼错的键名改为唯一的建议（如 bussiness_model → business_model）
  - 拼错的取值改为唯一的建议；只允许一个取值的字段改为该值
  - 许可证编号改为标准写法（如 “ b2 – 2011 0196 号 ” → B2-20110196）
删除内容、移动内容、插入占位值以及需要在几个方案中选择的修复不会自动执行，
请在编辑器中通过快速修复（Ctrl+.）逐个选择。每处修改都会列出（行:列、规则、修改内容）。

文件夹的查找方式与 check 相同。文件先写入同一文件夹中的临时文件再改名替换原文件
（保留文件权限和 BOM）。

选项：
  --dry-run                 只显示将要进行的修改（统一差异格式），不写入文件
  -c, --config <文件>       所有文件都使用此配置文件（默认：各自最近的 .miit95.yaml）
  -l, --lang zh|en          说明文字的语言（默认 zh）
  -h, --help                显示本帮助

退出码：
  0  所有文件都已处理（无论是否有修改）
  2  用法错误，或文件无法读取或写入
`,
  en: `Usage:
  miit95 fix <files or folders...> [--dry-run] [--config <file>] [--lang zh|en]

Applies every safe fix to application files, with the same result as the editor's "Fix all
safely fixable problems" (source.fixAll.miit95, also on save with editor.codeActionsOnSave):
  - short province and city names to the official names (浙江 → 浙江省, 杭州 → 杭州市)
  - a misspelt key to its one suggestion (bussiness_model → business_model)
  - a misspelt value to its one suggestion; the only value a field allows
  - a licence number to its standard form (" b2 – 2011 0196 号 " → B2-20110196)
Removals, moves, inserted placeholders and fixes that choose between alternatives are never
applied automatically: pick them one by one as quick fixes (Ctrl+.) in the editor. Every change
is listed (line:column, rule, change).

Folders are searched as by check. Each file is written to a temporary file in its folder, then
renamed over the original (its permissions and BOM are kept).

Options:
  --dry-run                 show the changes as a unified diff; write nothing
  -c, --config <file>       use this configuration for every file (default: the nearest
                            .miit95.yaml of each)
  -l, --lang zh|en          language of the report (default zh)
  -h, --help                show this help

Exit codes:
  0  every file was processed (changed or not)
  2  bad usage, or a file that could not be read or written
`,
};

/** Builds the fix command from parsed options (args.ts). */
export function fixCommand(
  values: { readonly 'dry-run'?: boolean | undefined; readonly config?: string | undefined },
  paths: readonly string[],
  locale: Locale | undefined,
): FixCommand | { readonly kind: 'usage-error'; readonly message: LocalizedText } {
  if (paths.length === 0) return { kind: 'usage-error', message: usage.noPaths };
  return {
    kind: 'fix',
    paths,
    dryRun: values['dry-run'] === true,
    locale: locale ?? 'zh-cn',
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

/** The new text of an application after fix-all, with what was fixed; the same plan the editor applies. */
export interface FixedText {
  readonly text: string;
  readonly changes: readonly { readonly line: number; readonly column: number; readonly code: string; readonly title: LocalizedText }[];
}

/** Plans and applies fix-all to one text (already validated as `findings` of `document`). */
export function fixText(
  original: string,
  validation: SafeValidation,
): FixedText | undefined {
  const parsed = validation.result?.document;
  if (parsed === undefined || validation.error !== undefined) return undefined;
  const plan = planFixAll(parsed, validation.findings);
  if (plan.edits.length === 0) return { text: original, changes: [] };
  const lines = new LineIndex(original);
  return {
    text: applyEdits(original, plan.edits),
    changes: plan.fixes.map(({ finding, intent }) => {
      const at = lines.positionAt(finding.range.start);
      return { line: at.line + 1, column: at.character + 1, code: finding.code, title: intent.title };
    }),
  };
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function hasBom(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(3);
    return fs.readSync(fd, head, 0, 3, 0) === 3 && head.equals(UTF8_BOM);
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces `file` with `text` through a temporary file in the same folder (mode and BOM kept). */
export function replaceFileAtomically(file: string, text: string): void {
  const target = fs.realpathSync(file);
  const mode = fs.statSync(target).mode & 0o777;
  const bytes = Buffer.concat([hasBom(target) ? UTF8_BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.fix.tmp`);
  fs.writeFileSync(temp, bytes, { flag: 'wx', mode });
  try {
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function summary(files: number, changes: number, dryRun: boolean, locale: Locale): string {
  if (changes === 0) {
    return locale === 'en' ? 'Nothing to fix automatically.' : '没有可自动修复的问题。';
  }
  if (locale === 'en') {
    const p = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
    return dryRun
      ? `Would fix ${p(changes, 'problem')} in ${p(files, 'file')} (dry run: nothing written).`
      : `Fixed ${p(changes, 'problem')} in ${p(files, 'file')}.`;
  }
  return dryRun
    ? `将修复 ${files} 个文件中的 ${changes} 处问题（--dry-run：未写入文件）。`
    : `已修复 ${files} 个文件中的 ${changes} 处问题。`;
}

export function runFix(command: FixCommand, io: CliIo, options: { readonly today?: string; readonly maxBytes?: number } = {}): number {
  const maxBytes = options.maxBytes ?? MAX_APPLICATION_BYTES;
  const opened = openCliHost(command.config, io.cwd, options.today);
  if ('problem' in opened) {
    io.err(bilingual(opened.problem));
    return EXIT_FIX_FAILED;
  }
  const { host } = opened;
  const { files, problems } = discoverApplications(command.paths, io.cwd);
  let failed = problems.length > 0;
  for (const problem of problems) io.err(bilingual(inputProblemText(problem)));
  const { locale } = command;
  let changedFiles = 0;
  let changeCount = 0;
  for (const absolute of files) {
    if (isConfigFileName(path.basename(absolute))) continue;
    const file = path.relative(io.cwd, absolute) || path.basename(absolute);
    const validation = host.validate(absolute, undefined, maxBytes);
    if (!validation.ok) {
      failed = true;
      io.err(bilingual(readFailureText(file, validation.failure, maxBytes)));
      continue;
    }
    const read = validation;
    if (validation.error !== undefined) io.err(bilingual(internalErrorText(file, describeError(validation.error))));
    const fixed = fixText(read.text, validation);
    if (fixed === undefined || fixed.changes.length === 0) continue;
    if (command.dryRun) {
      io.out(unifiedDiff(read.text, fixed.text, `a/${file}`, `b/${file}`));
    } else {
      try {
        replaceFileAtomically(absolute, fixed.text);
      } catch (error) {
        failed = true;
        const detail = error instanceof Error ? error.message : String(error);
        io.err(bilingual({ 'zh-cn': `无法写入 ${file}：${detail}`, en: `cannot write ${file}: ${detail}` }));
        continue;
      }
    }
    changedFiles++;
    changeCount += fixed.changes.length;
    const count = fixed.changes.length;
    io.out(
      locale === 'en'
        ? `${file}: ${command.dryRun ? 'would fix' : 'fixed'} ${count} problem${count === 1 ? '' : 's'}\n`
        : `${file}：${command.dryRun ? '将修复' : '已修复'} ${count} 处\n`,
    );
    for (const change of fixed.changes) {
      io.out(`  ${change.line}:${change.column}  ${change.code}  ${change.title[locale]}\n`);
    }
  }
  io.out(`${summary(changedFiles, changeCount, command.dryRun, locale)}\n`);
  return failed ? EXIT_FIX_FAILED : EXIT_FIX_OK;
}
