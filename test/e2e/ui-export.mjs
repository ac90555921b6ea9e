#!/usr/bin/env node
// UI test of the export in a real VS Code (code-server 4.100.3 + headless Debian Chromium): opens the
// complete sample, runs "Export Submission Package…" from the command palette, answers its two quick picks
// (beside the application, folder), waits for the "exported" notification, checks the package on disk
// (the three Word files, the diagram, the checklist, manifest.json) and opens its checklist 材料清单.md in
// the Markdown preview beside the Explorer showing the package. Saves test-results/ui-export.png (also on
// failure; the README's picture of the export). The set-up is lib/ui-session.mjs.
//
// Env: MIIT95_UI_STEP_TIMEOUT (ms per step, default 45000), MIIT95_E2E_TIMEOUT (overall ms,
// default 300000), plus the harness's variables.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runUiTest } from './lib/ui-session.mjs';

const sample = '杭州云声.app95.yaml';
const packageName = '杭州云声-申报材料';
const expected = [
  '申请表.docx',
  '技术方案.docx',
  '电话接入号码使用承诺书.docx',
  '网络组织方案图.svg',
  '材料清单.md',
  'manifest.json',
];

runUiTest(
  {
    tag: 'ui-export',
    scratchName: 'ui-export',
    screenshot: 'ui-export.png',
    requires: ['dist/extension.js', 'dist/export-render.js'],
  },
  async ({ page, step, opts, quickInput, openWorkbench, openFile, workspace, say }) => {
    const target = path.join(workspace, 'complete', packageName);
    await openWorkbench('complete');
    await openFile(sample);
    await step('the server has checked the file (status bar shows no errors)', () =>
      page.locator('#status\\.problems', { hasText: /0\s+0/ }).first().waitFor(opts),
    );
    const pick = async (text) => {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
      await row.waitFor(opts);
      await row.click();
    };
    await step('run "Export Submission Package…" from the command palette', async () => {
      await quickInput('F1', '>Export Submission Package');
      await pick('Export Submission Package');
    });
    await step('choose "Beside the application"', () => pick('Beside the application'));
    await step('choose "Folder"', () => pick('one folder with every file'));
    await step('the notification says the package was exported', () =>
      page.locator('.notification-toast', { hasText: 'Submission package exported' }).first().waitFor(opts),
    );
    await step('the package on disk holds the documents, diagram, checklist and manifest', async () => {
      const deadline = Date.now() + opts.timeout;
      for (;;) {
        const present = fs.existsSync(target) ? fs.readdirSync(target) : [];
        const missing = expected.filter((f) => !present.includes(f));
        if (missing.length === 0) break;
        if (Date.now() > deadline) throw new Error(`missing in ${target}: ${missing.join(', ')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const manifest = JSON.parse(fs.readFileSync(path.join(target, 'manifest.json'), 'utf8'));
      if (manifest.draft !== false)
        throw new Error(`manifest.json: draft is ${manifest.draft}, expected false`);
    });
    await step('the Explorer shows the package', () =>
      page.getByRole('treeitem', { name: packageName }).first().waitFor(opts),
    );
    await step('open the checklist 材料清单.md in the Markdown preview', async () => {
      await page.getByRole('treeitem', { name: packageName }).first().click();
      await page.getByRole('treeitem', { name: '材料清单.md' }).first().waitFor(opts);
      await page.getByRole('treeitem', { name: '材料清单.md' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: '材料清单.md' }).waitFor(opts);
      await quickInput('F1', '>Markdown: Open Preview');
      await page
        .locator('.quick-input-list .monaco-list-row .label-name', { hasText: /^Markdown: Open Preview$/ })
        .first()
        .click();
      await page.locator('.tabs-container .tab.active', { hasText: /Preview 材料清单\.md/ }).waitFor(opts);
    });
    await step('the preview shows the checklist (its title and the applicant)', async () => {
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await preview.locator('h1', { hasText: '申请材料清单' }).first().waitFor(opts);
      await preview.getByText('杭州云声信息技术有限公司').first().waitFor(opts);
    });
    say(`package written to ${target}`);
  },
);
