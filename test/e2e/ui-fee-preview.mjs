#!/usr/bin/env node
// UI test of the fee preview in a real VS Code (code-server 4.100.3 + headless Debian Chromium):
// opens the complete sample through Quick Open, checks the editor-title button, runs
// "Show Fee Preview" from the command palette, waits for the webview (nested iframes) to show the
// annual fee ¥240,000, clicks that figure and waits for the editor's cursor to land on its YAML line.
// Saves test-results/ui-fee-preview.png (also on failure). Any wait that times out fails the run.
// The set-up (server, browser, workbench, steps, screenshots) is lib/ui-session.mjs.
//
// Env: MIIT95_UI_STEP_TIMEOUT (ms per step, default 45000), MIIT95_E2E_TIMEOUT (overall ms,
// default 300000), plus the harness's variables.
import { runUiTest } from './lib/ui-session.mjs';

const sample = '杭州云声.app95.yaml';

runUiTest(
  {
    tag: 'ui-fee-preview',
    scratchName: 'ui-fees',
    screenshot: 'ui-fee-preview.png',
    requires: ['dist/extension.js', 'dist/webview/fee-preview.js', 'dist/webview/fee-preview.css'],
  },
  async ({ page, say, step, opts, quickInput, openWorkbench, openFile }) => {
    // VS Code hosts a webview in an iframe (class "webview") whose document holds the content frame.
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

    await openWorkbench('complete');
    await openFile(sample);
    await step('the language mode is miit95 (95号码申请)', () =>
      page.locator('#status\\.editor\\.mode', { hasText: '95号码申请' }).waitFor(opts),
    );
    await step('the editor title has the fee preview button', () =>
      page
        .locator(
          '.editor-actions .action-label[aria-label*="Show Fee Preview"], .editor-actions .action-label[aria-label*="显示费用预览"]',
        )
        .first()
        .waitFor(opts),
    );
    await step('run "Show Fee Preview" from the command palette', async () => {
      await quickInput('F1', '>Show Fee Preview');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Show Fee Preview' })
        .first()
        .waitFor(opts);
      await page.keyboard.press('Enter');
    });
    await step('a preview tab opens beside the editor', () =>
      page
        .locator('.tabs-container .tab', { hasText: /Fee Preview|费用预览/ })
        .first()
        .waitFor(opts),
    );
    const annual = await step('the webview shows the annual fee ¥240,000', async () => {
      const figure = webview.locator('button[data-role="annual"]', { hasText: '¥240,000' }).first();
      await figure.waitFor(opts);
      await webview.locator('svg.chart rect.bar').first().waitFor(opts);
      return figure;
    });
    const source = await step('the webview states the rate source and that it is unconfirmed', async () => {
      const line = webview.locator('[data-role="source"]');
      await line.waitFor(opts);
      return line.innerText();
    });
    say(`rate source line: ${source.replace(/\s+/g, ' ').trim()}`);
    await step('clicking the figure reveals its YAML line (47) in the editor', async () => {
      await annual.click();
      await page.locator('#status\\.editor\\.selection', { hasText: /Ln 47,/ }).waitFor(opts);
    });
    // The click moved focus to the editor; bring the preview's content into view for the picture.
    await webview.locator('h1').first().waitFor(opts);
  },
);
