/**
 * The export benchmark: `miit95 export` of the complete sample (samples/complete, fixed input) into
 * a temporary folder with --force, N times, timing each run's wall clock (spawn to exit) and CPU
 * (every thread of the process, bench/lib/cpu-at-exit.mjs), and checking each run wrote the whole
 * package (the three Word files, the SVG and — when the bundle draws it — the PNG of the diagram). With several CLI bundles (e.g.
 * a baseline checkout's dist/cli.js) the runs alternate A B A B so that both see the same machine.
 * Used by `npm run bench` (one row) and on its own:
 *
 *   node bench/export.mjs [--runs 12] [--cli dist/cli.js] [--cli /work/base98/dist/cli.js]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT, SAMPLE_FILE } from './generate.mjs';
import { summary } from './lib/stats.mjs';

const CPU_PRELOAD = path.join(REPO_ROOT, 'bench', 'lib', 'cpu-at-exit.mjs');
const EXPECTED = ['申请表.docx', '技术方案.docx', '电话接入号码使用承诺书.docx', '网络组织方案图.svg', 'manifest.json'];

/** The package `cli` writes: with 网络组织方案图.png when it has the drawing worker (a baseline before it has not). */
function expectedFiles(cli) {
  const draws = existsSync(path.join(path.dirname(cli), 'diagram-raster-worker.js'));
  return draws ? [...EXPECTED, '网络组织方案图.png'] : EXPECTED;
}

/** One export by `cli` into `out`: { wall, cpu } in ms, or { failure }. */
function exportOnce(cli, out) {
  const cpuFile = path.join(out, 'cpu.txt');
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(CPU_PRELOAD).href, cli, 'export', SAMPLE_FILE, '--out', out, '--force'], {
    encoding: 'utf8',
    env: { ...process.env, MIIT95_BENCH_CPU_FILE: cpuFile },
  });
  const wall = performance.now() - t0;
  if (run.status !== 0) return { failure: `export exited ${run.status}: ${run.stderr.slice(0, 300)}` };
  const folder = path.join(out, '杭州云声-申报材料');
  const missing = expectedFiles(cli).filter((f) => !existsSync(path.join(folder, f)));
  if (missing.length > 0) return { failure: `export left out ${missing.join(', ')}` };
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

/** Times each of `clis` `runs` times, alternating; per CLI: { cli, wall, cpu, failures }. */
export function exportBench({ clis = [path.join(REPO_ROOT, 'dist', 'cli.js')], runs = 10, warmup = 1 } = {}) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'miit95-bench-export-'));
  try {
    const results = clis.map((cli) => ({ cli, wall: [], cpu: [], failures: [] }));
    for (let r = 0; r < warmup + runs; r++) {
      for (const result of results) {
        const once = exportOnce(result.cli, out);
        if (once.failure !== undefined) result.failures.push(once.failure);
        else if (r >= warmup) {
          result.wall.push(once.wall);
          result.cpu.push(once.cpu);
        }
      }
    }
    return results.map((r) => ({ cli: r.cli, wall: summary(r.wall), cpu: summary(r.cpu), failures: r.failures }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const clis = argv.flatMap((a, i) => (argv[i - 1] === '--cli' ? [path.resolve(a)] : []));
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 12;
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const results = exportBench({ ...(clis.length > 0 ? { clis } : {}), runs });
  process.stdout.write(`miit95 export of ${path.relative(REPO_ROOT, SAMPLE_FILE)}, ${runs} runs each, alternating; load average at start ${load}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.cli}: wall median ${r.wall.median} ms (min ${r.wall.min}, max ${r.wall.max}); CPU median ${r.cpu.median} ms (min ${r.cpu.min}, max ${r.cpu.max})${r.failures.length ? `; FAILURES: ${r.failures.join(' | ')}` : ''}\n`,
    );
  }
  if (results.some((r) => r.failures.length > 0)) process.exitCode = 1;
}
