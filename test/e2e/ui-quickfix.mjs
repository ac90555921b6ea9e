#!/usr/bin/env node
// UI test of a quick fix in a real VS Code (code-server 4.100.3 + headless Debian Chromium): opens
// samples/mistakes/short-province-names.app95.yaml, puts the cursor on the squiggle of the short
// province name "浙江" (licence.coverage, line 45), opens the light-bulb menu with Ctrl+., picks
// 'Change to "浙江省"', saves, and checks the file on disk. Saves test-results/ui-quickfix-menu.png
// (the open menu) and test-results/ui-quickfix.png (the result, or the failure). Any wait that
// times out fails the run (exit 1).
//
// Env: MIIT95_UI_STEP_TIMEOUT (ms per step, default 45000), MIIT95_E2E_TIMEOUT (overall ms, default
// 300000), plus the harness's variables.
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

const sample = 'short-province-names.app95.yaml';
/** Where the first quick-fixable finding starts (1-based), the text it covers, and the fix's result. */
const target = { line: 45, column: 14, before: '浙江', after: '浙江省' };
const stepTimeout = Number(process.env.MIIT95_UI_STEP_TIMEOUT ?? 45_000);
const resultsDir = path.join(repoDir, 'test-results');
const screenshot = path.join(resultsDir, 'ui-quickfix.png');
const menuScreenshot = path.join(resultsDir, 'ui-quickfix-menu.png');

runMain('ui-quickfix', Number(process.env.MIIT95_E2E_TIMEOUT ?? 300_000), async (say) => {
  if (!fs.existsSync(path.join(extensionDir, 'dist', 'extension.js')))
    throw new Error(`${extensionDir}/dist/extension.js does not exist: run npm run build first`);
  const scratch = makeScratch('ui-quickfix');
  const workspace = copySamples(scratch);
  const file = path.join(workspace, 'mistakes', sample);
  const original = fs.readFileSync(file, 'utf8').split('\n')[target.line - 1] ?? '';
  if (original.slice(target.column - 1, target.column - 1 + target.before.length) !== target.before)
    throw new Error(`${sample}:${target.line}:${target.column} is not "${target.before}": ${original}`);
  const server = await startCodeServer({ scratch, workspace });
  const { page } = await launchBrowser(scratch);
  fs.mkdirSync(resultsDir, { recursive: true });

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

  await step('open the workbench', async () => {
    await page.goto(workbenchUrl(server, workspace));
    await page.locator('.monaco-workbench').waitFor(opts);
  });
  await step('explorer lists the samples (remote file system up)', () =>
    page.getByRole('treeitem', { name: 'mistakes' }).first().waitFor(opts),
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
  await step(`put the cursor on "${target.before}" (${target.line}:${target.column})`, async () => {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor(opts);
    await input.fill(`:${target.line}:${target.column}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (want) => document.querySelector('#status\\.editor\\.selection')?.textContent?.includes(want),
      `Ln ${target.line}, Col ${target.column}`,
      opts,
    );
  });
  await step('the server underlines the short province name at the cursor', () =>
    page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning').first().waitFor(opts),
  );
  const fix = await step('open the light-bulb menu (Ctrl+.) and find the fix', async () => {
    const row = page.locator('.action-widget .monaco-list-row', { hasText: target.after }).first();
    // The code actions arrive asynchronously; press again if the first menu came up empty.
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await row.waitFor({ timeout: attempt < 2 ? stepTimeout / 3 : stepTimeout });
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
        await page.keyboard.press('Escape');
      }
    }
    return row.innerText();
  });
  say(`picked: ${fix.replace(/\s+/g, ' ').trim()}`);
  await page.screenshot({ path: menuScreenshot });
  await step('apply the fix and save', async () => {
    const row = page.locator('.action-widget .monaco-list-row', { hasText: target.after }).first();
    // The menu focuses the preferred fix: Enter applies it (a click on the row can be intercepted by
    // the widget's own overlay); otherwise click the row itself.
    if (await row.evaluate((el) => el.classList.contains('focused'))) await page.keyboard.press('Enter');
    else await row.click({ force: true });
    await page.locator('.action-widget').waitFor({ ...opts, state: 'hidden' });
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + stepTimeout;
    for (;;) {
      const line = fs.readFileSync(file, 'utf8').split('\n')[target.line - 1] ?? '';
      if (line.slice(target.column - 1).startsWith(target.after)) return line;
      if (Date.now() > deadline) throw new Error(`line ${target.line} on disk is still: ${line}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  await page.screenshot({ path: screenshot });
  say(`PASS; screenshot ${path.relative(repoDir, screenshot)}`);
  return 0;
});
