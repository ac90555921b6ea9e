#!/usr/bin/env node
// Applications view UI test in a real VS Code (code-server 4.100.3 + headless Debian Chromium):
// opens the samples workspace, clicks the "95 Number Applications" activity-bar item, waits until
// the view lists the complete sample as ready with 95079 ¥240,000 and materials 12/12 and the
// mistakes with errors, and the "due within" group with its deadlines; clicking the complete sample
// opens it. Run in English (default) and in Chinese (`--lang zh`): code-server has no Chinese
// language pack offline (VS Code's own UI stays English), but the view's strings follow the
// `miit95.language` setting (client/src/l10n.ts contentLocale), as the form's do; the Chinese run
// also checks that no English item text is left. Saves test-results/ui-portfolio[-zh].png, and with
// MIIT95_UI_README=1 the README pictures docs/images/applications-view.png and portfolio-zh.png.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { repoDir } from './lib/harness.mjs';
import { runUiTest } from './lib/ui-session.mjs';

const { values: args } = parseArgs({ options: { lang: { type: 'string', default: 'en' } } });
const zh = args.lang === 'zh' || process.env.MIIT95_UI_LANG === 'zh-cn';
const text = zh
  ? { container: '95号码申请', ready: '就绪', errors: /\d+ 个错误/, materials: '材料 12/12', soon: /天内到期（\d+）/, year: '年' }
  : { container: '95 Number Applications', ready: 'Ready', errors: /\d+ errors/, materials: 'materials 12/12', soon: /Due within \d+ days \(\d+\)/, year: 'year' };

runUiTest(
  {
    tag: 'ui-portfolio',
    scratchName: 'ui-portfolio',
    screenshot: zh ? 'ui-portfolio-zh.png' : 'ui-portfolio.png',
    requires: ['dist/extension.js', 'dist/server.js', 'dist/portfolio-worker.js'],
    settings: { 'miit95.language': zh ? 'zh-cn' : 'en' },
  },
  async ({ page, step, opts, openWorkbench, quickInput }) => {
    await openWorkbench('complete');
    await step(`click the "${text.container}" activity-bar item`, async () => {
      const item = page.locator(`.activitybar .action-item a[aria-label^="95"]`).first();
      await item.waitFor(opts);
      await item.click();
    });
    await step('widen the side bar for the picture', async () => {
      for (let i = 0; i < 6; i++) {
        await quickInput('F1', '>View: Increase Current View Size');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Increase Current View Size' }).first().waitFor(opts);
        await page.keyboard.press('Enter');
      }
    });
    const rows = page.locator('.pane-body .monaco-list-row');
    await step('the complete sample is ready, with its number, fee and materials', () =>
      rows
        .filter({ hasText: '杭州云声信息技术有限公司' })
        .filter({ hasText: text.ready })
        .filter({ hasText: `95079 ¥240,000/${text.year}` })
        .filter({ hasText: text.materials })
        .first()
        .waitFor(opts),
    );
    await step('the mistakes are listed with their errors', () => rows.filter({ hasText: text.errors }).first().waitFor(opts));
    await step('the deadlines within the window are grouped on top', () =>
      rows.filter({ hasText: text.soon }).first().waitFor(opts),
    );
    await step('clicking the complete sample opens it', async () => {
      await rows
        .filter({ hasText: '杭州云声信息技术有限公司' })
        .filter({ hasText: text.materials })
        .first()
        .click();
      await page.locator('.tabs-container .tab.active', { hasText: '杭州云声.app95.yaml' }).waitFor(opts);
    });
    await step('expand the complete sample: its deadlines, nearest first', async () => {
      const row = rows.filter({ hasText: '杭州云声信息技术有限公司' }).filter({ hasText: text.materials }).first();
      await row.locator('.monaco-tl-twistie').click();
      await rows.filter({ hasText: /2028-06-20/ }).first().waitFor(opts);
    });
    if (zh) {
      await step('every item of the view is in Chinese (no English state, count or label left)', async () => {
        const texts = await rows.allInnerTexts();
        const english = texts.filter((t) => /\b(Ready|Warnings|Errors|errors|warnings|materials|Due within|applications?|days ago|in \d+ days|today|year)\b/.test(t));
        if (texts.length === 0 || english.length > 0) throw new Error(`English left in the view: ${english.join(' | ') || '(no rows)'}`);
      });
    }
    if (process.env.MIIT95_UI_README === '1') {
      await step('README picture', () =>
        page.screenshot({ path: path.join(repoDir, 'docs', 'images', zh ? 'portfolio-zh.png' : 'applications-view.png') }),
      );
    }
  },
);
