#!/usr/bin/env node
// UI smoke test in a real VS Code (code-server 4.100.3 + headless Debian Chromium): opens the
// samples workspace with the extension loaded unpacked, opens a mistake sample through Quick Open,
// and waits for the squiggle, the status-bar error count and a miit95 entry in the Problems panel.
// Saves test-results/ui-smoke.png (also on failure). Any wait that times out fails the run (exit 1).
// The set-up (server, browser, workbench, steps, screenshots) is lib/ui-session.mjs.
//
// Env: MIIT95_UI_SAMPLE (file name, default unknown-key.app95.yaml), MIIT95_UI_STEP_TIMEOUT (ms per
// step, default 45000), MIIT95_E2E_TIMEOUT (overall ms, default 300000), plus the harness's variables.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runUiTest } from './lib/ui-session.mjs';

const sample = process.env.MIIT95_UI_SAMPLE ?? 'unknown-key.app95.yaml';
// A miit95 code as the Problems row shows it (its text runs together: "…miit95schema/required[Ln …").
const miit95Code = /(schema|yaml)\/[A-Za-z]+|R-[A-Z]+-\d{3}/;

runUiTest(
  {
    tag: 'ui-smoke',
    scratchName: 'ui',
    screenshot: 'ui-smoke.png',
    prepare(workspace) {
      if (
        !fs
          .readdirSync(workspace, { recursive: true, encoding: 'utf8' })
          .some((f) => path.basename(f) === sample)
      ) {
        throw new Error(`samples/ has no ${sample}`);
      }
    },
  },
  async ({ page, say, step, opts, openWorkbench, openFile }) => {
    await openWorkbench('mistakes');
    await openFile(sample);
    await step('the language mode is miit95 (95号码申请)', () =>
      page.locator('#status\\.editor\\.mode', { hasText: '95号码申请' }).waitFor(opts),
    );
    await step('an error squiggle appears', () =>
      page.locator('.monaco-editor .squiggly-error').first().waitFor(opts),
    );
    const problems = await step('the status bar counts the errors', async () => {
      const item = page.locator('#status\\.problems');
      await item.waitFor(opts);
      // aria-label reads e.g. "Errors: 1, Warnings: 0" (wording of VS Code's English UI).
      await page.waitForFunction(
        () =>
          /Errors?: *[1-9]/i.test(
            document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '',
          ),
        undefined,
        opts,
      );
      return item.getAttribute('aria-label');
    });
    say(`status bar problems: ${problems}`);
    const entry = await step('the Problems panel lists a miit95 diagnostic', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page
        .locator('.markers-panel .monaco-list-row', { hasText: miit95Code })
        .filter({ hasText: 'miit95' })
        .first();
      await row.waitFor(opts);
      return row.innerText();
    });
    say(`problems entry: ${entry.replace(/\s+/g, ' ').trim()}`);
    await step('the Problems entry reveals its squiggle in the editor', async () => {
      await page.locator('.markers-panel .monaco-list-row', { hasText: miit95Code }).first().click();
      await page
        .locator('.monaco-editor .squiggly-error')
        .first()
        .waitFor({ ...opts, state: 'visible' });
    });
    const status = await step("the extension's language status item shows the counts", async () => {
      await page.locator('#status\\.languageStatus').click();
      const hover = page
        .locator('.monaco-hover, .context-view', { hasText: /\d+ errors?, \d+ warnings?|\d+ 个错误/ })
        .first();
      await hover.waitFor(opts);
      return hover.innerText();
    });
    say(`language status: ${status.replace(/\s+/g, ' ').trim()}`);
  },
);
