/**
 * "New application from existing" (core/portfolio/next-application.ts): the applicant, licence,
 * platform and access are copied with their text and marked for review; candidates, dates, pledge
 * and schedule are the template's placeholders; the result parses and its errors are on placeholder
 * lines or on the routing that refers to the template's ids.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { parseApplication, validate } from '../../../server/src/core';
import { nextApplication, nextApplicationFileName, REVIEW_MARK } from '../../../server/src/core/portfolio';
import { SAMPLES_DIR } from '../../sample-files';

const SAMPLE = readFileSync(path.join(SAMPLES_DIR, 'complete', '杭州云声.app95.yaml'), 'utf8');
const TODAY = '2027-02-15';

type Data = Record<string, Record<string, unknown>>;

describe('next application from an existing one', function () {
  const source = parseApplication(SAMPLE).value as Data;
  const next = nextApplication({ source: SAMPLE, sourceName: '杭州云声.app95.yaml', today: TODAY });
  const parsed = parseApplication(next.text);
  const data = parsed.value as Data;

  it('parses without YAML errors and copies the four sections exactly', function () {
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(next.copied, [['applicant'], ['licence'], ['tech', 'platform'], ['tech', 'access']]);
    assert.deepEqual(data['applicant'], source['applicant']);
    assert.deepEqual(data['licence'], source['licence']);
    assert.deepEqual((data['tech'] as Data)['platform'], (source['tech'] as Data)['platform']);
    assert.deepEqual((data['tech'] as Data)['access'], (source['tech'] as Data)['access']);
    assert.equal(next.companyName, '杭州云声信息技术有限公司');
  });

  it('resets candidates, the application date, the pledge date and the schedule', function () {
    assert.equal(data['application']?.['date'], TODAY);
    assert.deepEqual(data['number']?.['candidates'], ['待填写']);
    assert.equal(data['pledge']?.['date'], '待填写');
    assert.deepEqual(data['schedule'], [{ province: '待填写', month_offset: 1 }]);
    assert.equal((data['tech'] as Data)['seats'], '待填写');
  });

  it('marks each copied section with a review comment right above it', function () {
    const lines = next.text.split('\n');
    for (const key of ['applicant:', 'licence:', '  platform:', '  access:']) {
      const i = lines.indexOf(key);
      assert.ok(i > 0, key);
      assert.ok(
        lines[i - 1]?.trimStart().startsWith(`# ${REVIEW_MARK}：本节复制自“杭州云声.app95.yaml”`),
        lines[i - 1],
      );
    }
    assert.equal(lines.filter((l) => l.includes(REVIEW_MARK)).length, 4);
  });

  it('keeps the errors to placeholders and template references, none in the copied sections', function () {
    const findings = validate(next.text, { today: TODAY }).findings.filter((f) => f.severity === 'error');
    const inCopied = findings.filter(
      (f) =>
        ['applicant', 'licence'].includes(String(f.data.path[0])) ||
        (f.data.path[0] === 'tech' && ['platform', 'access'].includes(String(f.data.path[1]))),
    );
    assert.deepEqual(
      inCopied.map((f) => f.code),
      [],
    );
    assert.ok(findings.length > 0, 'the placeholders are still to fill in');
  });

  it('re-indents nested sections written with another indentation', function () {
    const four = stringify(source, { indent: 4 });
    assert.match(four, /^ {4}platform:/m);
    const result = nextApplication({ source: four, sourceName: 'x.app95.yaml', today: TODAY });
    const value = parseApplication(result.text).value as Data;
    assert.deepEqual((value['tech'] as Data)['access'], (source['tech'] as Data)['access']);
    assert.deepEqual(value['applicant'], source['applicant']);
  });

  it('copies nothing from a text that is not an application, and names the new file by company and date', function () {
    const empty = nextApplication({ source: '- a list\n', sourceName: 'x', today: TODAY });
    assert.deepEqual(empty.copied, []);
    assert.ok(!empty.text.includes(REVIEW_MARK));
    assert.equal(
      nextApplicationFileName('杭州云声信息技术有限公司', TODAY),
      `杭州云声信息技术有限公司-${TODAY}.app95.yaml`,
    );
    assert.equal(nextApplicationFileName(undefined, TODAY), `新申请-${TODAY}.app95.yaml`);
  });
});
