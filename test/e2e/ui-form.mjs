#!/usr/bin/env node
// UI test of the form view in a real VS Code (code-server 4.100.3 + headless Debian Chromium), as a
// consultant would use it: `miit95 init`'s template is opened, the "open in form" code lens opens
// the form beside the text, and EVERY material is filled through the form only (the plan
// test/e2e/form-fill.json: typing into text boxes, picking provinces, cities and statuses, adding
// list items), page by page, with a screenshot of each page; the file is saved and `miit95 check`
// on disk must report no error, with every comment of the template kept. Then: a text edit while
// the form is open shows in the form; undo (VS Code's own) takes back a form edit; a hostile string
// typed into the form is shown as text (no element made of it). Run in Chinese (default) and in
// English (`--lang en`) through the `miit95.language` setting, which the form's labels follow.
// Saves test-results/ui-form-<lang>-page-<n>.png, ui-form-<lang>.png (also on failure), and with
// MIIT95_UI_README=1 the README pictures docs/images/form-view-<lang>.png.
//
// Env: MIIT95_UI_STEP_TIMEOUT (ms per step, default 45000), MIIT95_E2E_TIMEOUT (overall ms,
// default 300000), plus the harness's variables.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { repoDir } from './lib/harness.mjs';
import { resultsDir, runUiTest } from './lib/ui-session.mjs';

const { values: args } = parseArgs({ options: { lang: { type: 'string', default: 'zh' } } });
const lang = args.lang === 'en' ? 'en' : 'zh';
const zh = lang === 'zh';
const plan = JSON.parse(fs.readFileSync(path.join(repoDir, 'test', 'e2e', 'form-fill.json'), 'utf8'));
const fileName = `${plan.company}.app95.yaml`;
const cli = path.join(repoDir, 'dist', 'cli.js');
const HOSTILE = '<img src=x onerror=alert(1)></script><b>粗</b>';

/** The comment of each line (from its `#`), in order: what "the template's comments are kept" compares. */
function comments(text) {
  return text
    .split(/\r?\n/u)
    .map((l) => l.replace(/^[^#]*#/u, '#'))
    .filter((l) => l.startsWith('#'));
}

runUiTest(
  {
    tag: `ui-form-${lang}`,
    scratchName: `ui-form-${lang}`,
    screenshot: `ui-form-${lang}.png`,
    requires: ['dist/extension.js', 'dist/cli.js', 'dist/webview/form.js', 'dist/webview/form.css'],
    // code-server has no Chinese language pack offline (VS Code's own UI stays English): the
    // extension's language setting puts the server and the form into Chinese or English.
    settings: { 'miit95.language': zh ? 'zh-cn' : 'en' },
    prepare(workspace) {
      // A new application from the CLI, with its attachments on disk (files, not YAML edits).
      const folder = path.join(workspace, 'form');
      fs.mkdirSync(folder, { recursive: true });
      const init = spawnSync(process.execPath, [cli, 'init', '--name', plan.company, '--out', folder], { encoding: 'utf8' });
      if (init.status !== 0) throw new Error(`miit95 init failed: ${init.stderr}`);
      for (const a of plan.attachments) {
        const file = path.join(folder, a);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, '%PDF-1.4\n%%EOF\n');
      }
      const file = path.join(folder, fileName);
      return { file, template: fs.readFileSync(file, 'utf8') };
    },
  },
  async ({ page, say, step, opts, openWorkbench, openFile }, { file, template }) => {
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const body = webview.locator('body');
    const control = (pointer) => webview.locator(`[data-path="${pointer}"]`);
    const shot = (name) => page.screenshot({ path: path.join(resultsDir, name) });
    // An alert() from a hostile string would open a dialog: count them (there must be none).
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });

    /** The version the form shows now. */
    const version = async () => Number(await body.getAttribute('data-version'));
    /** Does `action`, then waits until the form shows a newer version of the text. */
    const thenNewVersion = async (action) => {
      const before = await version();
      await action();
      await webview.locator(`body:not([data-version="${before}"])`).waitFor(opts);
    };
    const goTo = async (n) => {
      if ((await body.getAttribute('data-page')) === String(n)) return;
      await webview.locator(`button[data-page="${n}"]`).click();
      await webview.locator(`body[data-page="${n}"]`).waitFor(opts);
    };
    /** The text editor of the file (the left group), focused. */
    const focusText = async () => {
      await page.locator('.editor-group-container').first().locator('.tab', { hasText: fileName }).click();
      await page.locator('.monaco-editor.focused').first().waitFor(opts);
    };

    await openWorkbench('form');
    await openFile(fileName);
    await step('the "open in form" code lens, in the model language, opens the form beside the text', async () => {
      // In the form's language (`miit95.language`), like the server's lenses beside it.
      const lens = page.locator('.codelens-decoration a', { hasText: zh ? '在申请表单中打开' : 'Open in Application Form' });
      await lens.first().waitFor(opts);
      await lens.first().click();
      // A custom editor's tab is named after the file: two tabs of it now, in two groups.
      await page.locator('.editor-group-container').nth(1).locator('.tab', { hasText: fileName }).waitFor(opts);
      await webview.locator('body[data-page="1"][data-editable="true"]').waitFor(opts);
    });
    await step('the rail lists the 12 materials and the general page, in the model language', async () => {
      await webview.locator('button[data-page]').nth(12).waitFor(opts);
      const first = await webview.locator('button[data-page="1"]').innerText();
      if (!(zh ? /申请单位/ : /Applicant/).test(first)) throw new Error(`rail entry 1: ${first}`);
      const heading = await webview.locator('h1').innerText();
      say(`page 1 heading: ${heading}`);
    });
    await shot(`ui-form-${lang}-template.png`);

    // Fill every material through the form only.
    let lastPage = 1;
    for (const s of plan.steps) {
      if (s.page !== lastPage) {
        await shot(`ui-form-${lang}-page-${lastPage}.png`);
        lastPage = s.page;
      }
      await step(`page ${s.page}: ${s.how} ${s.path}${s.value === undefined ? '' : ` = ${s.value}`}`, async () => {
        await goTo(s.page);
        if (s.how === 'addItem') {
          await thenNewVersion(() => webview.locator(`button[data-add-item="${s.path}"]`).click());
          return;
        }
        const c = control(s.path);
        await c.waitFor(opts);
        if (s.how === 'select') await thenNewVersion(() => c.selectOption(s.value));
        else if (s.how === 'date') await thenNewVersion(() => c.fill(s.value));
        else
          await thenNewVersion(async () => {
            await c.fill(s.value);
            await c.press('Tab');
          });
        const shown = await control(s.path).inputValue();
        if (shown !== s.value) throw new Error(`${s.path} shows ${JSON.stringify(shown)} after the edit`);
      });
    }
    await shot(`ui-form-${lang}-page-${lastPage}.png`);
    for (const n of [3, 9, 0]) {
      await goTo(n);
      await shot(`ui-form-${lang}-page-${n}.png`);
    }
    await step('the rail shows every material complete', async () => {
      await goTo(1);
      await webview.locator('button[data-page].complete').nth(12).waitFor(opts);
      const open = await webview.locator('button[data-page].errors, button[data-page].missing').count();
      if (open !== 0) throw new Error(`${open} pages are not complete`);
    });
    await shot(`ui-form-${lang}-complete.png`);
    if (process.env.MIIT95_UI_README === '1') {
      fs.mkdirSync(path.join(repoDir, 'docs', 'images'), { recursive: true });
      await page.screenshot({ path: path.join(repoDir, 'docs', 'images', `form-view-${lang}.png`) });
    }

    await step('save; miit95 check on disk reports no error and the comments are kept', async () => {
      await focusText();
      await page.keyboard.press('Control+S');
      const deadline = Date.now() + 20_000;
      for (;;) {
        const r = spawnSync(process.execPath, [cli, 'check', file], { encoding: 'utf8' });
        if (r.status === 0) {
          say(`miit95 check: ${r.stdout.trim().split('\n').pop()}`);
          break;
        }
        if (Date.now() > deadline) throw new Error(`miit95 check failed:\n${r.stdout}${r.stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const saved = fs.readFileSync(file, 'utf8');
      const missing = comments(template).filter((c) => !comments(saved).includes(c));
      if (missing.length > 0) throw new Error(`comments lost: ${missing.join(' | ')}`);
      if (saved.includes('待填写') && /^[^#\n]*待填写/mu.test(saved)) throw new Error('a placeholder value is left');
    });

    await step('"Show in YAML" puts the cursor on the field\'s line', async () => {
      const saved = fs.readFileSync(file, 'utf8').split('\n');
      const line = saved.findIndex((l) => l.startsWith('  legal_rep: '));
      await goTo(1);
      await webview.locator('[data-field="/applicant/legal_rep"] button.link').click();
      await page.locator('#status\\.editor\\.selection', { hasText: `${line + 1},` }).waitFor(opts);
    });
    await step('a text edit while the form is open shows in the form', async () => {
      const saved = fs.readFileSync(file, 'utf8').split('\n');
      const line = saved.findIndex((l) => l.startsWith('    name: 李敏'));
      if (line < 0) throw new Error('the contact name line is not in the file');
      await goTo(1);
      await focusText();
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.fill(`:${line + 1}:11`);
      // Enter only once the widget has taken the position in (an early Enter is lost).
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: String(line + 1) }).first().waitFor(opts);
      await page.keyboard.press('Enter');
      await page.locator('#status\\.editor\\.selection', { hasText: `${line + 1},` }).waitFor(opts);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('李四');
      await webview.locator('[data-path="/applicant/contact/name"]').and(webview.locator('input')).waitFor(opts);
      const deadline = Date.now() + 20_000;
      while ((await control('/applicant/contact/name').inputValue()) !== '李四') {
        if (Date.now() > deadline) throw new Error('the form does not show the text edit');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    await step('undo in the text takes the form back too', async () => {
      await page.keyboard.press('Control+Z');
      const deadline = Date.now() + 20_000;
      while ((await control('/applicant/contact/name').inputValue()) !== '李敏') {
        if (Date.now() > deadline) throw new Error('the form does not follow the undo');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    await step('a form edit is undone by VS Code undo', async () => {
      await thenNewVersion(async () => {
        await control('/applicant/contact/phone').fill('0571-12345678');
        await control('/applicant/contact/phone').press('Tab');
      });
      await focusText();
      await thenNewVersion(() => page.keyboard.press('Control+Z'));
      const shown = await control('/applicant/contact/phone').inputValue();
      if (shown !== '0571-88886666') throw new Error(`after undo the form shows ${shown}`);
    });
    await step('a hostile string typed into the form is shown as text', async () => {
      await thenNewVersion(async () => {
        await control('/applicant/address').fill(HOSTILE);
        await control('/applicant/address').press('Tab');
      });
      const shown = await control('/applicant/address').inputValue();
      if (shown !== HOSTILE) throw new Error(`the address shows ${shown}`);
      const made = await webview.locator('main img, main b, main script').count();
      if (made !== 0) throw new Error(`${made} elements were made from the string`);
      if (dialogs > 0) throw new Error(`${dialogs} dialogs opened (a script ran)`);
    });
    await shot(`ui-form-${lang}-hostile.png`);
  },
);
