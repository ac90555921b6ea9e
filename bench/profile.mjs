/**
 * `node bench/profile.mjs [typical|10k|50k] [cycles]`: runs the bundled server under `node
 * --cpu-prof` through the benchmark's edit mix (change a scalar, insert and remove a list item,
 * introduce and fix an error) on a generated input, and prints where the time went: the functions
 * with the most inclusive time in the validation runs of edits (the first full validation, on open,
 * excluded), and the garbage collector. The raw profile is kept in the system's temporary folder
 * (the path is printed; open it in Chrome DevTools or VS Code). Build first.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateApplication, REPO_ROOT, SAMPLE_FILE, SIZES } from './generate.mjs';
import { LspClient } from './lib/lsp-client.mjs';

const sizeName = process.argv[2] ?? 'typical';
const cycles = Number(process.argv[3] ?? 20);
const size = SIZES.find((s) => s.name === sizeName);
if (size === undefined) throw new Error(`unknown size ${sizeName} (${SIZES.map((s) => s.name).join(', ')})`);

const out = mkdtempSync(path.join(os.tmpdir(), 'miit95-cpuprofile-'));
const dir = mkdtempSync(path.join(os.tmpdir(), 'miit95-profile-'));
cpSync(path.join(path.dirname(SAMPLE_FILE), '附件'), path.join(dir, '附件'), { recursive: true });
const base = generateApplication(size.lines);
const file = path.join(dir, `${sizeName}.app95.yaml`);
writeFileSync(file, base);

const scalar = base.indexOf('busy_hour_calls: 1200') + 'busy_hour_calls: '.length;
const seats = base.indexOf('\n  seats: 80 ') + '\n  seats: '.length;
const customers = [...base.matchAll(/^ {4}- name: .*\n {6}type: /gm)].map((m) => m.index);
const middle = customers[customers.length >> 1];
const item = '    - name: 新增客户信息技术有限公司\n      type: 连锁零售\n      status: 意向\n';
const cycle = [
  [scalar, 4, '1250'],
  [scalar, 4, '1200'],
  [middle, 0, item],
  [middle, item.length, ''],
  [seats, 2, '八十'],
  [seats, 2, '80'],
];

const client = new LspClient({
  command: process.execPath,
  args: ['--cpu-prof', `--cpu-prof-dir=${out}`, path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'],
  cwd: REPO_ROOT,
});
try {
  await client.initialize(pathToFileURL(dir).href);
  const uri = pathToFileURL(file).href;
  let since = client.mark();
  await client.open(uri, base, 'miit95');
  await client.waitFor(uri, (p) => p.version === 1, since);
  for (let c = 0; c < cycles; c++) {
    for (const [offset, length, text] of cycle) {
      since = client.mark();
      const version = await client.edit(uri, offset, length, text);
      await client.waitFor(uri, (p) => p.version === version, since);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }
} finally {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
}

const profileFile = readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
if (profileFile === undefined) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(path.join(out, profileFile), 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
const inclusive = new Map();
let edits = 0;
let gc = 0;
for (const [id, ms] of self) {
  const chain = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(byId.get(cur));
  const top = chain[0].callFrame.functionName;
  if (top === '(garbage collector)') gc += ms;
  // Edits are validated from a timer; the open's validation runs inside the didOpen notification.
  if (!chain.some((n) => n.callFrame.functionName === 'listOnTimeout')) continue;
  edits += ms;
  for (const key of new Set(chain.map(label))) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
}
const count = cycles * cycle.length;
process.stdout.write(
  `${sizeName}: ${count} edits; ${(edits / count).toFixed(2)} ms of profiled time per edit in validation runs, ` +
    `${(gc / count).toFixed(2)} ms of garbage collection per edit (whole run)\n` +
    `inclusive ms per edit (profiler overhead included):\n`,
);
for (const [key, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  if (/^\(root\)|^processTimers|^listOnTimeout/.test(key)) continue;
  process.stdout.write(`${(ms / count).toFixed(3).padStart(9)}  ${key}\n`);
}
process.stdout.write(`profile: ${path.join(out, profileFile)}\n`);
