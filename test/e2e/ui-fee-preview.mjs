#!/usr/bin/env node
// UI test of the fee preview in a real VS Code (code-server 4.100.3 + headless Debian Chromium):
// opens the complete sample through Quick Open, checks the editor-title button, runs
// "Show Fee Preview" from the command palette, waits for the webview (nested iframes) to show the
// annual fee ¥240,000, clicks that figure and waits for the editor's cursor to land on its YAML line.
// Saves test-results/ui-fee-preview.png (also on failure). Any wait that times out fails the run.
//
// Env: MIIT95_UI_STEP_TIMEOUT (ms per step, default 45000), MIIT95_E2E_TIMEOUT (overall ms,
// default 300000), plus the harness's variables.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  copySamples,
  extensionDir,
  launchBrowser,
  makeScratch,
  repoDir,
  runMain,
  startCodeServer,
  workbenchUrl,
} from './lib/harness.mjs';

const sample = '杭州云声.app95.yaml';
const stepTimeout = Number(process.env.MIIT95_UI_STEP_TIMEOUT ?? 45_000);
const resultsDir = path.join(repoDir, 'test-results');
const screenshot = path.join(resultsDir, 'ui-fee-preview.png');

runMain('ui-fee-preview', Number(process.env.MIIT95_E2E_TIMEOUT ?? 300_000), async (say) => {
  for (const f of ['dist/extension.js', 'dist/webview/fee-preview.js', 'dist/webview/fee-preview.css'])
    if (!fs.existsSync(path.join(extensionDir, f)))
      throw new Error(`${extensionDir}/${f} does not exist: run npm run build first`);
  const scratch = makeScratch('ui-fees');
  const workspace = copySamples(scratch);
  const server = await startCodeServer({ scratch, workspace });
  const { page } = await launchBrowser(scratch);
  fs.mkdirSync(resultsDir, { recursive: true });

  /** Runs one step; a timeout or error fails the test with the step's name and a screenshot. */
  const step = async (name, fn) => {
    const started = Date.now();
    try {
      const result = await fn();
      say(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return result;
    } catch (error) {
      await page.screenshot({ path: screenshot }).catch(() => undefined);
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`step "${name}" failed: ${message}\n  screenshot: ${screenshot}`, { cause: error });
    }
  };
  const opts = { timeout: stepTimeout };
  // VS Code hosts a webview in an iframe (class "webview") whose document holds the content frame.
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  await step('open the workbench', async () => {
    await page.goto(workbenchUrl(server, workspace));
    await page.locator('.monaco-workbench').waitFor(opts);
  });
  await step('explorer lists the samples (remote file system up)', () =>
    page.getByRole('treeitem', { name: 'complete' }).first().waitFor(opts),
  );
  await step(`open ${sample} through Quick Open`, async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor(opts);
    await input.fill(sample);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: sample }).first().waitFor(opts);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: sample }).waitFor(opts);
  });
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
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor(opts);
    await input.fill('>Show Fee Preview');
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
  await page.screenshot({ path: screenshot });
  say(`PASS; screenshot ${path.relative(repoDir, screenshot)}`);
  return 0;
});
