/**
 * Loaded first (`node --import`) into the process the export benchmark times: at exit, writes the
 * process's CPU time (user + system, every thread: the main one, the workers, V8's helpers) in
 * milliseconds to the file named by MIIT95_BENCH_CPU_FILE. Once the program has started, the
 * handler moves behind the program's own exit handlers (the CLI writes its code cache in one), so
 * that their work is counted too.
 */
import { writeFileSync } from 'node:fs';

function record() {
  const file = process.env.MIIT95_BENCH_CPU_FILE;
  if (!file) return;
  const { user, system } = process.cpuUsage();
  writeFileSync(file, String((user + system) / 1000));
}

process.on('exit', record);
setImmediate(() => {
  process.removeListener('exit', record);
  process.on('exit', record);
});
