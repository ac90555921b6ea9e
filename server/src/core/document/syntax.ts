/**
 * Turns what the parse step found — yaml's errors and warnings and the document-level issues — into
 * findings `yaml/<CODE>` with our own Chinese and English messages. Owns those messages and the
 * ranges of syntax findings; it does not parse (parse.ts) nor validate values (schema/, rules/).
 */
import { isScalar, visit, type Node, type YAMLError } from 'yaml';
import type { Finding, LocalizedText, OffsetRange, RelatedInfo, Severity } from '../types';
import { aliasRelated, lineRangeFrom, nonEmpty, valueRange } from './locate';
import type { ParsedDocument, ParseIssue, ParseIssueCode } from './parse';

type Message = (detail: string) => LocalizedText;

/** The variants of MISSING_CHAR, recognized by yaml's English message. */
const MISSING_CHAR_MESSAGES: readonly (readonly [RegExp, LocalizedText])[] = [
  [
    /Implicit map keys need to be followed by map values/,
    {
      'zh-cn': '缺少冒号：键后面要写“: 值”（冒号后留一个空格）',
      en: 'Missing colon: a key must be followed by ": value" (with a space after the colon)',
    },
  ],
  [
    /Comments must be separated/,
    { 'zh-cn': '注释符号 # 前面要有空格', en: 'A comment sign # must be preceded by a space' },
  ],
  [/Missing space after :/, { 'zh-cn': '冒号后面要有空格', en: 'A space is needed after the colon' }],
  [
    /Missing , or : between/,
    {
      'zh-cn': '条目之间缺少逗号，或键后缺少冒号',
      en: 'A comma between items or a colon after a key is missing',
    },
  ],
  [
    /Missing , between/,
    {
      'zh-cn': '流式集合的条目之间缺少逗号',
      en: 'A comma is missing between the items of a flow collection',
    },
  ],
  [
    /Flow sequence must end with a \]/,
    { 'zh-cn': '流式列表缺少结尾的 ]', en: 'The flow sequence is missing its closing ]' },
  ],
  [
    /Flow map must end with a \}/,
    { 'zh-cn': '流式映射缺少结尾的 }', en: 'The flow mapping is missing its closing }' },
  ],
  [/\]/, { 'zh-cn': '流式列表缺少结尾的 ]', en: 'The flow sequence is missing its closing ]' }],
  [/\}/, { 'zh-cn': '流式映射缺少结尾的 }', en: 'The flow mapping is missing its closing }' }],
  [
    /Sequence item without - indicator/,
    { 'zh-cn': '列表项缺少开头的“- ”', en: 'A list item is missing its leading "- "' },
  ],
  [
    /Tags and anchors must be separated/,
    {
      'zh-cn': '标签（!）或锚点（&）后面要有空格',
      en: 'A tag (!) or an anchor (&) must be followed by a space',
    },
  ],
  [
    /directives-end/,
    {
      'zh-cn': '缺少文档开始标记 ---，或 --- 所在行不能接块结构',
      en: 'The document start marker --- is missing, or a block starts on its line',
    },
  ],
];

/** Messages for yaml's error codes. `detail` is yaml's English message. */
const YAML_MESSAGES: Readonly<Record<string, Message>> = {
  ALIAS_PROPS: () => ({
    'zh-cn': '别名（*名称）不能带锚点或标签',
    en: 'An alias (*name) cannot have an anchor or a tag',
  }),
  BAD_ALIAS: () => ({
    'zh-cn': '锚点（&名称）或别名（*名称）的名称不能为空',
    en: 'The name of an anchor (&name) or an alias (*name) cannot be empty',
  }),
  BAD_DIRECTIVE: () => ({
    'zh-cn': '无效或不支持的 YAML 指令（以 % 开头的行），该行被忽略',
    en: 'Invalid or unsupported YAML directive (a line starting with %); it is ignored',
  }),
  BAD_DQ_ESCAPE: () => ({
    'zh-cn': '双引号字符串中的转义序列无效：反斜杠请写成 \\\\，或改用单引号',
    en: 'Invalid escape sequence in a double-quoted string: write \\\\ for a backslash, or use single quotes',
  }),
  BAD_INDENT: (detail) =>
    /flow (sequence|map)/i.test(detail)
      ? {
          'zh-cn': '方括号或花括号没有闭合：流式列表须以 ] 结束、流式映射须以 } 结束，且续行要缩进',
          en: 'Unclosed bracket: a flow sequence must end with ] and a flow mapping with }, and continued lines must be indented',
        }
      : {
          'zh-cn': '缩进不正确：同一层级的条目必须从同一列开始，子项要比父项多缩进',
          en: 'Wrong indentation: entries of the same level must start in the same column, children further right than their parent',
        },
  BAD_PROP_ORDER: () => ({
    'zh-cn': '锚点（&）和标签（!）必须写在值的前面',
    en: 'Anchors (&) and tags (!) must come before the value',
  }),
  BAD_SCALAR_START: (detail) => {
    const char = /reserved character (.)/.exec(detail)?.[1];
    return char
      ? {
          'zh-cn': `不加引号的值不能以保留字符 ${char} 开头，请给这个值加上引号`,
          en: `A value without quotes cannot start with the reserved character ${char}; put the value in quotes`,
        }
      : {
          'zh-cn': '不加引号的值不能以此字符开头，请给这个值加上引号',
          en: 'A value without quotes cannot start with this character; put the value in quotes',
        };
  },
  BLOCK_AS_IMPLICIT_KEY: () => ({
    'zh-cn': '此处不能嵌套映射：同一行冒号后不能再写“键: 值”（含冒号的值请加引号），或下一行的缩进有误',
    en: 'A mapping cannot be nested here: no "key: value" after a colon on the same line (quote values that contain ": "), or the next line is wrongly indented',
  }),
  BLOCK_IN_FLOW: () => ({
    'zh-cn': '方括号或花括号（流式集合）内不能使用块结构（“- ”列表或换行缩进的映射）',
    en: 'Block collections ("- " lists or indented mappings) cannot be used inside brackets or braces (a flow collection)',
  }),
  DUPLICATE_KEY: () => ({
    'zh-cn': '键重复：同一映射中的键必须唯一（后出现的值会覆盖前一个）',
    en: 'Duplicate key: keys of a mapping must be unique (the later value overrides the earlier one)',
  }),
  IMPOSSIBLE: () => ({
    'zh-cn': 'YAML 解析器遇到了无法处理的结构',
    en: 'The YAML parser met a structure it cannot handle',
  }),
  KEY_OVER_1024_CHARS: () => ({
    'zh-cn': '键过长（冒号距键的开头超过 1024 个字符）：可能是引号没有闭合，或冒号后缺少空格',
    en: 'Key too long (the colon is more than 1024 characters after the start of the key): a quote may be unclosed or a space missing after a colon',
  }),
  MISSING_CHAR: (detail) => {
    if (/quote/i.test(detail)) {
      const quote = /closing (["'])quote/.exec(detail)?.[1] ?? '"';
      return {
        'zh-cn': `字符串缺少结尾的引号 ${quote}`,
        en: `The string is missing its closing quote ${quote}`,
      };
    }
    for (const [pattern, message] of MISSING_CHAR_MESSAGES) if (pattern.test(detail)) return message;
    return { 'zh-cn': `缺少必要的字符（${detail}）`, en: `A required character is missing (${detail})` };
  },
  MULTILINE_IMPLICIT_KEY: () => ({
    'zh-cn': '键必须写在一行内：上一行可能缺少冒号，或多行文本需要加引号、缩进或使用 | 与 >',
    en: 'Keys must fit on one line: the previous line may lack a colon, or multi-line text needs quotes, indentation, | or >',
  }),
  MULTIPLE_ANCHORS: () => ({
    'zh-cn': '一个节点只能有一个锚点（&）',
    en: 'A node can have only one anchor (&)',
  }),
  MULTIPLE_TAGS: () => ({
    'zh-cn': '一个节点只能有一个标签（!）',
    en: 'A node can have only one tag (!)',
  }),
  NON_STRING_KEY: () => ({
    'zh-cn': '键必须是文本，不能是列表或映射',
    en: 'Keys must be text, not sequences or mappings',
  }),
  RESOURCE_EXHAUSTION: () => ({
    'zh-cn': '文档嵌套过深或过大，无法解析',
    en: 'The document is nested too deeply or too large to parse',
  }),
  TAB_AS_INDENT: () => ({
    'zh-cn': '不能用制表符（Tab）缩进，请改用空格',
    en: 'Tabs cannot be used for indentation; use spaces',
  }),
  TAG_RESOLVE_FAILED: (detail) => {
    const tag = /Unresolved tag: (\S+)/.exec(detail)?.[1];
    return {
      'zh-cn': `无法识别的标签${tag ? ` ${tag}` : ''}，该值按普通文本处理`,
      en: `Unknown tag${tag ? ` ${tag}` : ''}; the value is read as plain text`,
    };
  },
  UNEXPECTED_TOKEN: () => ({
    'zh-cn': '此处出现了意外的内容：多为缩进错误、缺少冒号或多余的字符',
    en: 'Unexpected content here: usually wrong indentation, a missing colon or a stray character',
  }),
  BAD_COLLECTION_TYPE: () => ({
    'zh-cn': '集合的类型与其标签不符',
    en: 'The collection does not match its tag',
  }),
};

/** Messages for the document-level issues found by parse.ts (`detail` as in ParseIssue). */
const ISSUE_MESSAGES: Readonly<Record<ParseIssueCode, Message>> = {
  EMPTY_DOCUMENT: () => ({
    'zh-cn': '文档为空：请填写申请内容，至少以 apiVersion: miit95/v1 开头',
    en: 'The document is empty: fill in the application, starting with apiVersion: miit95/v1',
  }),
  MULTI_DOCUMENT: () => ({
    'zh-cn': '文件包含多个 YAML 文档（以 --- 分隔）：只校验第一个，其余被忽略',
    en: 'The file holds more than one YAML document (separated by ---): only the first is checked, the others are ignored',
  }),
  ALIAS_COUNT: (detail) => ({
    'zh-cn': `别名展开次数超过上限（${detail} 次），疑似“十亿笑声”攻击：已停止校验此文档`,
    en: `Aliases expand more than the limit (${detail} times), as in a "billion laughs" attack: the document is not checked further`,
  }),
  ALIAS_CYCLE: (detail) => ({
    'zh-cn': `别名 *${detail} 引用了包含它自身的锚点，形成循环：已停止校验此文档`,
    en: `The alias *${detail} refers to an anchor that contains it, which makes a cycle: the document is not checked further`,
  }),
  UNRESOLVED_ALIAS: (detail) => ({
    'zh-cn': `别名 *${detail} 没有对应的锚点 &${detail}（锚点必须写在别名之前）：已停止校验此文档`,
    en: `The alias *${detail} has no anchor &${detail} (the anchor must come before the alias): the document is not checked further`,
  }),
  RESOURCE_EXHAUSTION: (detail) => ({
    'zh-cn': `文档嵌套过深，无法处理（${detail}）`,
    en: `The document is nested too deeply to process (${detail})`,
  }),
  NESTING_DEPTH: (detail) => ({
    'zh-cn': `嵌套层级超过上限（${detail} 层）：已停止校验此文档`,
    en: `Nesting is deeper than the limit (${detail} levels): the document is not checked further`,
  }),
};

/** Severities of the document-level issues (all make the document unusable except MULTI_DOCUMENT). */
const ISSUE_SEVERITY: Readonly<Record<ParseIssueCode, Severity>> = {
  EMPTY_DOCUMENT: 'error',
  MULTI_DOCUMENT: 'warning',
  ALIAS_COUNT: 'error',
  ALIAS_CYCLE: 'error',
  UNRESOLVED_ALIAS: 'error',
  RESOURCE_EXHAUSTION: 'error',
  NESTING_DEPTH: 'error',
};

/** The yaml error codes that have a message of ours (the rest get the generic fallback). */
export const YAML_CODES_WITH_MESSAGES: readonly string[] = Object.keys(YAML_MESSAGES);
/** The document-level issue codes. */
export const PARSE_ISSUE_CODES: readonly ParseIssueCode[] = Object.keys(ISSUE_MESSAGES) as ParseIssueCode[];

/** The message of a yaml error code; unknown codes get a generic sentence plus yaml's own text. */
export function yamlErrorMessage(code: string, detail: string): LocalizedText {
  const message = YAML_MESSAGES[code];
  if (message) return message(detail);
  return { 'zh-cn': `YAML 语法错误：${detail}`, en: `YAML syntax error: ${detail}` };
}

/** The message of a parse issue. */
export function parseIssueMessage(code: ParseIssueCode, detail = ''): LocalizedText {
  return ISSUE_MESSAGES[code](detail);
}

/** All syntax findings of a parsed document: yaml errors, yaml warnings, then parse issues. */
export function syntaxFindings(parsed: ParsedDocument): Finding[] {
  const findings: Finding[] = [];
  for (const error of parsed.errors) {
    const finding = yamlFinding(parsed, error, 'error');
    const previous = findings[findings.length - 1];
    // yaml reports each stray token of a line separately ("- a" then "b: 1"): one finding per line.
    if (
      previous !== undefined &&
      finding.code === 'yaml/UNEXPECTED_TOKEN' &&
      previous.code === finding.code &&
      parsed.lines.positionAt(previous.range.start).line === parsed.lines.positionAt(finding.range.end).line
    ) {
      findings[findings.length - 1] = {
        ...previous,
        range: { start: previous.range.start, end: finding.range.end },
      };
      continue;
    }
    findings.push(finding);
  }
  for (const warning of parsed.warnings) findings.push(yamlFinding(parsed, warning, 'warning'));
  for (const issue of parsed.issues) findings.push(issueFinding(parsed, issue));
  return findings;
}

function yamlFinding(parsed: ParsedDocument, error: YAMLError, severity: Severity): Finding {
  const { text } = parsed;
  let range = nonEmpty({ start: error.pos[0], end: error.pos[1] }, text);
  let message = yamlErrorMessage(error.code, error.message);
  let related: RelatedInfo[] | undefined;
  if (error.code === 'MISSING_CHAR') {
    // yaml points past the end of an unclosed string; the opening quote is where to look.
    const quote = /closing (["'])quote/.exec(error.message)?.[1];
    const open = quote === undefined ? -1 : text.lastIndexOf(quote, Math.min(error.pos[0], text.length) - 1);
    if (open >= 0) range = lineRangeFrom(text, open);
  }
  if (error.code === 'TAG_RESOLVE_FAILED') {
    const tag = text.slice(range.start, range.end);
    if (/^!\S*$/.test(tag)) message = yamlErrorMessage(error.code, `Unresolved tag: ${tag}`);
  }
  if (error.code === 'DUPLICATE_KEY') {
    const keys = duplicateKeys(parsed, error.pos[0]);
    if (keys !== undefined) range = keys.duplicate;
    const key = text.slice(range.start, range.end);
    message = {
      'zh-cn': `键“${key}”重复：同一映射中的键必须唯一（后出现的值会覆盖前一个）`,
      en: `Duplicate key "${key}": keys of a mapping must be unique (the later value overrides the earlier one)`,
    };
    const first = keys?.first;
    if (first !== undefined) {
      related = [
        { range: first, message: { 'zh-cn': `“${key}”第一次出现在此`, en: `"${key}" first appears here` } },
      ];
    }
  }
  return {
    code: `yaml/${error.code}`,
    severity,
    message,
    range,
    data: { path: [] },
    ...(related ? { related } : {}),
  };
}

function issueFinding(parsed: ParsedDocument, issue: ParseIssue): Finding {
  const related = issue.alias ? aliasRelated(parsed, issue.alias) : [];
  return {
    code: `yaml/${issue.code}`,
    severity: ISSUE_SEVERITY[issue.code],
    message: parseIssueMessage(issue.code, issue.detail),
    range: issue.range,
    data: { path: [] },
    ...(related.length > 0 ? { related } : {}),
  };
}

/**
 * The key ranges of a duplicate (its key starts at `offset`; yaml's own range covers only the first
 * character) and of the first pair with the same key in that mapping. All duplicates of a document
 * are indexed in one walk, on the first call: a walk per duplicate was quadratic.
 */
function duplicateKeys(
  parsed: ParsedDocument,
  offset: number,
): { duplicate: OffsetRange; first?: OffsetRange } | undefined {
  let index = duplicateIndexes.get(parsed.yaml);
  if (index === undefined) {
    const { text } = parsed;
    const found = new Map<number, { duplicate: OffsetRange; first?: OffsetRange }>();
    visit(parsed.yaml, {
      Map(_key, map) {
        const firsts = new Map<string, Node>();
        for (const pair of map.items) {
          const key = pair.key as Node | null;
          if (key === null || !isScalar(key) || !key.range) continue;
          const name = String(key.value);
          const first = firsts.get(name);
          if (first === undefined) firsts.set(name, key);
          else
            found.set(key.range[0], {
              duplicate: nonEmpty(valueRange(text, key), text),
              first: nonEmpty(valueRange(text, first), text),
            });
        }
      },
    });
    duplicateIndexes.set(parsed.yaml, (index = found));
  }
  return index.get(offset);
}

const duplicateIndexes = new WeakMap<object, Map<number, { duplicate: OffsetRange; first?: OffsetRange }>>();
