/**
 * Times runs of the bundled CLI with JSON output (bench rows for `check` and `portfolio`): spawns
 * `node <cli> ...args` in `cwd` `runs` times, timing each from spawn to exit, and hands each run's
 * parsed stdout to `verify`, which returns a failure message or undefined. Unreadable output is a
 * failure too. Returns the timings' summary, the last parsed output and the last failure.
 */
import { spawnSync } from 'node:child_process';
import { summary } from './stats.mjs';

export function timeCliRuns({ cli, args, cwd, runs, label, verify }) {
  const times = [];
  let output;
  let failure;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - t0);
    try {
      output = JSON.parse(run.stdout);
    } catch {
      failure = `${label}: unreadable output (exit ${run.status}): ${run.stderr.slice(0, 500)}`;
      continue;
    }
    failure = verify(output);
  }
  return { ms: summary(times), output, failure };
}
