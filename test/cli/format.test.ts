/** CLI rendering (cli/format.ts, cli/messages.ts) with synthetic findings: positions, text lines, JSON, summary. */
import assert from 'node:assert/strict';
import { renderJson, renderText, toJsonFindings, type CheckedFile } from '../../server/src/cli/format';
import { summaryText } from '../../server/src/cli/messages';
import type { Finding } from '../../server/src/core';

const TEXT = 'apiVersion: miit95/v1\r\napplicant:\n  名称: 杭州\n  fax: 1\n';

function at(needle: string, code: string, severity: Finding['severity']): Finding {
  const start = TEXT.indexOf(needle);
  assert.ok(start >= 0);
  return {
    code,
    severity,
    message: { 'zh-cn': `中文：${needle}\n第二行`, en: `english: ${needle}` },
    range: { start, end: start + needle.length },
    data: { path: [] },
  };
}

const FILES: CheckedFile[] = [
  {
    file: 'apps/a.app95.yaml',
    text: TEXT,
    findings: [
      at('fax', 'schema/additionalProperties', 'error'),
      at('名称: 杭州\n  fax', 'R-X-001', 'warning'),
    ],
  },
  { file: 'b.app95.yaml', text: 'x', findings: [] },
  {
    file: 'c.app95.yaml',
    text: TEXT,
    findings: [at('applicant', 'R-Y-002', 'hint'), at('apiVersion', 'R-Z-003', 'info')],
  },
];

describe('cli output', function () {
  it('gives 1-based positions, start and end, in UTF-16 columns', function () {
    const [fax, multi] = toJsonFindings(FILES, 'en');
    assert.deepEqual(fax, {
      file: 'apps/a.app95.yaml',
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 6,
      severity: 'error',
      code: 'schema/additionalProperties',
      message: 'english: fax',
    });
    assert.deepEqual([multi!.line, multi!.column, multi!.endLine, multi!.endColumn], [3, 3, 4, 6]);
  });

  it('prints one line per finding, then the summary, in Chinese', function () {
    const lines = renderText(FILES, 'zh-cn').split('\n');
    assert.deepEqual(lines, [
      'apps/a.app95.yaml:4:3 error schema/additionalProperties 中文：fax 第二行',
      'apps/a.app95.yaml:3:3 warning R-X-001 中文：名称: 杭州 fax 第二行',
      'c.app95.yaml:2:1 hint R-Y-002 中文：applicant 第二行',
      'c.app95.yaml:1:1 info R-Z-003 中文：apiVersion 第二行',
      '检查了 3 个文件：1 个错误，1 个警告，2 个提示。',
      '',
    ]);
  });

  it('prints the summary in English', function () {
    assert.match(renderText(FILES, 'en'), /\nChecked 3 files: 1 error, 1 warning, 2 notes\.\n$/);
  });

  it('says when nothing was found, and prints nothing when nothing was checked', function () {
    assert.equal(renderText([FILES[1]!], 'zh-cn'), '检查了 1 个文件，未发现问题。\n');
    assert.equal(renderText([FILES[1]!], 'en'), 'Checked 1 file: no problems found.\n');
    assert.equal(renderText([], 'en'), '');
  });

  it('still prints a summary when an input could not be checked, without claiming "no problems"', function () {
    assert.equal(
      renderText([], 'zh-cn', 1),
      '检查了 0 个文件；1 个文件或文件夹无法检查（原因见上方说明）。\n',
    );
    assert.equal(
      renderText([], 'en', 1),
      'Checked 0 files; 1 file or folder could not be checked (see the messages above).\n',
    );
    assert.equal(
      renderText([FILES[1]!], 'en', 2),
      'Checked 1 file: no problems found; 2 files or folders could not be checked (see the messages above).\n',
    );
    assert.match(
      renderText(FILES, 'zh-cn', 1),
      /\n检查了 3 个文件：1 个错误，1 个警告，2 个提示；1 个文件或文件夹无法检查（原因见上方说明）。\n$/,
    );
  });

  it('pluralises the English summary', function () {
    assert.equal(
      summaryText({ files: 2, errors: 2, warnings: 0, notes: 1 }, 'en'),
      'Checked 2 files: 2 errors, 0 warnings, 1 note.',
    );
  });

  it('prints exactly one JSON object with the findings and the suppressions', function () {
    const parsed = JSON.parse(renderJson(FILES, 'zh-cn'));
    assert.deepEqual(Object.keys(parsed), ['findings', 'suppressions']);
    assert.equal(parsed.findings.length, 4);
    assert.equal(parsed.findings[0].message, '中文：fax 第二行');
    assert.deepEqual(JSON.parse(renderJson([], 'en')), { findings: [], suppressions: [] });
  });
});
