// The set-up every Playwright UI test shares, so that a ui-*.mjs script holds only its scenario and
// assertions. It owns: the overall deadline (MIIT95_E2E_TIMEOUT, through runMain), the check that
// the build exists, a scratch folder with a copy of samples/, code-server, headless Chromium, the
// per-step timeout (MIIT95_UI_STEP_TIMEOUT) and the `step` wrapper that names a failed step and saves
// a screenshot, opening the workbench until the Explorer shows the samples, opening a file through
// Quick Open, and the final screenshot in test-results/. Cleanup (browser, server process group,
// scratch) is the harness's (./harness.mjs).
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
} from './harness.mjs';

export const resultsDir = path.join(repoDir, 'test-results');

/**
 * Runs one UI test and exits the process with its verdict (0 = pass; 1 on a failed step or error;
 * 124 on the overall timeout).
 *
 * - `tag`: the log prefix; `scratchName`: the scratch folder's name part.
 * - `screenshot`: file name in test-results/, written at the end and on a failed step.
 * - `requires`: build outputs (relative to the extension) that must exist before anything starts.
 * - `prepare(workspace)`: optional checks on the copied workspace before code-server starts (fail
 *   fast); its result is passed to `scenario` as the second argument.
 * - `settings`: user settings added to the defaults (e.g. { 'miit95.language': 'zh-cn' }).
 * - `scenario(ui, prepared)`: the test itself; `ui` is described at `session` below.
 */
export function runUiTest(
  { tag, scratchName, screenshot: screenshotName, requires = ['dist/extension.js'], prepare, settings },
  scenario,
) {
  const stepTimeout = Number(process.env.MIIT95_UI_STEP_TIMEOUT ?? 45_000);
  const screenshot = path.join(resultsDir, screenshotName);
  runMain(tag, Number(process.env.MIIT95_E2E_TIMEOUT ?? 300_000), async (say) => {
    for (const f of requires)
      if (!fs.existsSync(path.join(extensionDir, f)))
        throw new Error(`${extensionDir}/${f} does not exist: run npm run build first`);
    const scratch = makeScratch(scratchName);
    const workspace = copySamples(scratch);
    const prepared = prepare ? await prepare(workspace) : undefined;
    const server = await startCodeServer({ scratch, workspace, settings });
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

    /** Presses `key`, waits for the quick input box and types `text` into it. */
    const quickInput = async (key, text) => {
      await page.keyboard.press(key);
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(opts);
      await input.fill(text);
    };

    const session = {
      page,
      say,
      step,
      opts,
      stepTimeout,
      workspace,
      quickInput,
      /** Opens the workbench and waits until the Explorer lists the samples folder `folder`. */
      async openWorkbench(folder) {
        await step('open the workbench', async () => {
          await page.goto(workbenchUrl(server, workspace));
          await page.locator('.monaco-workbench').waitFor(opts);
        });
        await step('explorer lists the samples (remote file system up)', () =>
          page.getByRole('treeitem', { name: folder }).first().waitFor(opts),
        );
      },
      /** Opens `name` through Quick Open and waits for its tab to be the active one. */
      openFile(name) {
        return step(`open ${name} through Quick Open`, async () => {
          await quickInput('Control+P', name);
          await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor(opts);
          await page.keyboard.press('Enter');
          await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor(opts);
        });
      },
    };
    await scenario(session, prepared);
    await page.screenshot({ path: screenshot });
    say(`PASS; screenshot ${path.relative(repoDir, screenshot)}`);
    return 0;
  });
}
