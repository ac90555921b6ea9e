/**
 * Writes deadlines as an iCalendar file (RFC 5545) that Outlook, WPS and phone calendars import:
 * one all-day VEVENT per deadline (DTSTART;VALUE=DATE, DTEND the next day), a UID that stays the
 * same for the same application and deadline (so a re-import updates instead of duplicating), a
 * DTSTAMP, text escaped (backslash, semicolon, comma, line breaks), lines ended by CRLF and folded
 * at 75 octets without splitting a UTF-8 sequence. Pure: the caller passes the time stamp.
 */
import { addDays, formatIsoDate, parseIsoDate } from '../checks/dates';
import type { Locale } from '../types';
import type { ApplicationSummary } from './summary';

export interface CalendarOptions {
  readonly locale: Locale;
  /** The creation time, UTC, as `YYYYMMDDTHHMMSSZ` (see `icsTimestamp`). */
  readonly stamp: string;
  /** The PRODID's version. */
  readonly version: string;
  /** How an application is named in an event's description (a path relative to the folder). */
  readonly displayFile: (file: string) => string;
}

/** A Date as an iCalendar UTC date-time: 20261207T120000Z. */
export function icsTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** The UTF-8 length of one code point. */
function octetsOf(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function utf8Length(text: string): number {
  let n = 0;
  for (const char of text) n += octetsOf(char);
  return n;
}

/** The UTF-8 bytes of a string (for hashing). */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  return bytes;
}

/** Folds a content line into lines of at most 75 octets (continuations start with a space), CRLF-terminated. */
export function foldLine(line: string): string {
  if (utf8Length(line) <= 75) return `${line}\r\n`;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = octetsOf(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.map((part, i) => (i === 0 ? part : ` ${part}`)).join('\r\n') + '\r\n';
}

/** FNV-1a (64-bit) of a string, as 16 hex digits: a stable, dependency-free UID part. */
export function stableHash(value: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of utf8Bytes(value)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

function icsDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** The calendar of every deadline of the given applications. */
export function renderCalendar(summaries: readonly ApplicationSummary[], options: CalendarOptions): string {
  const zh = options.locale === 'zh-cn';
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//miit95//miit95 ${options.version}//${zh ? 'ZH' : 'EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(zh ? '95号码申请期限' : '95-number application deadlines')}`,
  ];
  for (const summary of summaries) {
    const file = options.displayFile(summary.file);
    const who = summary.applicant ?? file;
    for (const deadline of summary.deadlines) {
      const start = parseIsoDate(deadline.date);
      if (start === undefined) continue;
      const title = deadline.title[options.locale];
      const description = zh
        ? `申请文件：${file}\n申请单位：${who}\n期限：${deadline.date}（${title}）\n由 miit95 生成，请以主管部门的通知为准。`
        : `Application file: ${file}\nApplicant: ${who}\nDeadline: ${deadline.date} (${title})\nWritten by miit95; the authority's notices prevail.`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${stableHash(`${summary.file}\n${deadline.key}`)}@miit95`,
        `DTSTAMP:${options.stamp}`,
        `DTSTART;VALUE=DATE:${icsDate(deadline.date)}`,
        `DTEND;VALUE=DATE:${icsDate(formatIsoDate(addDays(start, 1)))}`,
        `SUMMARY:${escapeText(`${who}：${title}`)}`,
        `DESCRIPTION:${escapeText(description)}`,
        `CATEGORIES:${escapeText('miit95')}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}
