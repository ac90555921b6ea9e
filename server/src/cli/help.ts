/**
 * Help texts of the program and of each command, in Chinese and English. Without `--lang` both are
 * printed, Chinese first; with `--lang` only the chosen one.
 */
import type { Locale, LocalizedText } from '../core';
import { MAX_APPLICATION_BYTES } from '../node/read-text';

export type HelpTopic = 'program' | 'check';

const limitMb = MAX_APPLICATION_BYTES / (1024 * 1024);

const PROGRAM_HELP: LocalizedText = {
  'zh-cn': `miit95 —— 全网呼叫中心 95 号码申请材料检查工具

用法：
  miit95 <命令> [选项]

命令：
  check <文件或文件夹...>   检查申请文件（*.app95.yaml / *.app95.yml）

选项：
  -h, --help                显示帮助（“miit95 check --help” 显示 check 命令的帮助）
  -v, --version             显示版本号
`,
  en: `miit95 — checks applications for a nationwide 95 call-centre number

Usage:
  miit95 <command> [options]

Commands:
  check <files or folders...>   check application files (*.app95.yaml / *.app95.yml)

Options:
  -h, --help                    show help ("miit95 check --help" for the check command)
  -v, --version                 show the version
`,
};

const CHECK_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 check <文件或文件夹...> [--format text|json] [--lang zh|en]

检查申请文件并列出发现的问题。文件夹会递归查找 *.app95.yaml 和 *.app95.yml
（跳过 node_modules 和以“.”开头的文件夹）；直接给出的文件无论名称如何都会检查。

选项：
  -f, --format text|json    输出格式（默认 text）：
                              text：每个问题一行“文件:行:列 严重程度 代码 说明”，最后一行为汇总
                              json：一个 JSON 对象 { "findings": [ { "file", "line", "column",
                                    "endLine", "endColumn", "severity", "code", "message" } ] }
                            行号和列号从 1 开始，文件路径相对于当前目录。
  -l, --lang zh|en          说明文字和汇总的语言（默认 zh）
  -h, --help                显示本帮助

退出码：
  0  没有错误（可能有警告或提示）
  1  至少有一个错误
  2  用法错误，或输入无法读取（文件不存在、文件夹中没有申请文件、不是 UTF-8 编码、
     文件超过 ${limitMb} MB）
`,
  en: `Usage:
  miit95 check <files or folders...> [--format text|json] [--lang zh|en]

Checks application files and lists the problems found. Folders are searched recursively for
*.app95.yaml and *.app95.yml (skipping node_modules and folders starting with "."); files given
explicitly are checked whatever their name.

Options:
  -f, --format text|json    output format (default text):
                              text: one line per problem "file:line:col severity code message",
                                    then a summary line
                              json: one JSON object { "findings": [ { "file", "line", "column",
                                    "endLine", "endColumn", "severity", "code", "message" } ] }
                            Lines and columns are 1-based; files are relative to the current folder.
  -l, --lang zh|en          language of messages and the summary (default zh)
  -h, --help                show this help

Exit codes:
  0  no errors (there may be warnings or notes)
  1  at least one error
  2  bad usage, or unreadable input (missing file, a folder without applications, a file that
     is not UTF-8, a file larger than ${limitMb} MB)
`,
};

export function helpText(topic: HelpTopic, locale: Locale | undefined): string {
  const text = topic === 'check' ? CHECK_HELP : PROGRAM_HELP;
  return locale === undefined ? `${text['zh-cn']}\n${text.en}` : text[locale];
}
