/**
 * Keeps the server process alive: uncaught exceptions and unhandled rejections are logged to the
 * connection console (stdout is the protocol, so never console.log) and swallowed. Falls back to
 * stderr if the connection cannot log, and goes quiet after a burst so a broken pipe cannot loop.
 */
import { describeError } from '../node/validate-safely';

const MAX_REPORTS = 100;

export function installCrashGuard(logError: (message: string) => void): void {
  let reports = 0;
  let reporting = false;
  const report = (kind: string, error: unknown): void => {
    if (reporting || reports >= MAX_REPORTS) return;
    reports++;
    reporting = true;
    const detail = error instanceof Error && error.stack !== undefined ? error.stack : describeError(error);
    const message = `miit95: ${kind}: ${detail}`;
    try {
      logError(message);
    } catch {
      try {
        process.stderr.write(`${message}\n`);
      } catch {
        // Nothing left to report to.
      }
    } finally {
      reporting = false;
    }
  };
  process.on('uncaughtException', (error) => report('uncaught exception', error));
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
}
