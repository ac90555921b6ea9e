/**
 * The per-document scheduler (lsp/diagnostics.ts) against a fake host: immediate first run,
 * debounce, version tags, superseded work dropped, close and dispose. Waits on publish events.
 */
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { DIAGNOSTICS_DEBOUNCE_MS, DiagnosticsScheduler } from '../../server/src/lsp/diagnostics';
import type { DocumentSnapshot } from '../../server/src/handlers/validate-document';

class FakeHost {
  readonly documents = new Map<string, { version: number; text: string }>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly computed: { uri: string; version: number }[] = [];
  /** Called inside compute: lets a test change the document while it is being validated. */
  duringCompute: ((document: DocumentSnapshot) => void) | undefined;
  private waiters: { matches: (p: PublishDiagnosticsParams) => boolean; resolve: () => void }[] = [];

  current(uri: string): DocumentSnapshot | undefined {
    const d = this.documents.get(uri);
    return d === undefined ? undefined : { uri, version: d.version, getText: () => d.text };
  }
  compute(document: DocumentSnapshot): Diagnostic[] {
    this.computed.push({ uri: document.uri, version: document.version });
    const hook = this.duringCompute;
    this.duringCompute = undefined;
    hook?.(document);
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: document.getText(),
      },
    ];
  }
  publish(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    for (const w of [...this.waiters]) {
      if (w.matches(params)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }
  waitFor(matches: (p: PublishDiagnosticsParams) => boolean): Promise<void> {
    if (this.published.some(matches)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }
  set(uri: string, version: number, text: string): void {
    this.documents.set(uri, { version, text });
  }
}

describe('diagnostics scheduler', function () {
  const DELAY = 5;
  let host: FakeHost;
  let scheduler: DiagnosticsScheduler;
  beforeEach(function () {
    host = new FakeHost();
    scheduler = new DiagnosticsScheduler(
      { current: (u) => host.current(u), compute: (d) => host.compute(d), publish: (p) => host.publish(p) },
      DELAY,
    );
  });
  afterEach(() => scheduler.dispose());

  it('debounces by a constant of about 75 ms by default', function () {
    assert.ok(DIAGNOSTICS_DEBOUNCE_MS >= 50 && DIAGNOSTICS_DEBOUNCE_MS <= 150);
  });

  it('validates a newly opened document at once, with its version', function () {
    host.set('a', 1, 'one');
    scheduler.contentChanged('a');
    assert.deepEqual(
      host.published.map((p) => [p.uri, p.version, p.diagnostics[0]?.message]),
      [['a', 1, 'one']],
    );
  });

  it('debounces a burst of changes into one run for the last version', async function () {
    host.set('a', 1, 'v1');
    scheduler.contentChanged('a');
    for (let v = 2; v <= 6; v++) {
      host.set('a', v, `v${v}`);
      scheduler.contentChanged('a');
    }
    assert.equal(host.published.length, 1, 'nothing more before the quiet time');
    await host.waitFor((p) => p.version === 6);
    assert.deepEqual(
      host.computed.map((c) => c.version),
      [1, 6],
    );
    assert.deepEqual(
      host.published.map((p) => p.version),
      [1, 6],
    );
    assert.equal(host.published[1]!.diagnostics[0]!.message, 'v6');
  });

  it('keeps documents independent', async function () {
    host.set('a', 1, 'a1');
    host.set('b', 1, 'b1');
    scheduler.contentChanged('a');
    scheduler.contentChanged('b');
    host.set('a', 2, 'a2');
    scheduler.contentChanged('a');
    host.set('b', 2, 'b2');
    scheduler.contentChanged('b');
    await Promise.all([
      host.waitFor((p) => p.uri === 'a' && p.version === 2),
      host.waitFor((p) => p.uri === 'b' && p.version === 2),
    ]);
    assert.deepEqual(host.published.map((p) => `${p.uri}${p.version}`).sort(), ['a1', 'a2', 'b1', 'b2']);
  });

  it('drops a result whose document changed while it was computed, and publishes the newer one', async function () {
    host.set('a', 1, 'v1');
    host.duringCompute = () => {
      host.set('a', 2, 'v2');
      scheduler.contentChanged('a');
    };
    scheduler.contentChanged('a');
    assert.equal(host.published.length, 0, 'the version-1 result is stale and not published');
    await host.waitFor((p) => p.version === 2);
    assert.deepEqual(
      host.published.map((p) => p.version),
      [2],
    );
  });

  it('drops a stale result even when the client did not bump the version', async function () {
    host.set('a', 1, 'old');
    host.duringCompute = () => {
      host.set('a', 1, 'new');
      scheduler.contentChanged('a');
    };
    scheduler.contentChanged('a');
    assert.equal(host.published.length, 0, 'the result for the old text is not published');
    await host.waitFor((p) => p.diagnostics[0]?.message === 'new');
    assert.deepEqual(
      host.published.map((p) => p.diagnostics[0]?.message),
      ['new'],
    );
  });

  it('drops a result when the document was closed and reopened while it was computed', function () {
    host.set('a', 1, 'first life');
    host.duringCompute = () => {
      scheduler.closed('a');
      host.set('a', 1, 'second life');
      scheduler.contentChanged('a');
    };
    scheduler.contentChanged('a');
    assert.deepEqual(
      host.published.map((p) => [p.version, p.diagnostics[0]?.message]),
      [
        [undefined, undefined],
        [1, 'second life'],
      ],
    );
  });

  it('never publishes an older version after a newer one', async function () {
    host.set('a', 5, 'v5');
    scheduler.contentChanged('a');
    host.set('a', 3, 'v3'); // a misbehaving client going backwards
    scheduler.contentChanged('a');
    host.set('a', 6, 'v6');
    scheduler.contentChanged('a');
    await host.waitFor((p) => p.version === 6);
    assert.deepEqual(
      host.published.map((p) => p.version),
      [5, 6],
    );
  });

  it('still validates changes when a client does not bump the version', async function () {
    host.set('a', 1, 'first');
    scheduler.contentChanged('a');
    host.set('a', 1, 'second');
    scheduler.contentChanged('a');
    await host.waitFor((p) => p.diagnostics[0]?.message === 'second');
    assert.deepEqual(
      host.published.map((p) => p.version),
      [1, 1],
    );
  });

  it('clears on close and drops the pending run', async function () {
    host.set('a', 1, 'v1');
    host.set('b', 1, 'b1');
    scheduler.contentChanged('a');
    host.set('a', 2, 'v2');
    scheduler.contentChanged('a');
    host.documents.delete('a');
    scheduler.closed('a');
    // A later timer of the same delay fires after the one the close should have cancelled.
    scheduler.contentChanged('b');
    host.set('b', 2, 'b2');
    scheduler.contentChanged('b');
    await host.waitFor((p) => p.uri === 'b' && p.version === 2);
    assert.deepEqual(
      host.published.filter((p) => p.uri === 'a').map((p) => [p.version, p.diagnostics.length]),
      [
        [1, 1],
        [undefined, 0],
      ],
    );
  });

  it('validates a reopened document at once again', function () {
    host.set('a', 1, 'v1');
    scheduler.contentChanged('a');
    scheduler.closed('a');
    host.set('a', 1, 'again');
    scheduler.contentChanged('a');
    assert.deepEqual(
      host.published.map((p) => p.version),
      [1, undefined, 1],
    );
  });

  it('publishes nothing after dispose', async function () {
    host.set('a', 1, 'v1');
    host.set('b', 1, 'b1');
    scheduler.contentChanged('a');
    host.set('a', 2, 'v2');
    scheduler.contentChanged('a');
    scheduler.dispose();
    scheduler.contentChanged('b');
    scheduler.closed('a');
    // Prove the cancelled timer would have fired by now: a fresh scheduler with the same delay publishes.
    const probe = new DiagnosticsScheduler(
      { current: (u) => host.current(u), compute: (d) => host.compute(d), publish: (p) => host.publish(p) },
      DELAY,
    );
    probe.contentChanged('b');
    host.set('b', 2, 'b2');
    probe.contentChanged('b');
    await host.waitFor((p) => p.uri === 'b' && p.version === 2);
    probe.dispose();
    assert.deepEqual(
      host.published.filter((p) => p.uri === 'a').map((p) => p.version),
      [1],
    );
  });

  it('revalidates every open document at once', function () {
    host.set('a', 1, 'a');
    host.set('b', 4, 'b');
    scheduler.contentChanged('a');
    scheduler.contentChanged('b');
    scheduler.revalidateAll();
    assert.deepEqual(
      host.published.map((p) => `${p.uri}${p.version}`),
      ['a1', 'b4', 'a1', 'b4'],
    );
  });
});
