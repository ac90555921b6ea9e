/**
 * The iCalendar writer (core/portfolio/ics.ts), read back by ical.js: one all-day event per
 * deadline with the Chinese text intact, stable UIDs, CRLF line ends, lines folded at 75 octets
 * without splitting a character, escaping of the TEXT special characters.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ICAL } from '../../ical';
import { validate } from '../../../server/src/core';
import {
  escapeText,
  foldLine,
  renderCalendar,
  summarizeApplication,
  type ApplicationSummary,
} from '../../../server/src/core/portfolio';
import { SAMPLES_DIR } from '../../sample-files';

const SAMPLE = readFileSync(path.join(SAMPLES_DIR, 'complete', '杭州云声.app95.yaml'), 'utf8');
const TODAY = '2026-12-07';

function summaryOf(text: string, file: string): ApplicationSummary {
  const result = validate(text, { today: TODAY });
  return summarizeApplication({ file, findings: result.findings, document: result.document, today: TODAY });
}

const options = {
  locale: 'zh-cn' as const,
  stamp: '20261207T093000Z',
  version: '9.9.9',
  displayFile: (f: string) => f,
};

describe('portfolio iCalendar', function () {
  const summary = summaryOf(SAMPLE, '客户/杭州云声.app95.yaml');

  it('is read back by ical.js: every deadline an all-day event with its date and Chinese summary', function () {
    const text = renderCalendar([summary], options);
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(calendar.getFirstPropertyValue('prodid'), '-//miit95//miit95 9.9.9//ZH');
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    assert.equal(events.length, summary.deadlines.length);
    for (const [i, deadline] of summary.deadlines.entries()) {
      const event = events[i]!;
      assert.equal(event.startDate.isDate, true, 'VALUE=DATE');
      assert.equal(event.startDate.toString(), deadline.date);
      assert.equal(event.endDate.toString() > deadline.date, true);
      assert.equal(event.summary, `杭州云声信息技术有限公司：${deadline.title['zh-cn']}`);
      assert.match(
        event.description,
        /^申请文件：客户\/杭州云声\.app95\.yaml\n申请单位：杭州云声信息技术有限公司\n/,
      );
      assert.match(event.uid, /^[0-9a-f]{16}@miit95$/);
    }
    const stamp = calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstamp');
    assert.equal(String(stamp), '2026-12-07T09:30:00Z');
  });

  it('keeps UIDs stable across runs and unique per deadline and application', function () {
    const a = renderCalendar([summary], options);
    const b = renderCalendar([summary], { ...options, stamp: '20270101T000000Z' });
    const uids = (t: string): string[] => [...t.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]!);
    assert.deepEqual(uids(a), uids(b));
    const other = summaryOf(SAMPLE, '客户/另一份.app95.yaml');
    const both = uids(renderCalendar([summary, other], options));
    assert.equal(new Set(both).size, both.length);
  });

  it('ends every line with CRLF and folds at 75 octets without splitting a UTF-8 character', function () {
    const text = renderCalendar([summary], options);
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines)
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line)}: ${line}`);
    assert.ok(
      lines.some((l) => l.startsWith(' ')),
      'some long line is folded',
    );
    // Unfolding gives back the exact text: no character was split.
    const long = `SUMMARY:${'号码'.repeat(60)}`;
    const folded = foldLine(long);
    assert.equal(folded.replace(/\r\n /g, '').replace(/\r\n$/, ''), long);
    assert.ok(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75));
    assert.equal(foldLine('SHORT:x'), 'SHORT:x\r\n');
  });

  it('escapes backslash, semicolon, comma and line breaks in text', function () {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
    const odd: ApplicationSummary = { ...summary, applicant: '某公司; 分号, 逗号\\反斜杠' };
    const calendar = new ICAL.Component(ICAL.parse(renderCalendar([odd], options)));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    assert.ok(event.summary.startsWith('某公司; 分号, 逗号\\反斜杠：'), event.summary);
  });

  it('writes English text with --lang en', function () {
    const text = renderCalendar([summary], { ...options, locale: 'en' });
    const calendar = new ICAL.Component(ICAL.parse(text));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    assert.equal(event.summary, `杭州云声信息技术有限公司：${summary.deadlines[0]!.title.en}`);
    assert.match(event.description, /^Application file: /);
  });
});
