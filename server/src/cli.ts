/**
 * The `miit95` command-line entry (bundled as dist/cli-main.js, which the start file dist/cli.js runs
 * through V8's code cache: cli-boot.ts): binds the CLI to the real process. Sets process.exitCode
 * instead of calling process.exit so piped output is flushed.
 */
import { runCli } from './cli/main';

// `miit95 check . | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const exit = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
});
// `export` writes files asynchronously and resolves with its exit code.
if (typeof exit === 'number') process.exitCode = exit;
else void exit.then((code) => (process.exitCode = code));
