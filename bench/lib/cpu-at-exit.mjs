/**
 * Loaded first (`node --import`) into the process the export benchmark times: at exit, writes the
 * process's CPU time (user + system, every thread: the main one, the workers, V8's helpers) in
 * milliseconds to the file named by MIIT95_BENCH_CPU_FILE.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.MIIT95_BENCH_CPU_FILE;
  if (!file) return;
  const { user, system } = process.cpuUsage();
  writeFileSync(file, String((user + system) / 1000));
});
