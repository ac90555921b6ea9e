/**
 * Where a phrase stands in Chinese free text: its clause, whether the clause negates it ("不从事推销、
 * 催收等外呼", "严禁营销外呼", "营销类业务一律不接"), and whether it is only cited (inside 《…》, or a
 * quoted rule such as “不得提供商业推销电话外发服务” or “营销外呼”的规定). The keyword rules (R-USAGE-002,
 * R-NUMBER-006, R-LICENCE-003, R-USAGE-001) use it so a text that rules a thing out is not read as
 * doing it, and so their messages can quote the phrase that triggered. A heuristic with a documented
 * scope (docs/rules/R-USAGE-002.md), not a parser.
 */

/** Where a clause ends: sentence and clause punctuation (not 、 or ：, which continue a list). */
const CLAUSE_END = /[，。；;,.!?！？\n\r]/u;

/**
 * Negation cues that govern the rest of their clause, longest first. A cue is one of the prohibitions
 * and denials consultants write ("不从事", "不用于", "不得", "严禁", "禁止", "杜绝", "无", "非" …).
 */
const CUES_BEFORE: readonly string[] = [
  '不从事',
  '不用于',
  '不提供',
  '不开展',
  '不涉及',
  '不包括',
  '不包含',
  '不含',
  '不允许',
  '不进行',
  '不承接',
  '不属于',
  '不做',
  '不接',
  '不是',
  '不得',
  '不会',
  '不准',
  '不可',
  '不能',
  '并非',
  '而非',
  '区别于',
  '不同于',
  '没有',
  '禁止',
  '严禁',
  '杜绝',
  '拒绝',
  '谢绝',
  '绝不',
  '决不',
  '从不',
  '不',
  '无',
  '非',
  '未',
];

/** Words that begin with a cue's character but do not negate what follows ("不限于", "非常", "未来"). */
const NOT_CUES =
  /^(?:不限于|不仅|不但|不断|不少于|不低于|不高于|不超过|不多于|不小于|不大于|不定期|不间断|不管|不论|不停|不足|不同(?!于)|不一|无论|无缝|无限|无需|无须|非常|非但|未来|未经|未满)/u;

/** How far (UTF-16 units) a cue before the phrase reaches: a list such as "严禁用于电话营销、贷款推广、催收" fits. */
const CUE_REACH = 24;

/** Words after which the clause turns positive again ("不做客服，而是营销" is split by the comma already). */
const CONTRAST = /(?:但是|但|而是|却|只是|仅是)/u;

/** Cues after the phrase in the same clause: "营销外呼一律不做", "催收业务除外", "推销类呼叫禁止". */
const CUE_AFTER =
  /^[^，。；;,.!?！？\n\r]{0,8}?(?:除外|一律不|均不|概不|不做|不接|不承接|不开展|不提供|不从事|不涉及|禁止|严禁|不允许|不予)/u;

/** Quotation marks, opening → closing. */
const QUOTES: Readonly<Record<string, string>> = {
  '“': '”',
  '「': '」',
  '『': '』',
  '‘': '’',
  '"': '"',
  '《': '》',
  '〈': '〉',
};

/** What a rule is told about the place of a phrase. Offsets are UTF-16 code units, `[start, end)`. */
export interface PhraseContext {
  /** The clause that holds the phrase, trimmed: what a message quotes. */
  readonly clause: string;
  /** The negation cue that rules the phrase out ("严禁", "不从事", "除外" …), if any. */
  readonly negation: string | undefined;
  /** True when the phrase stands inside quotation marks or a title (《…》). */
  readonly quoted: boolean;
  /** True when the phrase is only cited: inside 《…》, or a quotation followed by 规定/要求/条款. */
  readonly cited: boolean;
}

/** The context of `text.slice(start, end)`. */
export function phraseContext(text: string, start: number, end: number): PhraseContext {
  const clauseStart = lastBoundaryBefore(text, start);
  const clauseEnd = nextBoundaryFrom(text, end);
  const clause = text.slice(clauseStart, clauseEnd).trim();
  const quote = enclosingQuote(text, clauseStart, start, end, clauseEnd);
  const before = text.slice(clauseStart, start);
  const after = text.slice(end, clauseEnd);
  const negation = cueBefore(before) ?? cueAfter(after);
  const cited =
    quote !== undefined &&
    (quote.open === '《' || quote.open === '〈' || /^(?:的)?(?:相关|有关)?(?:管理)?(?:规定|要求|条款|精神)/u.test(text.slice(quote.closeAt + 1)));
  return { clause, negation, quoted: quote !== undefined, cited };
}

/** True when the phrase at `[start, end)` is negated or only cited: the text does not claim it. */
export function isRuledOut(text: string, start: number, end: number): boolean {
  const context = phraseContext(text, start, end);
  return context.negation !== undefined || context.cited;
}

/**
 * True when `pattern` (a regular expression; its flags are kept, `g` is added) matches somewhere in
 * `text` at a place that is neither negated nor cited: "提供语音留言服务" affirms 留言, "不提供语音信箱"
 * does not.
 */
export function affirms(text: string, pattern: RegExp): boolean {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  for (const match of text.matchAll(global)) {
    const start = match.index;
    if (match[0].length === 0) continue;
    if (!isRuledOut(text, start, start + match[0].length)) return true;
  }
  return false;
}

function lastBoundaryBefore(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) if (CLAUSE_END.test(text.charAt(i))) return i + 1;
  return 0;
}

function nextBoundaryFrom(text: string, index: number): number {
  for (let i = index; i < text.length; i += 1) if (CLAUSE_END.test(text.charAt(i))) return i;
  return text.length;
}

/** The last cue in `before` (the clause up to the phrase) that still governs the phrase. */
function cueBefore(before: string): string | undefined {
  let found: { cue: string; at: number } | undefined;
  for (let i = 0; i < before.length; i += 1) {
    if (NOT_CUES.test(before.slice(i))) {
      // Skip the whole non-negating word ("不限于" must not leave "限于" behind as nothing).
      const word = NOT_CUES.exec(before.slice(i))?.[0] ?? '';
      i += Math.max(0, word.length - 1);
      continue;
    }
    const cue = CUES_BEFORE.find((c) => before.startsWith(c, i));
    if (cue === undefined) continue;
    found = { cue, at: i + cue.length };
    i += cue.length - 1;
  }
  if (found === undefined || before.length - found.at > CUE_REACH) return undefined;
  return CONTRAST.test(before.slice(found.at)) ? undefined : found.cue;
}

function cueAfter(after: string): string | undefined {
  const m = CUE_AFTER.exec(after);
  if (!m) return undefined;
  const cue = /(?:除外|一律不|均不|概不|不做|不接|不承接|不开展|不提供|不从事|不涉及|禁止|严禁|不允许|不予)$/u.exec(m[0]);
  return cue?.[0];
}

/** The quotation around `[start, end)` inside the clause, if the phrase is quoted. */
function enclosingQuote(
  text: string,
  clauseStart: number,
  start: number,
  end: number,
  clauseEnd: number,
): { open: string; closeAt: number } | undefined {
  // Titles (《…》) and quotations may span clause punctuation, so look a little wider than the clause.
  const from = Math.max(0, clauseStart - 60);
  for (let i = start - 1; i >= from; i -= 1) {
    const ch = text.charAt(i);
    const close = QUOTES[ch];
    if (close === undefined) continue;
    const closeAt = text.indexOf(close, ch === close ? start : end);
    if (closeAt >= end && closeAt <= Math.max(clauseEnd, end) + 60) {
      // A closing mark between the opening and the phrase means the quotation ended before it.
      if (ch !== close && text.slice(i + 1, start).includes(close)) continue;
      return { open: ch, closeAt };
    }
  }
  return undefined;
}
