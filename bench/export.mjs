/**
 * The export benchmark: `miit95 export` of the complete sample (samples/complete, fixed input) into
 * a temporary folder with --force, N times, timing each run's wall clock (spawn to exit) and CPU
 * (every thread of the process, bench/lib/cpu-at-exit.mjs), and checking each run wrote the whole
 * package (the three Word files, the SVG and — when the bundle draws it — the PNG of the diagram). With several CLI bundles (e.g.
 * a baseline checkout's dist/cli.js) the runs alternate A B A B so that both see the same machine.
 * The warm-up run writes the CLI's V8 code cache (into a temporary folder), so the runs counted are
 * normal starts; `--fresh-cache` empties it before every run (each a first run after an install,
 * which also writes it), `MIIT95_CODE_CACHE=off` in the environment turns it off.
 * Used by `npm run bench` (one row) and on its own:
 *
 *   node bench/export.mjs [--runs 12] [--fresh-cache] [--cli dist/cli.js] [--cli /work/base98/dist/cli.js]
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

/** One export by `cli` into `out`: { wall, cpu } in ms, or { failure }. A CLI with a V8 code cache keeps it in `codeCacheDir`. */
function exportOnce(cli, out, codeCacheDir) {
  const cpuFile = path.join(out, 'cpu.txt');
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(CPU_PRELOAD).href, cli, 'export', SAMPLE_FILE, '--out', out, '--force'], {
    encoding: 'utf8',
    env: { ...process.env, MIIT95_BENCH_CPU_FILE: cpuFile, MIIT95_CODE_CACHE_DIR: codeCacheDir },
  });
  const wall = performance.now() - t0;
  if (run.status !== 0) return { failure: `export exited ${run.status}: ${run.stderr.slice(0, 300)}` };
  const folder = path.join(out, '杭州云声-申报材料');
  const missing = expectedFiles(cli).filter((f) => !existsSync(path.join(folder, f)));
  if (missing.length > 0) return { failure: `export left out ${missing.join(', ')}` };
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

/**
 * Times each of `clis` `runs` times, alternating; per CLI: { cli, wall, cpu, failures }. With
 * `freshCache` every run starts with an empty code-cache folder, as the first run after an install.
 */
export function exportBench({ clis = [path.join(REPO_ROOT, 'dist', 'cli.js')], runs = 10, warmup = 1, freshCache = false } = {}) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'miit95-bench-export-'));
  // The CLI's code cache (a build with dist/cli-main.js), written by the warm-up run: the runs
  // counted are normal starts, as every run after the first of an installed CLI.
  const codeCacheDir = mkdtempSync(path.join(os.tmpdir(), 'miit95-bench-code-cache-'));
  try {
    const results = clis.map((cli) => ({ cli, wall: [], cpu: [], failures: [] }));
    for (let r = 0; r < warmup + runs; r++) {
      for (const result of results) {
        if (freshCache) rmSync(codeCacheDir, { recursive: true, force: true });
        const once = exportOnce(result.cli, out, codeCacheDir);
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
    rmSync(codeCacheDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const clis = argv.flatMap((a, i) => (argv[i - 1] === '--cli' ? [path.resolve(a)] : []));
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 12;
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const freshCache = argv.includes('--fresh-cache');
  const results = exportBench({ ...(clis.length > 0 ? { clis } : {}), runs, freshCache });
  process.stdout.write(`miit95 export of ${path.relative(REPO_ROOT, SAMPLE_FILE)}, ${runs} runs each, alternating${freshCache ? ', each without a code cache (first run after an install)' : ''}; load average at start ${load}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.cli}: wall median ${r.wall.median} ms (min ${r.wall.min}, max ${r.wall.max}); CPU median ${r.cpu.median} ms (min ${r.cpu.min}, max ${r.cpu.max})${r.failures.length ? `; FAILURES: ${r.failures.join(' | ')}` : ''}\n`,
    );
  }
  if (results.some((r) => r.failures.length > 0)) process.exitCode = 1;
}
