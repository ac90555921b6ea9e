/**
 * Every text the CLI prints except help (help.ts) and the findings' own messages: usage errors and
 * input problems, always in both languages (Chinese first, since the faulty input may be the
 * `--lang` flag itself), and the summary line, in the chosen language.
 */
import type { LocalizedText, Locale } from '../core';
import type { InputProblem } from '../node/discover';
export { readFailureText } from '../node/read-failure-text';

export const PROGRAM = 'miit95';

/** Two lines, Chinese then English, each prefixed with the program name. */
export function bilingual(text: LocalizedText): string {
  return `${PROGRAM}: ${text['zh-cn']}\n${PROGRAM}: ${text.en}\n`;
}

export const usageHint: LocalizedText = {
  'zh-cn': `运行 “${PROGRAM} --help” 查看用法。`,
  en: `Run "${PROGRAM} --help" for usage.`,
};

export const usage = {
  noCommand: { 'zh-cn': '缺少命令。', en: 'missing command.' },
  unknownCommand: (command: string): LocalizedText => ({
    'zh-cn': `未知命令：${command}`,
    en: `unknown command: ${command}`,
  }),
  badOption: (detail: string): LocalizedText => ({
    'zh-cn': `命令行参数有误：${detail}`,
    en: `invalid arguments: ${detail}`,
  }),
  noPaths: {
    'zh-cn': '请至少指定一个要检查的文件或文件夹。',
    en: 'give at least one file or folder to check.',
  },
  badFormat: (value: string): LocalizedText => ({
    'zh-cn': `--format 的取值无效：“${value}”（可用：text、json）`,
    en: `invalid --format value "${value}" (use text or json)`,
  }),
  badLang: (value: string): LocalizedText => ({
    'zh-cn': `--lang 的取值无效：“${value}”（可用：zh、en）`,
    en: `invalid --lang value "${value}" (use zh or en)`,
  }),
} as const;

export function inputProblemText(problem: InputProblem): LocalizedText {
  const p = problem.input;
  switch (problem.reason) {
    case 'missing':
      return { 'zh-cn': `找不到文件或文件夹：${p}`, en: `no such file or folder: ${p}` };
    case 'no-applications':
      return {
        'zh-cn': `文件夹中没有申请文件（*.app95.yaml 或 *.app95.yml）：${p}`,
        en: `no application files (*.app95.yaml or *.app95.yml) in folder: ${p}`,
      };
    case 'unreadable':
      return {
        'zh-cn': `无法读取：${p}（${problem.detail ?? ''}）`,
        en: `cannot read: ${p} (${problem.detail ?? ''})`,
      };
  }
}

export function internalErrorText(file: string, detail: string): LocalizedText {
  return {
    'zh-cn': `检查 ${file} 时发生内部错误：${detail}`,
    en: `internal error while checking ${file}: ${detail}`,
  };
}

export interface Counts {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** info and hint findings together. */
  readonly notes: number;
  /** Inputs that could not be checked (reported on stderr): missing, not UTF-8, too big, … */
  readonly unusable?: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The last line of a text run. It always says how many files were checked; when an input could not
 * be checked it says so too, so a run that checked nothing (a single file saved as GBK, say) still
 * ends with a summary, and never with "no problems found" alone.
 */
export function summaryText(counts: Counts, locale: Locale): string {
  const { files, errors, warnings, notes } = counts;
  const unusable = counts.unusable ?? 0;
  const clean = errors + warnings + notes === 0;
  // "Checked 0 files: no problems found" would hide that nothing could be checked.
  const quiet = clean && files === 0 && unusable > 0;
  if (locale === 'en') {
    const found = quiet
      ? ''
      : clean
        ? ': no problems found'
        : `: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
    const what = unusable === 1 ? '1 file or folder' : `${unusable} files or folders`;
    const skipped = unusable === 0 ? '' : `; ${what} could not be checked (see the messages above)`;
    return `Checked ${plural(files, 'file')}${found}${skipped}.`;
  }
  const found = quiet
    ? ''
    : clean
      ? '，未发现问题'
      : `：${errors} 个错误，${warnings} 个警告，${notes} 个提示`;
  const skipped = unusable === 0 ? '' : `；${unusable} 个文件或文件夹无法检查（原因见上方说明）`;
  return `检查了 ${files} 个文件${found}${skipped}。`;
}
