// The fee preview's wiring outside VS Code: the server's miit95/feePreview answer (model from the
// cached analysis, locations that cover the right text), the webview HTML's Content Security Policy
// and nonce, the guard on webview messages, and the request name both sides use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isFromWebview, makeNonce, previewHtml } from '../../../client/src/preview/html';
import { AnalysisCache } from '../../../server/src/lsp/analysis';
import { FEE_PREVIEW_METHOD, type FeeRange } from '../../../server/src/editor-protocol';
import { feePreview } from '../../../server/src/handlers/fee-preview';

const SAMPLE = path.join(__dirname, '../../../samples/complete/杭州云声.app95.yaml');

function covered(text: string, range: FeeRange | undefined): string {
  assert.ok(range, 'a location');
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line, 'one line');
  return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}

describe('fee preview wiring', () => {
  it('the request name, defined once in the protocol module both sides import', () => {
    assert.equal(FEE_PREVIEW_METHOD, 'miit95/feePreview');
  });

  describe('server: feePreview', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const snapshot = (t: string, version = 1) => ({
      uri: 'file:///w/a.app95.yaml',
      version,
      getText: () => t,
    });

    it('answers from the analysis cache: the model and the location of each figure', () => {
      let validations = 0;
      const cache = new AnalysisCache(() => {
        validations++;
        return { today: '2026-11-28' };
      });
      const doc = snapshot(text);
      cache.get(doc); // diagnostics already asked
      const result = feePreview(doc, cache, '2026-11-28');
      assert.ok(result);
      assert.equal(validations, 1, 'nothing is validated twice');
      assert.equal(result.version, 1);
      assert.deepEqual(
        result.model.candidates.map((c) => c.annual?.text),
        ['¥240,000', '¥240,000', '¥24,000'],
      );
      assert.equal(covered(text, result.locations['/number/candidates/0']), '"95079"');
      assert.equal(covered(text, result.locations['/number/candidates/2']), '"952388"');
      assert.equal(covered(text, result.locations['/number/expected_billing_start']), '2027-03-01');
      assert.equal(covered(text, result.locations['/licence/valid_until']), '2028-06-20');
      assert.ok(result.locations['/number/candidates'], 'the comparison path');
    });

    it('is blocked with the location of each blocking finding', () => {
      const broken = text.replace('["95079", "95128", "952388"]', '["9507", "95128", "952388"]');
      assert.notEqual(broken, text);
      const result = feePreview(snapshot(broken, 2), new AnalysisCache(() => ({})), '2026-11-28');
      assert.ok(result);
      assert.equal(result.model.blockedBy, 1);
      assert.equal(result.model.blocking[0]?.code, 'schema/pattern');
      assert.equal(covered(broken, result.locations['/number/candidates/0']), '"9507"');
    });

    it('gives null for a document it does not have, or a configuration file', () => {
      const cache = new AnalysisCache(() => ({}));
      assert.equal(feePreview(undefined, cache, '2026-11-28'), null);
      const config = { uri: 'file:///w/.miit95.yaml', version: 1, getText: () => 'rules: {}\n' };
      assert.equal(feePreview(config, cache, '2026-11-28'), null);
    });
  });

  describe('webview HTML', () => {
    const nonce = makeNonce();
    const html = previewHtml({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      nonce,
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/fee-preview.js',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/fee-preview.css',
      lang: 'zh-CN',
      title: '费用预览：<a>&"',
      loading: '正在计算费用…',
    });

    it('has a strict CSP: nothing by default, styles and the script by nonce, images from the extension', () => {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.equal(
        csp,
        `default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net &#39;nonce-${nonce}&#39;; script-src &#39;nonce-${nonce}&#39;; img-src https://file+.vscode-resource.vscode-cdn.net data:`,
      );
    });

    it('loads one script and one stylesheet, both with the nonce, and nothing inline', () => {
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, [
        `<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/fee-preview.js">`,
      ]);
      assert.match(
        html,
        new RegExp(`<link rel="stylesheet" nonce="${nonce}" href="[^"]+fee-preview\\.css">`),
      );
      assert.doesNotMatch(html, /<style\b|\son\w+=|javascript:/i);
      assert.doesNotMatch(html.replace(/https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/g, ''), /https?:/);
    });

    it('escapes the strings it writes', () => {
      assert.match(html, /<title>费用预览：&#60;a&#62;&#38;&#34;<\/title>/);
    });

    it('makes a fresh, attribute-safe nonce each time', () => {
      const a = makeNonce();
      const b = makeNonce();
      assert.notEqual(a, b);
      assert.match(a, /^[A-Za-z0-9]{16,}$/);
    });
  });

  describe('messages from the webview', () => {
    const cases: [unknown, boolean][] = [
      [{ type: 'ready' }, true],
      [{ type: 'reveal', path: ['number', 'candidates', 0] }, true],
      [{ type: 'rendered', summary: { uri: '', version: 1 } }, true],
      [{ type: 'reveal', path: 'number.candidates' }, false],
      [{ type: 'reveal', path: [{}] }, false],
      [{ type: 'eval', code: '1' }, false],
      [null, false],
      ['ready', false],
    ];
    for (const [message, ok] of cases) {
      it(`${ok ? 'accepts' : 'rejects'} ${JSON.stringify(message)}`, () =>
        assert.equal(isFromWebview(message), ok));
    }
  });
});
