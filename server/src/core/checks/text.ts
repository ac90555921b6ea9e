/**
 * Small text helpers for Chinese free text: a normal form for comparisons (names of businesses,
 * provinces, carriers), and the marketing-keyword scan of rule R-USAGE-002 (negation and citation from
 * checks/negation.ts).
 */

import { memoizeText } from './memo';
import { phraseContext } from './negation';

/** Brackets that NFKC leaves alone but that mean the same as ( ) in names. */
const BRACKETS: Readonly<Record<string, string>> = {
  '〔': '(',
  '〕': ')',
  '【': '(',
  '】': ')',
  '〖': '(',
  '〗': ')',
  '［': '(',
  '］': ')',
  '[': '(',
  ']': ')',
};

/**
 * Normal form for comparing short Chinese texts such as names: NFKC (full-width letters, digits and
 * brackets become half-width, e.g. （ → ( ), other bracket styles (〔〕【】[]) become ( ), all
 * whitespace is removed and ASCII letters are lower-cased. Use it on both sides of a comparison; do
 * not show its result to the user.
 */
export const normalizeForCompare: (text: string) => string = memoizeText((text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[〔〕【】〖〗［］[\]]/g, (c) => BRACKETS[c] ?? c)
    .replace(/\s+/gu, '')
    .toLowerCase(),
);

/** True when two texts are equal after {@link normalizeForCompare}. */
export function sameText(a: string, b: string): boolean {
  return normalizeForCompare(a) === normalizeForCompare(b);
}

/** A keyword that suggests marketing or harassing calls (R-USAGE-002), with an English gloss. */
export interface MarketingKeyword {
  readonly word: string;
  readonly en: string;
}

/**
 * Words that suggest the number would be used for marketing, sales or collection calls, which a 95
 * call-centre number may not be used for (工信部信管〔2020〕81号, reference S14). Longer phrases are
 * listed with their shorter cores; the scan reports the longest match at each place.
 */
export const marketingKeywords: readonly MarketingKeyword[] = [
  { word: '营销', en: 'marketing' },
  { word: '推销', en: 'sales pitching' },
  { word: '电销', en: 'telesales' },
  { word: '拉新', en: 'user acquisition' },
  { word: '催收', en: 'debt collection' },
  { word: '催缴', en: 'payment chasing' },
  { word: '促销', en: 'sales promotion' },
  { word: '外呼营销', en: 'outbound marketing' },
  { word: '营销外呼', en: 'outbound marketing' },
  { word: '电话营销', en: 'telemarketing' },
  { word: '贷款推广', en: 'loan promotion' },
  { word: '信用卡推广', en: 'credit-card promotion' },
  { word: '办卡推广', en: 'card sign-up promotion' },
  { word: '理财推广', en: 'wealth-product promotion' },
  { word: '保险推广', en: 'insurance promotion' },
  { word: '推广外呼', en: 'promotional outbound calls' },
  { word: '荐股', en: 'stock tipping' },
];

/** One keyword found in a text. Offsets are UTF-16 code units into the scanned text, `[start, end)`. */
export interface KeywordMatch {
  readonly keyword: string;
  readonly en: string;
  readonly start: number;
  readonly end: number;
  /**
   * True when the clause negates the keyword ("不从事推销、催收等外呼", "严禁营销外呼", "催收业务除外";
   * checks/negation.ts): the text rules the use out.
   */
  readonly negated: boolean;
  /** The negation cue when `negated` ("不从事", "严禁", "除外" …). */
  readonly negation: string | undefined;
  /** True when the keyword is only cited: in a title 《…》 or a quoted rule (“…”的规定). */
  readonly cited: boolean;
  /** The clause holding the keyword, for the message ("为银行提供信用卡推广"). */
  readonly phrase: string;
}

/**
 * Finds the marketing keywords in `text`, left to right, without overlaps: at each position the longest
 * keyword wins ("外呼营销" rather than "营销"). The text is scanned as given (no normalisation), so the
 * offsets can be mapped straight back to the document.
 */
export function findMarketingKeywords(
  text: string,
  keywords: readonly MarketingKeyword[] = marketingKeywords,
): KeywordMatch[] {
  // The default list, the rules' case, is sorted once and its results cached per text.
  if (keywords === marketingKeywords) {
    const found = findDefaultKeywords(text);
    return found.length === 0 ? [] : [...found];
  }
  return scanKeywords(text, sortKeywords(keywords));
}

function sortKeywords(keywords: readonly MarketingKeyword[]): MarketingKeyword[] {
  return [...keywords].filter((k) => k.word.length > 0).sort((a, b) => b.word.length - a.word.length);
}

let sortedDefault: MarketingKeyword[] | undefined;
const findDefaultKeywords = memoizeText((text: string): readonly KeywordMatch[] =>
  scanKeywords(text, (sortedDefault ??= sortKeywords(marketingKeywords))),
);

function scanKeywords(text: string, sorted: readonly MarketingKeyword[]): KeywordMatch[] {
  const out: KeywordMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = sorted.find((k) => text.startsWith(k.word, i));
    if (!hit) {
      i += 1;
      continue;
    }
    const start = i;
    const end = i + hit.word.length;
    const context = phraseContext(text, start, end);
    out.push({
      keyword: hit.word,
      en: hit.en,
      start,
      end,
      negated: context.negation !== undefined,
      negation: context.negation,
      cited: context.cited,
      phrase: context.clause,
    });
    i = end;
  }
  return out;
}
