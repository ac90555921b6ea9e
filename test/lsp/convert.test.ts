/** Finding → Diagnostic conversion (lsp/convert.ts): ranges, severities, code, source, docs, data, related. */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol/node';
import { docsHref, toDiagnostics } from '../../server/src/lsp/convert';
import { LineIndex, type Finding } from '../../server/src/core';

const TEXT = 'apiVersion: miit95/v1\r\napplicant:\n  名称: 杭州\n  fax: 1\n';
const LINES = new LineIndex(TEXT);

function finding(overrides: Partial<Finding> & Pick<Finding, 'range'>): Finding {
  return {
    code: 'schema/additionalProperties',
    severity: 'error',
    message: { 'zh-cn': '未知的属性“fax”', en: 'Unknown property "fax"' },
    data: { path: ['applicant', 'fax'] },
    ...overrides,
  };
}

function span(needle: string): { start: number; end: number } {
  const start = TEXT.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

/** The text a converted LSP range covers, read back by an independent implementation of LSP positions. */
function covered(range: Range): string {
  return TextDocument.create('file:///x/a.app95.yaml', 'miit95', 1, TEXT).getText(range);
}

describe('convert: Finding → Diagnostic', function () {
  const context = { uri: 'file:///x/a.app95.yaml', version: 7, locale: 'zh-cn' as const };

  const ranges: [string, string][] = [
    ['a key after a CRLF line', 'applicant'],
    ['a key after non-ASCII text', 'fax'],
    ['a CJK key', '名称'],
    ['a range across lines', 'applicant:\n  名称'],
  ];
  for (const [name, needle] of ranges) {
    it(`maps ${name} to the same covered text`, function () {
      const [d] = toDiagnostics([finding({ range: span(needle) })], LINES, context);
      assert.equal(covered(d!.range), needle);
    });
  }

  it('clamps out-of-range and reversed offsets instead of producing invalid ranges', function () {
    const [beyond, reversed, nan] = toDiagnostics(
      [
        finding({ range: { start: TEXT.length + 50, end: TEXT.length + 80 } }),
        finding({ range: { start: 20, end: 3 } }),
        finding({ range: { start: Number.NaN, end: Number.NaN } }),
      ],
      LINES,
      context,
    );
    assert.deepEqual(beyond!.range.start, beyond!.range.end);
    assert.equal(covered(beyond!.range), '');
    assert.deepEqual(reversed!.range.start, reversed!.range.end);
    assert.deepEqual(nan!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  const severities: [Finding['severity'], number][] = [
    ['error', 1],
    ['warning', 2],
    ['info', 3],
    ['hint', 4],
  ];
  for (const [severity, lsp] of severities) {
    it(`maps severity ${severity} to ${lsp}`, function () {
      const [d] = toDiagnostics([finding({ severity, range: span('fax') })], LINES, context);
      assert.equal(d!.severity, lsp);
    });
  }

  it('carries code, source, the locale’s message and data with the version', function () {
    const fixes = [
      {
        kind: 'removeProperty' as const,
        path: ['applicant', 'fax'],
        title: { 'zh-cn': '删除', en: 'Remove' },
      },
    ];
    const f = finding({
      range: span('fax'),
      data: { path: ['applicant', 'fax'], suggestion: 'phone', fixes },
    });
    const [zh] = toDiagnostics([f], LINES, context);
    const [en] = toDiagnostics([f], LINES, { ...context, locale: 'en' });
    assert.equal(zh!.code, 'schema/additionalProperties');
    assert.equal(zh!.source, 'miit95');
    assert.equal(zh!.message, '未知的属性“fax”');
    assert.equal(en!.message, 'Unknown property "fax"');
    assert.deepEqual(zh!.data, { path: ['applicant', 'fax'], suggestion: 'phone', fixes, version: 7 });
    assert.equal(zh!.codeDescription, undefined, 'no docs, no link');
    assert.equal(zh!.relatedInformation, undefined);
  });

  it('links the rule docs: absolute URLs as they are, relative paths against the docs base', function () {
    const href = 'https://miit95.example/rules/R-COVERAGE-001';
    const findings = [
      finding({ range: span('fax'), docs: href }),
      finding({ range: span('fax'), docs: 'docs/rules/R-NUMBER-003.md' }),
    ];
    const [absolute, relative] = toDiagnostics(findings, LINES, { ...context, docsBase: 'file:///opt/ext/' });
    assert.deepEqual(absolute!.codeDescription, { href });
    assert.deepEqual(relative!.codeDescription, { href: 'file:///opt/ext/docs/rules/R-NUMBER-003.md' });
    const [, withoutBase] = toDiagnostics(findings, LINES, context);
    assert.equal(
      withoutBase!.codeDescription,
      undefined,
      'a relative path without a base would be a broken link',
    );
  });

  const hrefs: [string, string | undefined, string | undefined, string | undefined][] = [
    ['no docs', undefined, 'https://x.example/', undefined],
    ['empty docs', '', 'https://x.example/', undefined],
    [
      'a web base',
      'docs/rules/R-A-001.md',
      'https://x.example/miit95/',
      'https://x.example/miit95/docs/rules/R-A-001.md',
    ],
    [
      'a path with CJK',
      'docs/rules/规则.md',
      'file:///opt/ext/',
      'file:///opt/ext/docs/rules/%E8%A7%84%E5%88%99.md',
    ],
    ['an absolute URL ignores the base', 'https://a.example/p', 'file:///opt/ext/', 'https://a.example/p'],
  ];
  for (const [name, docs, base, expected] of hrefs) {
    it(`docs href: ${name}`, function () {
      assert.equal(docsHref(docs, base), expected);
    });
  }

  it('turns related info into locations in the same document, in the locale', function () {
    const related = [{ range: span('applicant'), message: { 'zh-cn': '锚点在此', en: 'anchor here' } }];
    const [d] = toDiagnostics([finding({ range: span('fax'), related })], LINES, {
      ...context,
      locale: 'en',
    });
    assert.equal(d!.relatedInformation?.length, 1);
    const info = d!.relatedInformation[0];
    assert.ok(info !== undefined);
    assert.equal(info.location.uri, context.uri);
    assert.equal(covered(info.location.range), 'applicant');
    assert.equal(info.message, 'anchor here');
  });
});
