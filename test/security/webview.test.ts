/**
 * The fee preview webview cannot turn YAML values into markup (issue 6, item 6): its script builds
 * the DOM with createElement/textContent only — no HTML-string sink anywhere in client/webview —,
 * the panel is created without command URIs and with its resource roots limited to the extension,
 * and the HTML shell escapes what it writes. That `<script>`/`<img onerror>` values really show as
 * text in a running webview is test/vscode/security.test.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { previewHtml } from '../../client/src/preview/html';
import { REPO_ROOT } from '../lsp/client';

const WEBVIEW_DIR = path.join(REPO_ROOT, 'client', 'webview');

/** HTML-string sinks and script-from-string APIs a webview must not use with data. */
const SINKS: readonly (readonly [string, RegExp])[] = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\.write(ln)?\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['an on* attribute', /setAttribute(NS)?\(\s*(null\s*,\s*)?['"`]on/i],
  ['a javascript: URL', /javascript:/i],
  ['eval or Function', /(^|[^\w.])(eval|Function)\s*\(/],
];

describe('security: the fee preview webview renders data as text', function () {
  it('its script and styles use no HTML-string sink', function () {
    const files = readdirSync(WEBVIEW_DIR).filter((f) => /\.(ts|js|css)$/.test(f));
    assert.ok(files.some((f) => f.endsWith('.ts')), 'the webview script exists');
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(path.join(WEBVIEW_DIR, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$|^\s*\*.*$/, ''); // comments may name what is avoided
        for (const [what, pattern] of SINKS) if (pattern.test(code)) found.push(`${file}:${i + 1} ${what}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('the panel allows no command URIs and loads resources from the extension only', function () {
    const panel = readFileSync(path.join(REPO_ROOT, 'client', 'src', 'preview', 'fee-preview-panel.ts'), 'utf8');
    assert.match(panel, /enableCommandUris:\s*false/);
    assert.match(panel, /localResourceRoots:\s*\[[^\]]*extensionUri/);
  });

  it('the HTML shell escapes a title and a language that carry markup', function () {
    const html = previewHtml({
      cspSource: 'https://example.invalid',
      nonce: 'n0nce',
      scriptUri: 'https://example.invalid/x.js',
      styleUri: 'https://example.invalid/x.css',
      lang: '"><script>alert(1)</script>',
      title: '<img src=x onerror=alert(2)>.app95.yaml',
      loading: '<script>alert(3)</script>',
    });
    assert.equal([...html.matchAll(/<script\b/g)].length, 1, 'only the extension’s own script tag');
    assert.doesNotMatch(html, /<img\b|<script>alert|"><script/);
    assert.match(html, /&#60;img src=x onerror=alert\(2\)&#62;/);
  });
});
