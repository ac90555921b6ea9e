#!/usr/bin/env node
// UI test of a quick fix in a real VS Code (code-server 4.100.3 + headless Debian Chromium): opens
// samples/mistakes/short-province-names.app95.yaml, puts the cursor on the squiggle of the short
// province name "浙江" (licence.coverage, line 45), opens the light-bulb menu with Ctrl+., picks
// 'Change to "浙江省"', saves, and checks the file on disk. Saves test-results/ui-quickfix-menu.png
// (the open menu) and test-results/ui-quickfix.png (the result, or the failure). Any wait that
// times out fails the run (exit 1). The set-up (server, browser, workbench, steps, screenshots) is
// lib/ui-session.mjs.
//
// Env: MIIT95_UI_STEP_TIMEOUT (ms per step, default 45000), MIIT95_E2E_TIMEOUT (overall ms, default
// 300000), plus the harness's variables.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resultsDir, runUiTest } from './lib/ui-session.mjs';

const sample = 'short-province-names.app95.yaml';
/** Where the first quick-fixable finding starts (1-based), the text it covers, and the fix's result. */
const target = { line: 45, column: 14, before: '浙江', after: '浙江省' };
const menuScreenshot = path.join(resultsDir, 'ui-quickfix-menu.png');

runUiTest(
  {
    tag: 'ui-quickfix',
    scratchName: 'ui-quickfix',
    screenshot: 'ui-quickfix.png',
    /** The sample's file in the workspace, checked to hold the short name where the test expects it. */
    prepare(workspace) {
      const file = path.join(workspace, 'mistakes', sample);
      const original = fs.readFileSync(file, 'utf8').split('\n')[target.line - 1] ?? '';
      if (original.slice(target.column - 1, target.column - 1 + target.before.length) !== target.before)
        throw new Error(`${sample}:${target.line}:${target.column} is not "${target.before}": ${original}`);
      return file;
    },
  },
  async ({ page, say, step, opts, stepTimeout, quickInput, openWorkbench, openFile }, file) => {
    await openWorkbench('mistakes');
    await openFile(sample);
    await step(`put the cursor on "${target.before}" (${target.line}:${target.column})`, async () => {
      await quickInput('Control+G', `:${target.line}:${target.column}`);
      // Enter counts only once the widget has taken the typed position in (its row names the line);
      // pressed earlier, it is lost and the widget stays open (seen on a loaded machine).
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`\\b${target.line}\\b`) });
      await row.first().waitFor(opts);
      const widget = page.locator('.quick-input-widget');
      for (let attempt = 0; attempt < 3 && (await widget.isVisible()); attempt++) {
        await page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: stepTimeout / 6 }).catch(() => undefined);
      }
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
  },
);
