#!/usr/bin/env node
// Workspace check UI test in a real VS Code (code-server 4.100.3 + headless Debian Chromium): opens
// the samples workspace with no file open, runs "Check Workspace" (miit95.checkWorkspace) from the
// command palette and waits until the Problems panel lists miit95 findings of several applications
// that were never opened, with their rule codes. Saves test-results/ui-workspace-check[-zh].png.
//
// Env: MIIT95_UI_LANG=zh-cn writes `"miit95.language": "zh-cn"` to the workspace settings first (the
// task's messages in Chinese; VS Code's own UI stays English), plus ui-session's and the harness's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runUiTest } from './lib/ui-session.mjs';

const lang = process.env.MIIT95_UI_LANG === 'zh-cn' ? 'zh-cn' : 'en';
const miit95Code = /R-[A-Z]+-\d{3}|schema\/[A-Za-z]+/;
/** Applications of samples/ that the scenario never opens; each must show up in Problems. */
const unopened = [
  'wrong-digit-length.app95.yaml',
  'too-few-seats.app95.yaml',
  'provincial-licence.app95.yaml',
];

runUiTest(
  {
    tag: 'ui-workspace-check',
    scratchName: 'ui-check',
    screenshot: lang === 'zh-cn' ? 'ui-workspace-check-zh.png' : 'ui-workspace-check.png',
    requires: ['dist/extension.js', 'dist/cli.js'],
    prepare(workspace) {
      for (const name of unopened)
        if (!fs.existsSync(path.join(workspace, 'mistakes', name)))
          throw new Error(`samples/mistakes has no ${name}`);
      if (lang === 'zh-cn') {
        fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
        fs.writeFileSync(
          path.join(workspace, '.vscode', 'settings.json'),
          JSON.stringify({ 'miit95.language': 'zh-cn' }, null, 2),
        );
      }
    },
  },
  async ({ page, say, step, opts, quickInput, openWorkbench }) => {
    await openWorkbench('mistakes');
    await step('no editor is open', async () => {
      const tabs = await page.locator('.tabs-container .tab').count();
      if (tabs !== 0) throw new Error(`${tabs} editor tabs are open`);
    });
    await step('run "Check Workspace" from the command palette', async () => {
      // The palette lists the extension's commands once its manifest is registered: type again until then.
      const row = page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'miit95: Check Workspace' })
        .first();
      const deadline = Date.now() + opts.timeout;
      for (;;) {
        await quickInput('F1', '>miit95: Check Workspace');
        const shown = await row.waitFor({ timeout: 5000 }).then(
          () => true,
          () => false,
        );
        if (shown) break;
        if (Date.now() > deadline)
          throw new Error('the command palette never listed miit95: Check Workspace');
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Enter');
    });
    // The Problems tree renders only the rows in view: filter it by each file name in turn.
    const filter = page.getByPlaceholder(/Filter \(e\.g\./).first();
    for (const name of unopened) {
      await step(`Problems lists ${name} (never opened) with miit95 findings`, async () => {
        await filter.waitFor(opts);
        await filter.fill(name);
        await page.locator('.markers-panel .monaco-list-row', { hasText: name }).first().waitFor(opts);
        await page
          .locator('.markers-panel .monaco-list-row', { hasText: miit95Code })
          .filter({ hasText: 'miit95' })
          .first()
          .waitFor(opts);
      });
    }
    await step('clear the filter: every file shows again', async () => {
      await filter.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page
        .locator('.markers-panel .monaco-list-row', { hasText: 'broken-yaml.app95.yaml' })
        .first()
        .waitFor(opts);
    });
    const summary = await step('the status bar counts the errors', async () => {
      await page.waitForFunction(
        () =>
          /Errors?: *[1-9]/i.test(
            document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '',
          ),
        undefined,
        opts,
      );
      return page.locator('#status\\.problems').getAttribute('aria-label');
    });
    say(`status bar problems: ${summary}`);
    if (lang === 'zh-cn')
      await step('the findings are in Chinese', () =>
        page
          .locator('.markers-panel .monaco-list-row', { hasText: /[\u4e00-\u9fff]{4,}/ })
          .filter({ hasText: miit95Code })
          .first()
          .waitFor(opts),
      );
    await step('no editor was opened by the check', async () => {
      const tabs = await page.locator('.tabs-container .tab').count();
      if (tabs !== 0) throw new Error(`${tabs} editor tabs are open`);
    });
    await step('maximize the panel for the picture', async () => {
      await quickInput('F1', '>View: Toggle Maximized Panel');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Toggle Maximized Panel' })
        .first()
        .waitFor(opts);
      await page.keyboard.press('Enter');
    });
    await step('the Problems view is the one shown', () =>
      page
        .locator('.panel .composite.title .action-item.checked', { hasText: /Problems/i })
        .first()
        .waitFor(opts),
    );
  },
);
