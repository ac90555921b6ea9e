/**
 * Help texts of the program and of each command, in Chinese and English. Without `--lang` both are
 * printed, Chinese first; with `--lang` only the chosen one.
 */
import type { Locale, LocalizedText } from '../core';
import { MAX_APPLICATION_BYTES } from '../node/read-text';
import { INIT_HELP } from './init';
import { FEES_HELP } from './fees';
import { EXPORT_HELP } from './export';
import { FIX_HELP } from './fix';
import { CALENDAR_HELP, PORTFOLIO_HELP } from './portfolio';

export type HelpTopic = 'program' | 'check' | 'rules' | 'init' | 'fees' | 'export' | 'fix' | 'portfolio' | 'calendar';

const limitMb = MAX_APPLICATION_BYTES / (1024 * 1024);

const PROGRAM_HELP: LocalizedText = {
  'zh-cn': `miit95 —— 全网呼叫中心 95 号码申请材料检查工具

用法：
  miit95 <命令> [选项]

命令：
  check <文件或文件夹...>   检查申请文件（*.app95.yaml / *.app95.yml）
  fix <文件或文件夹...>     自动修复可安全修复的问题（--dry-run 只显示差异）
  rules                     列出规则目录（规则 ID、默认级别、状态、说明）
  init [--name <公司名>]    生成新的申请文件模板（<公司名>.app95.yaml）
  fees <申请文件>           预览码号资源占用费（年费、第一年缴费计划、有效期内合计）
  export <申请文件>         导出申报材料包（申请表、技术方案、承诺书 .docx，网络组织方案图，清单，附件）
  portfolio <文件夹...>     列出全部申请的状态、首选号码与年费、材料完整度和期限（text、json、csv）
  calendar <文件夹...>      把全部申请的期限写成日历文件（--out 期限.ics）

选项：
  -h, --help                显示帮助（“miit95 check --help” 显示 check 命令的帮助）
  -v, --version             显示版本号
`,
  en: `miit95 — checks applications for a nationwide 95 call-centre number

Usage:
  miit95 <command> [options]

Commands:
  check <files or folders...>   check application files (*.app95.yaml / *.app95.yml)
  fix <files or folders...>     apply the safe fixes (--dry-run shows the diff only)
  rules                         list the rule catalogue (IDs, default severities, status, descriptions)
  init [--name <company>]       write a new application template (<company>.app95.yaml)
  fees <application>            preview the occupation fees (annual, first-year payments, total)
  export <application>          export the submission package (form, technical plan, pledge as
                                .docx, network diagram, checklist, manifest, attachments)
  portfolio <folders...>        list every application: state, first number and fee, materials,
                                deadlines (text, json or csv)
  calendar <folders...>         write every application's deadlines as a calendar (--out x.ics)

Options:
  -h, --help                    show help ("miit95 check --help" for the check command)
  -v, --version                 show the version
`,
};

const CHECK_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 check <文件或文件夹...> [--config <文件>] [--format text|json|sarif]
               [--fail-on warning|error] [--lang zh|en]

检查申请文件并列出发现的问题。文件夹会递归查找 *.app95.yaml 和 *.app95.yml
（跳过 node_modules 和以“.”开头的文件夹）；直接给出的文件无论名称如何都会检查
（.miit95.yaml 按配置文件检查）。

配置：每个申请文件使用从其所在目录向上（直到文件系统根目录）最近的 .miit95.yaml
（或 .miit95.yml），没有则使用默认值。配置文件本身的问题针对该文件报告一次。
详见 docs/configuration.md。

选项：
  -f, --format text|json    输出格式（默认 text）：
                              text：每个问题一行“文件:行:列 严重程度 代码 说明”，最后一行为汇总
                              json：一个 JSON 对象 { "findings": [ { "file", "line", "column",
                                    "endLine", "endColumn", "severity", "code", "message" } ],
                                    "suppressions": [ { "file", "rule", "reason", "line",
                                    "scope", "used" } ] }（生效的抑制注释，供审阅）
                              sarif：SARIF 2.1.0 日志（供代码扫描工具使用）：tool.driver.rules
                                    列出全部规则（含 helpUri → docs/rules/<ID>.md），每个 result
                                    有 ruleId、level、message 和从 1 开始的 region
                            行号和列号从 1 开始，文件路径相对于当前目录。
      --fail-on warning|error
                            有该级别或更严重的问题时退出码为 1（默认 error）
  -c, --config <文件>       对所有文件使用这个配置文件，不再查找 .miit95.yaml
  -l, --lang zh|en          说明文字和汇总的语言（默认 zh）
  -h, --help                显示本帮助

退出码：
  0  没有错误（可能有警告或提示；--fail-on warning 时也没有警告）
  1  至少有一个错误（--fail-on warning 时：至少有一个错误或警告）
  2  用法错误，或输入无法读取（文件不存在、文件夹中没有申请文件、不是 UTF-8 编码、
     文件超过 ${limitMb} MB，--config 给出的配置文件无法读取）
`,
  en: `Usage:
  miit95 check <files or folders...> [--config <file>] [--format text|json|sarif]
               [--fail-on warning|error] [--lang zh|en]

Checks application files and lists the problems found. Folders are searched recursively for
*.app95.yaml and *.app95.yml (skipping node_modules and folders starting with "."); files given
explicitly are checked whatever their name (a .miit95.yaml is checked as a configuration).

Configuration: each application uses the nearest .miit95.yaml (or .miit95.yml) found by walking
up from its folder to the file-system root, or the defaults without one. Problems in a
configuration file are reported once, against that file. See docs/configuration.md.

Options:
  -f, --format text|json    output format (default text):
                              text: one line per problem "file:line:col severity code message",
                                    then a summary line
                              json: one JSON object { "findings": [ { "file", "line", "column",
                                    "endLine", "endColumn", "severity", "code", "message" } ],
                                    "suppressions": [ { "file", "rule", "reason", "line",
                                    "scope", "used" } ] } (the suppression comments, for review)
                              sarif: a SARIF 2.1.0 log for code-scanning tools: tool.driver.rules
                                    lists every rule (helpUri → docs/rules/<ID>.md); each result
                                    has ruleId, level, message and a 1-based region
                            Lines and columns are 1-based; files are relative to the current folder.
      --fail-on warning|error
                            exit with 1 when a finding is at least this severe (default error)
  -c, --config <file>       use this configuration file for every file instead of looking for
                            .miit95.yaml
  -l, --lang zh|en          language of messages and the summary (default zh)
  -h, --help                show this help

Exit codes:
  0  no errors (there may be warnings or notes; with --fail-on warning, no warnings either)
  1  at least one error (with --fail-on warning: at least one error or warning)
  2  bad usage, or unreadable input (missing file, a folder without applications, a file that
     is not UTF-8, a file larger than ${limitMb} MB, an unreadable --config file)
`,
};

const RULES_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 rules [--format text|json] [--lang zh|en]

列出规则目录中的全部条目：规则 ID、默认级别（error、warning、info）、状态（已确认、二手来源、
推断、未核实）、名称和说明。提醒项（如 R-FEE-001 费用预览）标为“提醒项，不产生诊断”。
规则的级别可在 .miit95.yaml 的 rules 中修改（off、info、warning、error），见 docs/configuration.md。

选项：
  -f, --format text|json    输出格式（默认 text）：
                              json：一个 JSON 对象 { "rules": [ { "id", "name", "kind",
                                    "defaultSeverity", "status", "description", "docs" } ] }
                                    kind 为 "diagnostic"（规则）或 "reminder"（提醒项，
                                    defaultSeverity 为 null）
  -l, --lang zh|en          说明文字的语言（默认 zh）
  -h, --help                显示本帮助
`,
  en: `Usage:
  miit95 rules [--format text|json] [--lang zh|en]

Lists every entry of the rule catalogue: rule ID, default severity (error, warning, info), status
(confirmed, secondary, inference, unverified), name and description. Reminder entries (e.g.
R-FEE-001, the fee preview) are marked "reminder, not a diagnostic". Severities can be changed in
the rules section of .miit95.yaml (off, info, warning, error); see docs/configuration.md.

Options:
  -f, --format text|json    output format (default text):
                              json: one JSON object { "rules": [ { "id", "name", "kind",
                                    "defaultSeverity", "status", "description", "docs" } ] }
                                    with kind "diagnostic" (a rule) or "reminder" (a reminder
                                    entry, defaultSeverity null)
  -l, --lang zh|en          language of the descriptions (default zh)
  -h, --help                show this help
`,
};

const HELP: Readonly<Record<HelpTopic, LocalizedText>> = {
  program: PROGRAM_HELP,
  check: CHECK_HELP,
  rules: RULES_HELP,
  init: INIT_HELP,
  fees: FEES_HELP,
  portfolio: PORTFOLIO_HELP,
  calendar: CALENDAR_HELP,
  export: EXPORT_HELP,
  fix: FIX_HELP,
};

export function helpText(topic: HelpTopic, locale: Locale | undefined): string {
  const text = HELP[topic];
  return locale === undefined ? `${text['zh-cn']}\n${text.en}` : text[locale];
}
