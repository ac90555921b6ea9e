/**
 * Typed access to the 95 number segments (number-segments.json): which prefixes a value-added telecom
 * business may apply for, their base lengths, the 95110 public-service number, and the extension
 * limits. Reference: reference.md §2 and §9.3 (rules R-NUMBER-001…004).
 */

import type { LocalizedText } from '../types';
import data from './number-segments.json';

/** What a part of the 95 segment is used for. */
export type SegmentUse = 'vat' | 'enterprise' | 'public';

/** One segment (a three-digit prefix such as '952') or the public-service number '95110'. */
export interface Segment {
  /** '950' … '957', or '95110'. */
  readonly prefix: string;
  /** True when a value-added telecom business (call centre) may apply for numbers in it. */
  readonly allowed: boolean;
  readonly use: SegmentUse;
  /** Digits of the base number (5 for 950/951/957, 6 for 952/954); only for allowed segments. */
  readonly baseLength?: number;
  /** False for 954 and 957: MIIT lists them, but the seed and consultants do not (R-NUMBER-002). */
  readonly seedListed?: boolean;
  /** Why the segment cannot be applied for (not allowed segments only). */
  readonly reason?: LocalizedText;
}

/** Extension (拓展位长) limits, from one consultant source (S11); make them configurable in rules. */
export interface ExtensionLimits {
  /** Total length allowed without justification (8). */
  readonly maxTotalLength: number;
  /** Total length allowed with a written justification (13). */
  readonly maxTotalLengthJustified: number;
  /** Variable-length numbering is not allowed. */
  readonly variableLengthAllowed: boolean;
}

interface RawSegment {
  readonly allowed: boolean;
  readonly use: string;
  readonly baseLength?: number;
  readonly seedListed?: boolean;
  readonly reason?: LocalizedText;
}

function toSegment(prefix: string, raw: RawSegment): Segment {
  if (raw.use !== 'vat' && raw.use !== 'enterprise' && raw.use !== 'public') {
    throw new Error(`number-segments.json: unknown use ${raw.use} for ${prefix}`);
  }
  return {
    prefix,
    allowed: raw.allowed,
    use: raw.use,
    ...(raw.baseLength !== undefined ? { baseLength: raw.baseLength } : {}),
    ...(raw.seedListed !== undefined ? { seedListed: raw.seedListed } : {}),
    ...(raw.reason !== undefined ? { reason: raw.reason } : {}),
  };
}

/** Source, version and date of the segment data. */
export const segmentsSource: { readonly source: string; readonly version: string; readonly date: string } = {
  source: data.source,
  version: data.version,
  date: data.date,
};

/** The eight three-digit segments 950–957, sorted by prefix. */
export const segments: readonly Segment[] = Object.entries(data.segments as Record<string, RawSegment>)
  .map(([prefix, raw]) => toSegment(prefix, raw))
  .sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));

/** Reserved public-service numbers inside the 95 segment ('95110'). */
export const publicServiceNumbers: readonly Segment[] = Object.entries(
  data.publicService as Record<string, RawSegment>,
).map(([prefix, raw]) => toSegment(prefix, raw));

/** The prefixes a call centre may apply for: 950, 951, 952, 954, 957. */
export const allowedPrefixes: readonly string[] = segments.filter((s) => s.allowed).map((s) => s.prefix);

/** Extension limits: 8 digits, 13 with justification, no variable length. */
export const extensionLimits: ExtensionLimits = {
  maxTotalLength: data.extension.maxTotalLength,
  maxTotalLengthJustified: data.extension.maxTotalLengthJustified,
  variableLengthAllowed: data.extension.variableLengthAllowed,
};

/** Note shown for 954/957 (seedListed false). */
export const seedListedNote: LocalizedText = data.seedListedNote;

const byPrefix = new Map<string, Segment>([...segments, ...publicServiceNumbers].map((s) => [s.prefix, s]));

/** The segment with a prefix ('952') or the public number ('95110'). */
export function segmentByPrefix(prefix: string): Segment | undefined {
  return byPrefix.get(prefix);
}

/**
 * The segment a number belongs to: a number starting with a public-service number ('95110', '951101')
 * gives that entry; otherwise its first three digits ('95079' → 950, '955xx' → 955, not allowed).
 * `undefined` when the number is not all digits or does not start with 95 and a known third digit.
 */
export function segmentOf(number: string): Segment | undefined {
  if (!/^\d+$/.test(number)) return undefined;
  for (const p of publicServiceNumbers) if (number.startsWith(p.prefix)) return p;
  return number.length >= 3 ? byPrefix.get(number.slice(0, 3)) : undefined;
}

/** A number split into its base (the allocated short number) and its extension digits. */
export interface NumberParts {
  readonly segment: Segment;
  readonly base: string;
  readonly extension: string;
}

/**
 * Splits a number of an allowed segment into base and extension by the segment's base length
 * ('95079123' → base '95079', extension '123'). `undefined` for numbers of other segments, or numbers
 * shorter than the base length.
 */
export function splitNumber(number: string): NumberParts | undefined {
  const segment = segmentOf(number);
  if (!segment?.allowed || segment.baseLength === undefined || number.length < segment.baseLength)
    return undefined;
  return { segment, base: number.slice(0, segment.baseLength), extension: number.slice(segment.baseLength) };
}
