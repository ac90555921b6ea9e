/**
 * The fee preview webview's HTML and the guard on its messages, free of the `vscode` API so that unit
 * tests can check them: a strict Content Security Policy (nothing but the extension's own bundled
 * script and stylesheet, a fresh nonce per panel, no network), and shape checks on untrusted input.
 */
import { randomBytes } from 'node:crypto';
import type { FromWebview } from './protocol';

/** A nonce for the CSP: 128 random bits, base64 without padding characters that need escaping. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, '');
}

/** Escapes text for an HTML attribute or element (only static strings and URIs are written this way). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The panel's HTML. Exported for tests of the CSP. */
export function previewHtml(options: {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang: string;
  readonly title: string;
  readonly loading: string;
}): string {
  const { cspSource, nonce } = options;
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="muted">${escapeHtml(options.loading)}</p></main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}

/** Messages from the webview are untrusted input: accept only the known shapes. */
export function isFromWebview(message: unknown): message is FromWebview {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
      return true;
    case 'reveal':
      return (
        Array.isArray(m['path']) &&
        (m['path'] as unknown[]).every((s) => typeof s === 'string' || typeof s === 'number')
      );
    case 'rendered':
      return typeof m['summary'] === 'object' && m['summary'] !== null;
    default:
      return false;
  }
}
