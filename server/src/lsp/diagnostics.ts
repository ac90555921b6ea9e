/**
 * Schedules validation per document and publishes diagnostics: immediately for a newly opened
 * document; after an edit, almost at once when the document was idle and its last validation was
 * fast (a single keystroke after a pause), else debounced (a burst of changes: only its last version
 * is validated; a slow document waits longer); each publish tagged with the document version, and
 * never a result for superseded content or an older version over a newer one. Clears on close.
 *
 * Staleness is tracked by a per-document change counter (generation), not by trusting the client's
 * version numbers; the version is re-checked before publishing as a second guard.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { DocumentSnapshot } from './analysis';

/** Quiet time after the last edit of a burst before a document is validated again. */
export const DIAGNOSTICS_DEBOUNCE_MS = 75;
/**
 * An edit this long after the previous change of the document, and longer than its last validation
 * took, is not part of a burst: the user paused for longer than a validation takes.
 */
export const DIAGNOSTICS_IDLE_MS = 50;
/** A validation at most this long counts as fast: an idle document's edit is then validated at once. */
export const DIAGNOSTICS_FAST_RUN_MS = 250;
/**
 * "At once" still leaves a few milliseconds for messages already on their way (the rest of a paste,
 * a close) to supersede the edit before it is validated.
 */
export const DIAGNOSTICS_IMMEDIATE_MS = 12;
/** The longest debounce, for documents whose validation is slow. */
export const DIAGNOSTICS_MAX_DEBOUNCE_MS = 300;

/**
 * The wait before validating a changed document, given the time since its previous change, whether
 * a validation is already pending, and how long its last validation after an edit took (undefined
 * before the first): a few milliseconds when the document was idle (nothing pending, and a pause
 * longer than both DIAGNOSTICS_IDLE_MS and the last validation) and that validation was fast; else
 * the debounce, longer for a slow document.
 */
export function diagnosticsDelay(
  sinceChangeMs: number,
  pending: boolean,
  lastRunMs: number | undefined,
  debounceMs: number,
): number {
  const last = lastRunMs ?? 0;
  const idle = !pending && sinceChangeMs >= Math.max(DIAGNOSTICS_IDLE_MS, last);
  if (idle && last <= DIAGNOSTICS_FAST_RUN_MS) return Math.min(DIAGNOSTICS_IMMEDIATE_MS, debounceMs);
  return Math.max(debounceMs, Math.min(last, DIAGNOSTICS_MAX_DEBOUNCE_MS));
}

export interface DiagnosticsHost {
  /** The document as the server holds it now, or undefined once closed. */
  current(uri: string): DocumentSnapshot | undefined;
  /** Diagnostics for one snapshot; must not throw (see validate-document.ts). */
  compute(document: DocumentSnapshot): Diagnostic[];
  publish(params: PublishDiagnosticsParams): void;
}

interface DocumentState {
  /** Bumped on every content change; a run publishes only if it is still current afterwards. */
  generation: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  publishedVersion: number | undefined;
  /** When the content last changed (clock time). */
  changedAt: number;
  /**
   * How long the last validation after an edit took (ms); undefined before the first. The first
   * validation of a document (a full parse, code not yet warm) says little about the next ones.
   */
  lastRunMs: number | undefined;
  /** The document has been validated at least once. */
  validated: boolean;
}

export class DiagnosticsScheduler {
  private readonly states = new Map<string, DocumentState>();
  private stopped = false;

  constructor(
    private readonly host: DiagnosticsHost,
    private readonly delayMs: number = DIAGNOSTICS_DEBOUNCE_MS,
    /** Milliseconds, monotonic; tests pass a fake clock. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * The document's content changed (TextDocuments fires this on open and on every change). The first
   * content of a document is validated at once. A later change is validated after a few
   * milliseconds when the document was idle and its last validation was fast (diagnosticsDelay);
   * otherwise it (re)starts the debounce timer, which drops the superseded run.
   */
  contentChanged(uri: string): void {
    if (this.stopped) return;
    const now = this.clock();
    const known = this.states.get(uri);
    if (known === undefined) {
      const state: DocumentState = {
        generation: 0,
        timer: undefined,
        publishedVersion: undefined,
        changedAt: now,
        lastRunMs: undefined,
        validated: false,
      };
      this.states.set(uri, state);
      this.run(uri, state);
      return;
    }
    const delay = diagnosticsDelay(now - known.changedAt, known.timer !== undefined, known.lastRunMs, this.delayMs);
    known.generation++;
    known.changedAt = now;
    if (known.timer !== undefined) clearTimeout(known.timer);
    known.timer = setTimeout(() => this.run(uri, known), delay);
  }

  /** The document was closed: drop pending work and clear its diagnostics. */
  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer !== undefined) clearTimeout(state.timer);
    this.states.delete(uri);
    if (!this.stopped) this.host.publish({ uri, diagnostics: [] });
  }

  /**
   * Re-validates every open document, e.g. after a settings change: at once, or `debounced` (after
   * the quiet time, restarted by each call — for a configuration document being typed in).
   */
  revalidateAll(debounced = false): void {
    this.revalidate([...this.states.keys()], debounced);
  }

  /** Re-validates the given documents (unknown or closed ones are skipped), e.g. when an attachment changed. */
  revalidate(uris: Iterable<string>, debounced = false): void {
    if (this.stopped) return;
    for (const uri of uris) {
      const state = this.states.get(uri);
      if (state === undefined) continue;
      state.generation++;
      if (state.timer !== undefined) clearTimeout(state.timer);
      state.timer = undefined;
      if (debounced) state.timer = setTimeout(() => this.run(uri, state), this.delayMs);
      else this.run(uri, state);
    }
  }

  /** Shutdown: cancel all pending work and publish nothing more. */
  dispose(): void {
    this.stopped = true;
    for (const state of this.states.values()) if (state.timer !== undefined) clearTimeout(state.timer);
    this.states.clear();
  }

  private run(uri: string, state: DocumentState): void {
    state.timer = undefined;
    if (this.stopped || this.states.get(uri) !== state) return;
    const document = this.host.current(uri);
    if (document === undefined) return;
    const generation = state.generation;
    const version = document.version;
    const started = this.clock();
    const diagnostics = this.host.compute(document);
    if (state.validated) state.lastRunMs = this.clock() - started;
    state.validated = true;
    // Validation is synchronous today; these checks keep a slow or future asynchronous run from
    // publishing over newer content or after the document was closed or reopened.
    if (this.stopped || this.states.get(uri) !== state || state.generation !== generation) return;
    if (this.host.current(uri)?.version !== version) return;
    if (state.publishedVersion !== undefined && version < state.publishedVersion) return;
    state.publishedVersion = version;
    this.host.publish({ uri, version, diagnostics });
  }
}
