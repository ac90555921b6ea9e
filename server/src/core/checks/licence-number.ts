/**
 * Numbers of 增值电信业务经营许可证 (value-added telecom licences): normalisation of what users type and
 * classification into cross-regional (MIIT), provincial and legacy Liaoning numbers. The grammar is
 * inferred from observed numbers (reference.md §4, S22; rules R-LICENCE-001/002).
 *
 * Grammar after normalisation:
 *   cross-regional   [合字]CLASSES-YYYYNNNN              e.g. B2-20110196, A2.B1.B2-20090003, 合字B1.B2-20130004
 *   provincial       P[合字]CLASSES-YYYYNNNN (or 合字P…)  e.g. 闽B2-20090074, 皖B1.B2-20070020
 *   legacy-liaoning  辽B-d-d-NNNNNNNN                     e.g. 辽B-2-4-20080039
 * where CLASSES is A1, A2, B1, B2 joined by '.', each at most once, P a province's licence prefix or one
 * of its one-character short names (黔/贵, 滇/云, 川/蜀, 陕/秦, 甘/陇, 蒙 …) and YYYY a year 19xx/20xx.
 * A 95 number needs a cross-regional licence that includes B2: `kind === 'cross-regional' && hasB2`.
 */

import { provinces } from '../data/divisions';

/** The kinds of licence number {@link classifyLicenceNumber} recognises. */
export type LicenceNumberKind = 'cross-regional' | 'provincial' | 'legacy-liaoning' | 'invalid';

/** Result of {@link classifyLicenceNumber}. */
export interface LicenceNumberInfo {
  readonly kind: LicenceNumberKind;
  /** The number after {@link normalizeLicenceNumber}. */
  readonly normalized: string;
  /** The province character of a provincial or legacy number, as written (e.g. '黔', or '贵'). */
  readonly province?: string;
  /** The code of that province ('52' for 黔/贵). */
  readonly provinceCode?: string;
  /** True when the number includes class B2 (the second class of value-added services). */
  readonly hasB2: boolean;
  /** The classes listed in the number, e.g. ['A2', 'B1', 'B2']; for legacy numbers ['B1'] or ['B2']. */
  readonly classes: readonly string[];
  /** True when the number carries 合字 (foreign-invested company). */
  readonly foreignInvested: boolean;
  /** The four-digit year of issue (the first four of the eight digits), for modern numbers. */
  readonly year?: number;
}

/** Province characters a provincial licence number may start with → province code. */
const PREFIX_TO_PROVINCE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const p of provinces) {
    m.set(p.licencePrefix, p.code);
    for (const s of p.short) if (s.length === 1) m.set(s, p.code);
  }
  return m;
})();

const PREFIX_CLASS = [...PREFIX_TO_PROVINCE.keys()].join('');
const CLASSES = '[AB][12](?:\\.[AB][12])*';
const SERIAL = '((?:19|20)\\d{2})\\d{4}';
const CROSS_REGIONAL = new RegExp(`^(合字)?(${CLASSES})-${SERIAL}$`, 'u');
const PROVINCIAL = new RegExp(
  `^(?:([${PREFIX_CLASS}])(合字)?|(合字)([${PREFIX_CLASS}]))(${CLASSES})-${SERIAL}$`,
  'u',
);
const LEGACY_LIAONING = /^辽B-([12])-\d-\d{8}$/u;

/**
 * Normalises a licence number as typed: NFKC (full-width → half-width), all whitespace removed, dash
 * variants (– — ‐ −) → '-', '·'/'、' between classes → '.', ASCII letters upper-cased, a leading label
 * such as "许可证编号：" removed, "(全网)"/"（全网）" removed, a trailing "号" (optionally followed by a site
 * suffix "-13") removed, and a site suffix after the eight digits ("…-20080224-1") removed.
 */
export function normalizeLicenceNumber(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/([AaBb][12])[·•・、](?=[AaBb][12])/gu, '$1.')
    .replace(/[a-z]/g, (c) => c.toUpperCase())
    .replace(/^[^:]*(?:编号|证号)[:]/u, '')
    .replace(/[(（]全网[)）]/gu, '')
    .replace(/号(?:-\d+)?$/u, '')
    .replace(/^(.*-\d{8})-\d+$/u, '$1');
}

function classesOf(text: string): string[] | undefined {
  const list = text.split('.');
  return new Set(list).size === list.length ? list : undefined;
}

/**
 * Classifies a licence number (normalising it first). `kind` is 'invalid' for anything that is not a
 * value-added telecom licence number, e.g. an ICP 证 "京ICP证040883号" or an ICP 备案 number. A number
 * without class B2 (e.g. "B1-20090001") keeps its kind but has `hasB2: false`: it cannot carry a call
 * centre, so a rule rejects it.
 */
export function classifyLicenceNumber(text: string): LicenceNumberInfo {
  const normalized = normalizeLicenceNumber(text);
  const invalid: LicenceNumberInfo = {
    kind: 'invalid',
    normalized,
    hasB2: false,
    classes: [],
    foreignInvested: false,
  };

  const cross = CROSS_REGIONAL.exec(normalized);
  if (cross) {
    const classes = classesOf(cross[2] ?? '');
    if (!classes) return invalid;
    return {
      kind: 'cross-regional',
      normalized,
      hasB2: classes.includes('B2'),
      classes,
      foreignInvested: cross[1] !== undefined,
      year: Number(cross[3]),
    };
  }

  const prov = PROVINCIAL.exec(normalized);
  if (prov) {
    const province = prov[1] ?? prov[4] ?? '';
    const provinceCode = PREFIX_TO_PROVINCE.get(province);
    const classes = classesOf(prov[5] ?? '');
    if (!classes || provinceCode === undefined) return invalid;
    return {
      kind: 'provincial',
      normalized,
      province,
      provinceCode,
      hasB2: classes.includes('B2'),
      classes,
      foreignInvested: prov[2] !== undefined || prov[3] !== undefined,
      year: Number(prov[6]),
    };
  }

  const legacy = LEGACY_LIAONING.exec(normalized);
  if (legacy) {
    const cls = `B${legacy[1] ?? ''}`;
    return {
      kind: 'legacy-liaoning',
      normalized,
      province: '辽',
      provinceCode: '21',
      hasB2: cls === 'B2',
      classes: [cls],
      foreignInvested: false,
    };
  }
  return invalid;
}

/**
 * Splits a text holding several licence numbers ("京B2-20202418，A2.B1.B2-20202637",
 * "B2-20110196(全网) 闽B2-20090074") at commas, semicolons, '、', '/', and at whitespace that follows the
 * end of a number (a digit, ')' or '号') and precedes something other than a digit or dash (so
 * "B2 - 2009 0037" stays whole). Empty parts are dropped; each part is returned as written (trimmed).
 */
export function splitLicenceNumbers(text: string): string[] {
  return text
    .split(/[,，;；、/／]|(?<=[\d)）号])\s+(?=[^\d\s\-－])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
