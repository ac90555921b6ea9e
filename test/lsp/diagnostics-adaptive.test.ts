/**
 * The adaptive part of the diagnostics scheduler (lsp/diagnostics.ts): an edit of an idle
 * document whose last validation was fast is validated almost at once; a burst, or a slow document,
 * waits for the debounce (longer for a slow one). Uses a fake clock; waits on publish events only.
 */
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  DIAGNOSTICS_DEBOUNCE_MS,
  DIAGNOSTICS_FAST_RUN_MS,
  DIAGNOSTICS_IDLE_MS,
  DIAGNOSTICS_IMMEDIATE_MS,
  DIAGNOSTICS_MAX_DEBOUNCE_MS,
  DiagnosticsScheduler,
  diagnosticsDelay,
} from '../../server/src/lsp/diagnostics';
import type { DocumentSnapshot } from '../../server/src/handlers/validate-document';

describe('diagnostics scheduler: adaptive delay', function () {
  const D = DIAGNOSTICS_DEBOUNCE_MS;
  const cases: { name: string; since: number; pending: boolean; last: number | undefined; expected: number }[] = [
    { name: 'idle, fast last run', since: 1000, pending: false, last: 3, expected: DIAGNOSTICS_IMMEDIATE_MS },
    { name: 'idle, no run after an edit yet', since: 1000, pending: false, last: undefined, expected: DIAGNOSTICS_IMMEDIATE_MS },
    { name: 'idle, run just fast enough', since: 1000, pending: false, last: DIAGNOSTICS_FAST_RUN_MS, expected: DIAGNOSTICS_IMMEDIATE_MS },
    { name: 'a pause of just the idle time', since: DIAGNOSTICS_IDLE_MS, pending: false, last: 3, expected: DIAGNOSTICS_IMMEDIATE_MS },
    { name: 'a pause shorter than the idle time (typing)', since: DIAGNOSTICS_IDLE_MS - 1, pending: false, last: 3, expected: D },
    { name: 'a pause shorter than the last run', since: 100, pending: false, last: 150, expected: 150 },
    { name: 'a pause longer than the last run', since: 200, pending: false, last: 150, expected: DIAGNOSTICS_IMMEDIATE_MS },
    { name: 'idle, slow last run', since: 10_000, pending: false, last: DIAGNOSTICS_FAST_RUN_MS + 1, expected: DIAGNOSTICS_FAST_RUN_MS + 1 },
    { name: 'a run already pending (burst)', since: 1000, pending: true, last: 3, expected: D },
    { name: 'burst, slow runs', since: 10, pending: true, last: 120, expected: 120 },
    { name: 'burst, very slow runs', since: 10, pending: true, last: 5000, expected: DIAGNOSTICS_MAX_DEBOUNCE_MS },
  ];
  for (const c of cases) {
    it(`${c.name}: waits ${c.expected} ms`, function () {
      assert.equal(diagnosticsDelay(c.since, c.pending, c.last, D), c.expected);
    });
  }

  it('the immediate wait is short against the edit-to-diagnostics budget', function () {
    assert.ok(DIAGNOSTICS_IMMEDIATE_MS <= 15 && DIAGNOSTICS_IMMEDIATE_MS < DIAGNOSTICS_DEBOUNCE_MS);
    assert.ok(DIAGNOSTICS_IDLE_MS < DIAGNOSTICS_DEBOUNCE_MS);
  });

  describe('with a scheduler', function () {
    let now = 0;
    /** What a validation "takes" per document, in ms on the fake clock. */
    const runCost = new Map<string, number>();
    let published: PublishDiagnosticsParams[] = [];
    let waiters: { uri: string; version: number; resolve: () => void }[] = [];
    const documents = new Map<string, { version: number; text: string }>();
    let scheduler: DiagnosticsScheduler;

    beforeEach(function () {
      now = 0;
      runCost.clear();
      published = [];
      waiters = [];
      documents.clear();
      scheduler = new DiagnosticsScheduler(
        {
          current: (uri): DocumentSnapshot | undefined => {
            const d = documents.get(uri);
            return d === undefined ? undefined : { uri, version: d.version, getText: () => d.text };
          },
          compute: (document): Diagnostic[] => {
            now += runCost.get(document.uri) ?? 0;
            return [];
          },
          publish: (params) => {
            published.push(params);
            for (const w of waiters.filter((x) => x.uri === params.uri && x.version === params.version)) w.resolve();
          },
        },
        // A debounce far beyond the test timeout: a publish that arrives was not debounced.
        60_000,
        () => now,
      );
    });
    afterEach(() => scheduler.dispose());

    const published$ = (version: number, uri = 'a'): Promise<void> =>
      published.some((p) => p.uri === uri && p.version === version)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ uri, version, resolve }));
    const versionsOf = (uri: string): (number | undefined)[] =>
      published.filter((p) => p.uri === uri).map((p) => p.version);

    /** A second document edited after an idle pause: its quick run fires after any quick run scheduled before it. */
    async function sentinel(): Promise<void> {
      documents.set('b', { version: 1, text: 'b1' });
      scheduler.contentChanged('b');
      now += DIAGNOSTICS_IDLE_MS + 1;
      documents.set('b', { version: 2, text: 'b2' });
      scheduler.contentChanged('b');
      await published$(2, 'b');
    }

    it('validates an idle document’s edit at once when its last run was fast', async function () {
      documents.set('a', { version: 1, text: 'v1' });
      scheduler.contentChanged('a');
      now += DIAGNOSTICS_IDLE_MS + 1;
      documents.set('a', { version: 2, text: 'v2' });
      scheduler.contentChanged('a');
      assert.deepEqual(versionsOf('a'), [1], 'not synchronously: a close may still come');
      await published$(2);
      assert.deepEqual(versionsOf('a'), [1, 2]);
    });

    it('debounces an edit that follows another one closely (a burst)', async function () {
      documents.set('a', { version: 1, text: 'v1' });
      scheduler.contentChanged('a');
      documents.set('a', { version: 2, text: 'v2' });
      scheduler.contentChanged('a'); // right after the open: a burst
      await sentinel();
      assert.deepEqual(versionsOf('a'), [1], 'version 2 waits for the (60 s) debounce');
    });

    it('debounces an idle document’s edit when its last run after an edit was slow', async function () {
      documents.set('a', { version: 1, text: 'v1' });
      scheduler.contentChanged('a');
      runCost.set('a', DIAGNOSTICS_FAST_RUN_MS + 100);
      now += 10_000;
      documents.set('a', { version: 2, text: 'v2' });
      scheduler.contentChanged('a');
      await published$(2); // the first edit: no run after an edit measured yet, so at once
      now += 10_000;
      documents.set('a', { version: 3, text: 'v3' });
      scheduler.contentChanged('a');
      await sentinel();
      assert.deepEqual(versionsOf('a'), [1, 2], 'version 3 waits for the (60 s) debounce');
    });

    it('does not judge by the first validation of a document (cold, full parse)', async function () {
      runCost.set('a', DIAGNOSTICS_FAST_RUN_MS + 100);
      documents.set('a', { version: 1, text: 'v1' });
      scheduler.contentChanged('a');
      runCost.set('a', 1);
      now += 10_000;
      documents.set('a', { version: 2, text: 'v2' });
      scheduler.contentChanged('a');
      await published$(2);
      assert.deepEqual(versionsOf('a'), [1, 2]);
    });
  });
});
