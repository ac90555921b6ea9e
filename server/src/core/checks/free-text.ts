/**
 * Substance of free text: whether an explanation is a placeholder (待补充, TODO, xxx, 暂无 …) and how
 * many characters of content it has (letters and digits, not spaces or punctuation). Used by rules
 * that need an explanation rather than just a non-empty string (R-NUMBER-005, R-NUMBER-007,
 * R-USAGE-001). Heuristics only: the thresholds live in the rules that use them.
 */

import { memoizeText } from './memo';

/** Texts that, as a whole (after removing spaces and punctuation), say "nothing written yet". */
const WHOLE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  '待补充',
  '待定',
  '待完善',
  '待填写',
  '待填',
  '待更新',
  '待确认',
  '暂无',
  '暂缺',
  '暂略',
  '无',
  '略',
  '同上',
  '见附件',
  '详见附件',
  '另附',
  '空',
  '未定',
  '未填写',
  '占位',
  '示例',
  '测试',
  'todo',
  'tbd',
  'fixme',
  'na',
  'null',
  'none',
  'test',
  'placeholder',
]);

/** Markers that make a text a placeholder wherever they stand in it. */
const PLACEHOLDER_MARKERS: readonly RegExp[] = [
  /待补充|待完善|待填写|请填写|此处填写|在此填写|此处补充|某某/u,
  /\b(?:todo|tbd|fixme)\b/iu,
  /lorem\s+ipsum/iu,
  // xxx standing for a name ("XXX公司"), but not the digit mask of a number ("95079XXX", "952XXX").
  /(?<![\p{L}\p{N}])x{3,}(?![a-z])/iu,
];

/** The letters and digits of a text (NFKC, lower-cased): what a reader counts as content. */
const content = memoizeText((text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase(),
);

/** The number of letters and digits in `text` (code points; spaces and punctuation do not count). */
export const contentLength: (text: string) => number = memoizeText(
  (text: string): number => Array.from(content(text)).length,
);

/**
 * True when `text` is a placeholder rather than an explanation: nothing but spaces and punctuation
 * ("……", "——", "？？"), a stock filler as the whole text ("待补充", "暂无", "TODO", "xxx", "同上"), or a
 * marker anywhere ("TODO：补充接续流程", "XXX公司", "此处填写用途"). A digit mask such as "95079XXX" is
 * not a placeholder.
 */
export const isPlaceholder: (text: string) => boolean = memoizeText((text: string): boolean => {
  const bare = content(text);
  if (bare === '' || WHOLE_PLACEHOLDERS.has(bare) || /^x+$/u.test(bare)) return true;
  const normalized = text.normalize('NFKC');
  return PLACEHOLDER_MARKERS.some((marker) => marker.test(normalized));
});

/** A text for a message: trimmed, whitespace runs collapsed, cut after `max` code points with "…". */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text.trim().replace(/\s+/gu, ' '));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
