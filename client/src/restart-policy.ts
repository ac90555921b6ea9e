/**
 * When the language server's connection closes without being asked to: restart it, at most
 * {@link MAX_RESTARTS} times within {@link RESTART_WINDOW_MS}; one more crash in that window and it
 * stays stopped (the caller then tells the user, with a restart action). A restart by the user
 * starts the count again. Pure (time is injected, no vscode) so it is unit-tested; the wiring to
 * vscode-languageclient's error handler is in language-client.ts.
 */

/** Restarts allowed within the window (vscode-languageclient's default is 4). */
export const MAX_RESTARTS = 5;
/** The window in which crashes are counted. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export type CrashDecision = 'restart' | 'stop';

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts: number = MAX_RESTARTS,
    readonly windowMs: number = RESTART_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server crashed (its connection closed unasked): restart it, or leave it stopped. */
  crashed(): CrashDecision {
    const time = this.now();
    this.crashes = this.crashes.filter((at) => time - at < this.windowMs);
    this.crashes.push(time);
    return this.crashes.length <= this.maxRestarts ? 'restart' : 'stop';
  }

  /** Crashes counted in the current window. */
  get recentCrashes(): number {
    const time = this.now();
    return this.crashes.filter((at) => time - at < this.windowMs).length;
  }

  /** The user restarted the server: the count starts again. */
  reset(): void {
    this.crashes = [];
  }
}

/**
 * What to do about an error on the connection (a message that could not be read or written): carry
 * on, always. A server that died also closes its connection, and the close decides — restart or
 * not, by {@link RestartPolicy}. vscode-languageclient's default (shut down after three write errors,
 * or at once on a read error) stopped a server that crashed while the editor was sending to it —
 * each message in flight fails — and so bypassed the restarts altogether.
 */
export function connectionErrorDecision(_count: number | undefined): 'continue' | 'shutdown' {
  return 'continue';
}
