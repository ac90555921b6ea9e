/**
 * The `fees` command: `miit95 fees <file> [--format text|json] [--lang zh|en] [--today YYYY-MM-DD]`.
 * Reads one application, validates it as `check` does (attachments, nearest `.miit95.yaml` or
 * `--config`, today), computes the core's fee model (core/fees/model.ts, the same the editor's fee
 * preview shows) and prints it (fees-format.ts). Exit codes: 0 computed, 1 blocked by errors on the
 * fee inputs, 2 bad usage or unreadable input. Owns the command's options, help and run.
 */
import * as path from 'node:path';
import { isConfigFileName, type Locale, type LocalizedText } from '../core';
import { parseIsoDate } from '../core/checks/dates';
import { computeFeeModel } from '../core/fees/model';
import { MAX_APPLICATION_BYTES } from '../node/read-text';
import { describeError } from '../node/validate-safely';
import type { OutputFormat } from './formats';
import { openCliHost } from '../host/cli-configs';
import { renderFeesJson, renderFeesText } from './fees-format';
import type { CliIo } from './io';
import { bilingual, internalErrorText, readFailureText } from './messages';

export const EXIT_FEES_OK = 0;
export const EXIT_FEES_BLOCKED = 1;
export const EXIT_FEES_USAGE = 2;

export interface FeesCommand {
  readonly kind: 'fees';
  readonly file: string;
  readonly format: OutputFormat;
  readonly locale: Locale;
  /** `--today`: the date of the preview and of the date rules; the local date otherwise. */
  readonly today?: string;
  /** `--config <file>`: the configuration instead of the nearest `.miit95.yaml`. */
  readonly config?: string;
}

type UsageError = { readonly kind: 'usage-error'; readonly message: LocalizedText };

/** Builds the fees command from parsed options (args.ts), or a usage error. */
export function feesCommand(
  values: {
    readonly format?: string | undefined;
    readonly today?: string | undefined;
    readonly config?: string | undefined;
  },
  positionals: readonly string[],
  locale: Locale | undefined,
): FeesCommand | UsageError {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    return {
      kind: 'usage-error',
      message: {
        'zh-cn': `--format 的取值无效：“${format}”（可用：text、json）`,
        en: `invalid --format value "${format}" (use text or json)`,
      },
    };
  }
  const [file, ...extra] = positionals;
  if (file === undefined) {
    return {
      kind: 'usage-error',
      message: { 'zh-cn': 'fees 需要一个申请文件。', en: 'fees needs one application file.' },
    };
  }
  if (extra.length > 0) {
    return {
      kind: 'usage-error',
      message: {
        'zh-cn': `fees 只接受一个申请文件（多余：“${extra.join(' ')}”）。`,
        en: `fees takes one application file (extra: "${extra.join(' ')}").`,
      },
    };
  }
  if (values.today !== undefined && parseIsoDate(values.today) === undefined) {
    return {
      kind: 'usage-error',
      message: {
        'zh-cn': `--today 的取值无效：“${values.today}”（格式：YYYY-MM-DD）`,
        en: `invalid --today value "${values.today}" (use YYYY-MM-DD)`,
      },
    };
  }
  return {
    kind: 'fees',
    file,
    format,
    locale: locale ?? 'zh-cn',
    ...(values.today !== undefined ? { today: values.today } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

export function runFees(command: FeesCommand, io: CliIo, maxBytes = MAX_APPLICATION_BYTES): number {
  const absolute = path.resolve(io.cwd, command.file);
  const file = path.relative(io.cwd, absolute) || path.basename(absolute);
  if (isConfigFileName(path.basename(absolute))) {
    io.err(
      bilingual({
        'zh-cn': `${file} 是配置文件，不是申请文件。`,
        en: `${file} is a configuration file, not an application.`,
      }),
    );
    return EXIT_FEES_USAGE;
  }
  const opened = openCliHost(command.config, io.cwd, command.today);
  if ('problem' in opened) {
    io.err(bilingual(opened.problem));
    return EXIT_FEES_USAGE;
  }
  const { host } = opened;
  const read = host.validate(absolute, undefined, maxBytes);
  if (!read.ok) {
    io.err(bilingual(readFailureText(file, read.failure, maxBytes)));
    return EXIT_FEES_USAGE;
  }
  const today = host.today();
  const { findings, result, error } = read;
  if (error !== undefined) io.err(bilingual(internalErrorText(file, describeError(error))));
  const parsed = result?.document;
  const model = computeFeeModel({ value: parsed?.hasRoot ? parsed.value : undefined, findings, today });
  const input = { file, text: read.text, ...(parsed !== undefined ? { parsed } : {}), model };
  io.out(command.format === 'json' ? renderFeesJson(input) : renderFeesText(input, command.locale));
  return model.blockedBy > 0 ? EXIT_FEES_BLOCKED : EXIT_FEES_OK;
}

export const FEES_HELP: LocalizedText = {
  'zh-cn': `用法：
  miit95 fees <申请文件> [--format text|json] [--lang zh|en] [--today YYYY-MM-DD] [--config <文件>]

预览码号资源占用费（与编辑器中的“费用预览”相同）：每个候选号码的号段、位长、年占用费、
月计费额，自计费起始日（number.expected_billing_start）起第一年的按季缴费计划，许可证
有效期（至 licence.valid_until）内的按年费用和合计，以及 6 位号码（952XXX）相对 5 位号码
（950XX/951XX）每年和有效期内节省的费用。

费用标准：5 位号码每年 24 万元，6 位号码每年 2.4 万元；按月计费、按季缴纳，每季度第 1 个月
10 日前缴纳上季度费用。标准来源：信部联清〔2004〕517号附件（待核）——费率来自咨询机构网页，
尚未经官方文件确认。由工信部全国分配的 95 号码不适用西部地区减半（推断）。
计费起始日和许可证到期日所在月按整月计算（推断）。

候选号码、计费起始日或许可证有效期有错误时，不计算费用，列出这些错误。

选项：
  -f, --format text|json    输出格式（默认 text）：
                              text：表格和说明，每个数字注明其来源所在的行
                              json：一个 JSON 对象 { "file", "model", "locations" }；model 为费用
                                    模型（金额以分为单位的整数 fen，及格式化的 text），locations
                                    按 JSON Pointer 给出每个数据路径所在的行列（从 1 开始）
  -l, --lang zh|en          表格和说明的语言（默认 zh）
      --today YYYY-MM-DD    计算日期（默认今天）：未填写计费起始日时假定从下月 1 日起计费；
                            也用于检查与日期有关的规则
  -c, --config <文件>       使用这个配置文件，不再查找 .miit95.yaml
  -h, --help                显示本帮助

退出码：
  0  已计算费用
  1  因候选号码、计费起始日或许可证有效期的错误而未计算
  2  用法错误，或文件无法读取
`,
  en: `Usage:
  miit95 fees <application> [--format text|json] [--lang zh|en] [--today YYYY-MM-DD] [--config <file>]

Previews the number occupation fee (the same as the editor's Fee Preview): per candidate number its
segment, digit length, annual fee and monthly accrual, the quarterly payment schedule of the first
year from the billing start (number.expected_billing_start), the yearly costs and the total over the
licence's validity (to licence.valid_until), and what a 6-digit number (952XXX) saves against a
5-digit one (950XX/951XX) per year and over the validity.

Rates: ¥240,000 a year for 5 digits, ¥24,000 for 6 digits; accrued monthly and paid quarterly, the
previous quarter's fee due by the 10th of the first month of each quarter. Rate source: annex of
信部联清〔2004〕517号 (to be verified): the rates come from consultant pages and are not confirmed by
an official text. No western half rate for a 95 number allocated nationally by MIIT (inference).
The months of the billing start and of the licence's end count as whole months (inference).

When the candidates, the billing start or the licence's validity have errors, nothing is computed
and those errors are listed.

Options:
  -f, --format text|json    output format (default text):
                              text: tables and notes, each figure with the line it comes from
                              json: one JSON object { "file", "model", "locations" }: the fee model
                                    (money as integer fen plus formatted text) and, by JSON Pointer,
                                    the 1-based line and column of each data path
  -l, --lang zh|en          language of the tables and notes (default zh)
      --today YYYY-MM-DD    the date of the preview (default today): without a billing start,
                            billing is assumed to start on the 1st of next month; also used by
                            the date rules
  -c, --config <file>       use this configuration file instead of looking for .miit95.yaml
  -h, --help                show this help

Exit codes:
  0  the fees were computed
  1  not computed: errors in the candidates, the billing start or the licence's validity
  2  bad usage, or the file cannot be read
`,
};
