/**
 * The `init` command: writes a new application from the core's template (core/template.ts, the same
 * text the editor's "New Application" command writes). The file is `<公司名>.app95.yaml` in the
 * current folder unless `--out` names a file or folder (`--out -` prints it). It never overwrites
 * without `--force`, and writes atomically: a temporary file in the same folder, then a hard link
 * (which fails if the target exists) or, with --force, a rename.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localDate, type Locale, type LocalizedText } from '../core';
import { applicationTemplate, templateFileName } from '../core/template';
import { systemClock } from '../host/validation-host';
import type { CliIo } from './io';
import { bilingual, PROGRAM } from './messages';

export const EXIT_INIT_OK = 0;
/** Bad usage, an existing file without --force, or a write that failed. */
export const EXIT_INIT_FAILED = 2;

export interface InitCommand {
  readonly kind: 'init';
  /** `--name`: the applicant's name; the template keeps a placeholder without it. */
  readonly name?: string;
  /** `--out`: a file, a folder, or `-` for standard output. */
  readonly out?: string;
  /** `--force`: replace an existing file. */
  readonly force: boolean;
  readonly locale: Locale;
}

/** Builds the init command from parsed options (args.ts); a usage error text for extra arguments. */
export function initCommand(
  values: { readonly name?: string | undefined; readonly out?: string | undefined; readonly force?: boolean | undefined },
  positionals: readonly string[],
  locale: Locale | undefined,
): InitCommand | { readonly kind: 'usage-error'; readonly message: LocalizedText } {
  if (positionals.length > 0) {
    return {
      kind: 'usage-error',
      message: {
        'zh-cn': `init 不接受文件参数（“${positionals.join(' ')}”）；用 --out 指定输出文件，用 --name 指定公司名。`,
        en: `init takes no file arguments ("${positionals.join(' ')}"); use --out for the output file and --name for the company name.`,
      },
    };
  }
  if (values.name !== undefined && values.name.trim() === '') {
    return { kind: 'usage-error', message: { 'zh-cn': '--name 不能为空。', en: '--name must not be empty.' } };
  }
  return {
    kind: 'init',
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    force: values.force === true,
    locale: locale ?? 'zh-cn',
  };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Where the file goes: `--out` (a folder gets the default name inside it) or the default name in cwd. */
export function initTarget(command: InitCommand, cwd: string): string {
  const fileName = templateFileName(command.name ?? '');
  if (command.out === undefined) return path.resolve(cwd, fileName);
  const out = path.resolve(cwd, command.out);
  return isDirectory(out) || /[\\/]$/.test(command.out) ? path.join(out, fileName) : out;
}

/** Writes `text` to `target` through a temporary file; refuses an existing target unless `force`. */
export function writeAtomically(target: string, text: string, force: boolean): 'written' | 'exists' {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  if (!force && fs.existsSync(target)) return 'exists';
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  fs.writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
  try {
    if (force) {
      fs.renameSync(temp, target);
      return 'written';
    }
    try {
      fs.linkSync(temp, target); // atomic "create only if absent"
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      // A file system without hard links: check, then rename (a small race, documented).
      if (fs.existsSync(target)) return 'exists';
      fs.renameSync(temp, target);
    }
    return 'written';
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function runInit(command: InitCommand, io: CliIo, today: string = localDate(systemClock())): number {
  const text = applicationTemplate({ companyName: command.name ?? '', today });
  if (command.out === '-') {
    io.out(text);
    return EXIT_INIT_OK;
  }
  const target = initTarget(command, io.cwd);
  const shown = path.relative(io.cwd, target) || target;
  let outcome: 'written' | 'exists';
  try {
    outcome = writeAtomically(target, text, command.force);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.err(bilingual({ 'zh-cn': `无法写入 ${shown}：${detail}`, en: `cannot write ${shown}: ${detail}` }));
    return EXIT_INIT_FAILED;
  }
  if (outcome === 'exists') {
    io.err(
      bilingual({
        'zh-cn': `文件已存在：${shown}。如要覆盖，请加 --force；或用 --out 指定其他文件。`,
        en: `file exists: ${shown}. Add --force to overwrite it, or choose another file with --out.`,
      }),
    );
    return EXIT_INIT_FAILED;
  }
  io.out(
    command.locale === 'en'
      ? `Created ${shown}. Replace every 待填写 / 请填写… placeholder, then run: ${PROGRAM} check "${shown}"\n`
      : `已创建 ${shown}。请把所有“待填写”“请填写……”换成实际内容，然后运行：${PROGRAM} check "${shown}"\n`,
  );
  return EXIT_INIT_OK;
}

export const INIT_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 init [--name <公司名>] [--out <文件或文件夹>|-] [--force] [--lang zh|en]

生成一份新的申请文件：包含全部各节，需要填写的地方写着“待填写”或“请填写……”，并有中文注释。
与编辑器中“新建申请”命令生成的内容相同。运行 miit95 check 时，问题只会出现在这些占位处。

选项：
  -n, --name <公司名>       申请单位名称，写入 applicant.name 和 licence.holder_name
                            （不给则保留占位）；默认文件名为“<公司名>.app95.yaml”
  -o, --out <文件或文件夹>  输出到该文件；给出文件夹时写入其中的默认文件名；“-”输出到标准输出
      --force               覆盖已存在的文件（否则拒绝覆盖）
  -l, --lang zh|en          提示信息的语言（默认 zh）
  -h, --help                显示本帮助

文件先写入同一文件夹下的临时文件再原子地改名，不会留下写了一半的文件。

退出码：
  0  已创建
  2  用法错误、文件已存在（未加 --force）或无法写入
`,
  en: `Usage:
  miit95 init [--name <company>] [--out <file or folder>|-] [--force] [--lang zh|en]

Writes a new application file with every section, a 待填写 ("to fill in") or 请填写… ("please
fill in …") placeholder wherever the applicant's data goes, and comments in Chinese. It is the same
text the editor's "New Application" command writes; miit95 check reports problems only on the
placeholders.

Options:
  -n, --name <company>      the applicant's name, written to applicant.name and
                            licence.holder_name (a placeholder without it); the default file
                            name is "<company>.app95.yaml"
  -o, --out <file or folder> write to this file; a folder gets the default file name inside it;
                            "-" prints to standard output
      --force               overwrite an existing file (refused otherwise)
  -l, --lang zh|en          language of the messages (default zh)
  -h, --help                show this help

The file is written to a temporary file in the same folder and then renamed atomically, so no
half-written file is left behind.

Exit codes:
  0  created
  2  bad usage, the file exists (without --force), or it could not be written
`,
};
