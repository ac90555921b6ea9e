/**
 * `npm run bench`: the speed benchmark. Drives the bundled language server (dist/server.js) and the
 * Red Hat YAML language server (yaml-language-server, given our JSON Schema) over stdio with a real
 * LSP client, on fixed inputs generated from the complete sample (about 500, 10,000 and 50,000
 * lines), alternating A B A B, and measures: spawn → first correct diagnostics; didChange → correct
 * diagnostics for that version over a mix of edits; server CPU per edit; opening a file (a full
 * validation); hover and completion latency; peak RSS; the bare `yaml.parseDocument` time of the
 * same text (the floor), alternating with a full validation by the engine in the same process (the
 * "validation ≤ 2.5× the floor" target); the CLI on 1,000 application files; and the applications view
 * (bench/portfolio-bench.mjs: the server's first background check of 1,000 files, edit latency while it
 * runs next to without it, `miit95 portfolio` of 1,000 files). A correctness guard checks every
 * diagnostics result counted (ours: exactly what `miit95 check` reports for that text; the peer: the
 * schema error where the error edit put it, nothing otherwise). Writes bench/results/latest.json
 * and bench/results/latest.md, and prints the table and the targets.
 *
 * With the CLI rows, `miit95 export` of the complete sample (bench/export.mjs; --export-baseline
 * <cli.js> alternates it with another build's CLI, e.g. a checkout before a change).
 *
 * Options: --quick (fewer repetitions), --sizes typical,10k,50k, --no-peer, --no-cli, --no-portfolio,
 * --update-readme (replaces the table between the bench markers in docs/dev/performance.md).
 * Not part of `npm test`; bounded to a few minutes on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { parseDocument } from 'yaml';
import { exportBench } from './export.mjs';
import { generateApplication, REPO_ROOT, SAMPLE_FILE, SIZES } from './generate.mjs';
import { timeCliRuns } from './lib/cli-runs.mjs';
import { LspClient } from './lib/lsp-client.mjs';
import { portfolioBench, portfolioTable } from './portfolio-bench.mjs';
import { fmt, median, ratio, round, summary } from './lib/stats.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const WITH_PEER = !flag('--no-peer');
const WITH_CLI = !flag('--no-cli');
const WITH_PORTFOLIO = !flag('--no-portfolio');
const SIZE_NAMES = (option('--sizes') ?? SIZES.map((s) => s.name).join(',')).split(',');

/** Repetitions per size: edit cycles per round, rounds per server (A B A B), extra cold starts. */
/**
 * `warmCycles` edit cycles run before the measured ones and `warmOpens` opens before the measured
 * opens, for both servers: a session runs for hours, so the steady state (code optimized by the JIT)
 * is what is compared, as the floor is a warm parse too. The first edits are in the JSON as `warmup`.
 */
const PLAN = {
  typical: { cycles: QUICK ? 2 : 5, warmCycles: 3, rounds: 2, coldStarts: QUICK ? 2 : 4, parseReps: 60, opens: 10, warmOpens: 20 },
  '10k': { cycles: QUICK ? 1 : 2, warmCycles: 1, rounds: 2, coldStarts: 0, parseReps: 12, opens: 2, warmOpens: 2 },
  '50k': { cycles: 1, warmCycles: 0, rounds: QUICK ? 1 : 2, coldStarts: 0, parseReps: 4, opens: 1, warmOpens: 0 },
};
/** Quiet time after each result before the next edit: lets trailing work finish and be counted. */
const SETTLE_MS = 60;
const HOVER_REPS = QUICK ? 10 : 25;

const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli.js');
const PEER_BIN = path.join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA_URI = pathToFileURL(path.join(REPO_ROOT, 'schemas', 'application.schema.json')).href;
const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

// ---------------------------------------------------------------------------------------------
// Inputs

/** The edits of one cycle, as offset edits on the base text; every cycle returns to the base. */
function editsFor(base) {
  const at = (needle, within = 0) => {
    const i = base.indexOf(needle);
    if (i < 0 || base.indexOf(needle, i + 1) >= 0) throw new Error(`bench: "${needle}" is not unique`);
    return i + within;
  };
  const scalar = at('busy_hour_calls: 1200') + 'busy_hour_calls: '.length;
  const seats = at('\n  seats: 80 ') + '\n  seats: '.length;
  // The middle item of the customers list (the biggest list of the generated files).
  const customers = [...base.matchAll(/^ {4}- name: .*\n {6}type: /gm)].map((m) => m.index);
  const middle = customers[customers.length >> 1];
  const item = '    - name: 新增客户信息技术有限公司\n      type: 连锁零售\n      status: 意向\n';
  return {
    variants: {
      scalar: base.slice(0, scalar) + '1250' + base.slice(scalar + 4),
      item: base.slice(0, middle) + item + base.slice(middle),
      error: base.slice(0, seats) + '八十' + base.slice(seats + 2),
    },
    errorLine: base.slice(0, seats).split('\n').length - 1,
    cycle: [
      { kind: 'scalar', offset: scalar, length: 4, text: '1250', after: 'scalar' },
      { kind: 'scalar', offset: scalar, length: 4, text: '1200', after: 'base' },
      { kind: 'insert item', offset: middle, length: 0, text: item, after: 'item' },
      { kind: 'remove item', offset: middle, length: item.length, text: '', after: 'base' },
      { kind: 'introduce error', offset: seats, length: 2, text: '八十', after: 'error' },
      { kind: 'fix error', offset: seats, length: 2, text: '80', after: 'base' },
    ],
  };
}

/** Writes the inputs of every size into `dir` and asks the CLI what each text's findings are. */
function prepareInputs(dir) {
  const sizes = {};
  const files = [];
  for (const { name, lines } of SIZES.filter((s) => SIZE_NAMES.includes(s.name))) {
    const base = generateApplication(lines);
    const { variants, cycle, errorLine } = editsFor(base);
    const texts = { base, ...variants };
    for (const [variant, text] of Object.entries(texts)) {
      const file = `${name}-${variant}.app95.yaml`;
      writeFileSync(path.join(dir, file), text);
      files.push(file);
    }
    writeFileSync(path.join(dir, `${name}.app95.yaml`), base);
    sizes[name] = { name, lines: base.split('\n').length, bytes: Buffer.byteLength(base), texts, cycle, errorLine };
  }
  const run = spawnSync(process.execPath, [CLI_BUNDLE, 'check', '--format', 'json', ...files], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`bench: miit95 check failed: ${run.stderr}`);
  const findings = JSON.parse(run.stdout).findings;
  for (const size of Object.values(sizes)) {
    size.expected = {};
    for (const variant of Object.keys(size.texts)) {
      const file = `${size.name}-${variant}.app95.yaml`;
      size.expected[variant] = findings
        .filter((f) => f.file === file)
        .map((f) => `${f.code}@${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1}`)
        .sort();
    }
    if (!size.expected.error.some((k) => k.startsWith('schema/type@')))
      throw new Error('bench: the error edit does not produce the expected schema error');
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------
// Servers

/**
 * Our server keeps its V8 code cache in the bench's own folder (empty at the start of a run, so the
 * very first start compiles and writes it, as after an install or update); `codeCache: false`
 * starts it with the cache turned off, to measure that first start on its own.
 */
const SERVERS = {
  ours: {
    label: 'miit95',
    languageId: 'miit95',
    start: (dir, { codeCache = true } = {}) =>
      new LspClient({
        command: process.execPath,
        args: [SERVER_BUNDLE, '--stdio'],
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          MIIT95_CODE_CACHE_DIR: path.join(dir, 'code-cache'),
          ...(codeCache ? {} : { MIIT95_CODE_CACHE: 'off' }),
        },
      }),
    /** Whether a start now finds a code cache (a start without one is reported apart). */
    hasCodeCache: (dir) => existsSync(path.join(dir, 'code-cache')) && readdirSync(path.join(dir, 'code-cache')).some((f) => f.endsWith('.cache')),
    /** Exactly the findings `miit95 check` reports for that text, published for that version. */
    accepts: (params, version, size, variant) =>
      params.version === version &&
      sameList(
        params.diagnostics
          .map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
          .sort(),
        size.expected[variant],
      ),
    /** Which publish answers an edit: the one for its version. */
    answers: (params, version) => params.version === version,
  },
  peer: {
    label: 'yaml-language-server 1.25',
    languageId: 'yaml',
    start: () =>
      new LspClient({
        command: process.execPath,
        args: [PEER_BIN, '--stdio'],
        cwd: REPO_ROOT,
        settings: {
          yaml: {
            schemas: { [SCHEMA_URI]: '*.app95.yaml' },
            schemaStore: { enable: false },
            validate: true,
            hover: true,
            completion: true,
            customTags: [],
            format: { enable: false },
          },
        },
      }),
    /** The schema error on the error line for the error text; no diagnostics for a valid text. */
    accepts: (params, _version, size, variant) =>
      variant === 'error'
        ? params.diagnostics.length > 0 && params.diagnostics.every((d) => d.range.start.line === size.errorLine)
        : params.diagnostics.length === 0,
    /** It publishes without versions: the first publish after the change answers it. */
    answers: () => true,
  },
};

function sameList(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Spawn → initialize → open the error text → the first correct diagnostics. */
async function coldStart(server, size, dir, client) {
  const uri = pathToFileURL(path.join(dir, `${size.name}.app95.yaml`)).href;
  await client.initialize(pathToFileURL(dir).href);
  const since = client.mark();
  await client.open(uri, size.texts.error, server.languageId);
  const entry = await client.waitFor(uri, (p) => server.answers(p, 1), since, 120000);
  const correct = server.accepts(entry.params, 1, size, 'error');
  return { uri, ms: entry.at - client.spawnedAt, correct, got: entry.params.diagnostics.length };
}

/** One round: cold start, the edit cycles, hover/completion, peak RSS, then full validations on open. */
async function runRound(serverName, size, dir, plan) {
  const server = SERVERS[serverName];
  // A start without a code cache (the run's very first) is counted with the no-cache starts.
  const cached = server.hasCodeCache?.(dir) ?? true;
  const client = server.start(dir);
  const out = { cold: undefined, coldNoCache: undefined, edits: [], hover: [], completion: [], open: [], failures: [] };
  try {
    const cold = await coldStart(server, size, dir, client);
    if (cached) out.cold = cold.ms;
    else out.coldNoCache = cold.ms;
    if (!cold.correct) out.failures.push(`cold start: wrong diagnostics (${cold.got})`);
    const uri = cold.uri;
    await sleep(SETTLE_MS);
    const fix = size.cycle[5];
    const sequence = [{ ...fix, warm: true }];
    for (let c = 0; c < plan.warmCycles; c++) sequence.push(...size.cycle.map((e) => ({ ...e, warm: true })));
    for (let c = 0; c < plan.cycles; c++) sequence.push(...size.cycle);
    for (const edit of sequence) {
      const since = client.mark();
      const cpu0 = client.cpuMs();
      const t0 = performance.now();
      const version = await client.edit(uri, edit.offset, edit.length, edit.text);
      const entry = await client.waitFor(uri, (p) => server.answers(p, version), since, 120000);
      const latency = entry.at - t0;
      await sleep(SETTLE_MS);
      const cpu = client.cpuMs() - cpu0;
      const correct = server.accepts(entry.params, version, size, edit.after);
      if (!correct) out.failures.push(`${edit.kind}: wrong diagnostics for version ${version}`);
      // A later publish for the same edit (the peer re-validating) would make the first one not final.
      const extra = client.published.slice(since).filter((e) => e.params.uri === uri).length - 1;
      if (extra > 0 && serverName === 'ours') out.failures.push(`${edit.kind}: ${extra} extra publish(es)`);
      (edit.warm ? (out.warmup ??= []) : out.edits).push({ kind: edit.kind, latency, cpu, correct });
    }
    // Hover over the `seats` key and completion at the start of that key, on the current text.
    const text = client.text(uri);
    const seatsKey = text.indexOf('\n  seats: ') + 3;
    const position = client.positionAt(uri, seatsKey);
    const caps = client.capabilities;
    if (caps?.hoverProvider) {
      for (let i = 0; i < HOVER_REPS; i++) {
        const t0 = performance.now();
        const hover = await client.hover(uri, position);
        if (i === 0 && hover === null) out.failures.push('hover: no answer on the seats key');
        out.hover.push(performance.now() - t0);
      }
    }
    if (caps?.completionProvider) {
      for (let i = 0; i < HOVER_REPS; i++) {
        const t0 = performance.now();
        const list = await client.completion(uri, position);
        const items = Array.isArray(list) ? list : (list?.items ?? []);
        if (i === 0 && items.length === 0) out.failures.push('completion: no items at a key');
        out.completion.push(performance.now() - t0);
      }
    }
    // The form view (issue 14): a text edit, then the form's `miit95/formModel` request at once, as
    // the form editor asks after each change; the time until the model of that version arrives.
    if (serverName === 'ours' && size.name === 'typical') {
      for (let c = 0; c < plan.warmCycles + plan.cycles; c++) {
        for (const edit of size.cycle) {
          const t0 = performance.now();
          const version = await client.edit(uri, edit.offset, edit.length, edit.text);
          const result = await client.request('miit95/formModel', { uri });
          const ms = performance.now() - t0;
          if (result?.version !== version || result.model?.pages?.length !== 13)
            out.failures.push(`form model: wrong answer for version ${version}`);
          if (c >= plan.warmCycles) (out.form ??= []).push(ms);
          await sleep(SETTLE_MS);
        }
      }
    }
    out.peakRssMb = client.peakRssMb();
    // Opening another file of the same size: one full validation (no previous version to reuse),
    // after warm-up opens (not counted), as the floor is a warm parse too.
    for (let i = 0; i < plan.warmOpens + plan.opens; i++) {
      const other = pathToFileURL(path.join(dir, `${size.name}-base.app95.yaml`)).href.replace(
        'base.app95',
        `open${i}.app95`,
      );
      const since = client.mark();
      const cpu0 = client.cpuMs();
      const t0 = performance.now();
      await client.open(other, size.texts.base, server.languageId);
      const entry = await client.waitFor(other, (p) => server.answers(p, 1), since, 120000);
      const latency = entry.at - t0;
      await sleep(SETTLE_MS);
      if (!server.accepts(entry.params, 1, size, 'base')) out.failures.push('open: wrong diagnostics');
      if (i >= plan.warmOpens) out.open.push({ latency, cpu: client.cpuMs() - cpu0 });
      await client.close(other);
    }
  } catch (error) {
    out.failures.push(`error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.stop();
  }
  return out;
}

/** Extra cold starts (spawn → first correct diagnostics), alternating with the other server. */
async function coldOnly(serverName, size, dir, options) {
  const server = SERVERS[serverName];
  const client = server.start(dir, options);
  try {
    const cold = await coldStart(server, size, dir, client);
    return { ms: cold.ms, failure: cold.correct ? undefined : 'cold start: wrong diagnostics' };
  } catch (error) {
    return { ms: Number.NaN, failure: `cold start: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await client.stop();
  }
}

/**
 * The engine in this process (bench/lib/validate-entry.ts bundled with esbuild, like the server's
 * bundle), to time a full validation under exactly the floor's conditions.
 */
async function loadEngine(dir) {
  const outfile = path.join(dir, 'engine.cjs');
  await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'bench', 'lib', 'validate-entry.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    define: { MIIT95_VALIDATORS_CURRENT: 'true' },
  });
  return createRequire(import.meta.url)(outfile);
}

/**
 * The floor, a bare `yaml.parseDocument` of the text, and a full validation of the same text by the
 * engine (schema, every rule, the attachment probe; nothing reused from an earlier version),
 * alternating in this process: CPU time of the process (all threads), results dropped alike.
 */
function floorOf(text, reps, engine, dir) {
  const validateOnce = () => engine.validate(text, { files: engine.createFileProbe(dir) });
  for (let i = 0; i < 5; i++) {
    parseDocument(text);
    validateOnce();
  }
  const cpu = [];
  const wall = [];
  const validation = [];
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    parseDocument(text);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    const v0 = process.cpuUsage();
    validateOnce();
    const v = process.cpuUsage(v0);
    validation.push((v.user + v.system) / 1000);
  }
  return { cpu: summary(cpu), wall: summary(wall), validation: summary(validation) };
}

// ---------------------------------------------------------------------------------------------
// CLI on 1,000 files

function cliBench(dir) {
  const folder = path.join(dir, 'cli');
  mkdirSync(folder, { recursive: true });
  cpSync(path.join(path.dirname(SAMPLE_FILE), '附件'), path.join(folder, '附件'), { recursive: true });
  const sample = readFileSync(SAMPLE_FILE, 'utf8');
  let expectedErrors = 0;
  for (let i = 0; i < 1000; i++) {
    // Each file its own: a different (still plausible) busy-hour forecast and applicant contact.
    let text = sample
      .replace('busy_hour_calls: 1200', `busy_hour_calls: ${1000 + (i % 200)}`)
      .replace('    name: 李敏', `    name: 李敏${i}`);
    if (i % 10 === 0) {
      text = text.replace('\n  seats: 80 ', '\n  seats: 八十 ');
      expectedErrors++;
    }
    writeFileSync(path.join(folder, `a${String(i).padStart(4, '0')}.app95.yaml`), text);
  }
  const { ms, failure } = timeCliRuns({
    cli: CLI_BUNDLE,
    args: ['check', 'cli', '--format', 'json'],
    cwd: dir,
    runs: QUICK ? 1 : 2,
    label: 'cli',
    verify: ({ findings }) => {
      const errors = findings.filter((f) => f.code === 'schema/type').length;
      return errors !== expectedErrors || findings.length !== expectedErrors
        ? `cli: ${findings.length} findings, expected ${expectedErrors}`
        : undefined;
    },
  });
  return { files: 1000, ms, failure };
}

// ---------------------------------------------------------------------------------------------
// Report

function summarize(rounds, size, floor) {
  const edits = rounds.flatMap((r) => r.edits);
  const byKind = {};
  for (const e of edits) (byKind[e.kind] ??= []).push(e);
  const opens = rounds.flatMap((r) => r.open);
  return {
    cold: summary(rounds.map((r) => r.cold).filter((ms) => ms !== undefined).concat(rounds.coldExtra ?? [])),
    coldNoCache: summary(rounds.map((r) => r.coldNoCache).filter((ms) => ms !== undefined).concat(rounds.coldNoCache ?? [])),
    latency: summary(edits.map((e) => e.latency)),
    cpu: summary(edits.map((e) => e.cpu)),
    byKind: Object.fromEntries(
      Object.entries(byKind).map(([k, es]) => [k, { latency: summary(es.map((e) => e.latency)), cpu: summary(es.map((e) => e.cpu)) }]),
    ),
    open: { latency: summary(opens.map((o) => o.latency)), cpu: summary(opens.map((o) => o.cpu)) },
    warmup: {
      edits: rounds.reduce((n, r) => n + (r.warmup?.length ?? 0), 0),
      latency: summary(rounds.flatMap((r) => (r.warmup ?? []).map((e) => e.latency))),
      cpu: summary(rounds.flatMap((r) => (r.warmup ?? []).map((e) => e.cpu))),
    },
    hover: summary(rounds.flatMap((r) => r.hover)),
    completion: summary(rounds.flatMap((r) => r.completion)),
    form: summary(rounds.flatMap((r) => r.form ?? [])),
    peakRssMb: round(Math.max(...rounds.map((r) => r.peakRssMb ?? Number.NaN).filter(Number.isFinite))),
    cpuOverFloor: round(median(edits.map((e) => e.cpu)) / floor.cpu.median),
    openOverFloor: round(median(opens.map((o) => o.cpu)) / floor.cpu.median),
    validationOverFloor: floor.validation ? round(floor.validation.median / floor.cpu.median) : null,
    failures: rounds.flatMap((r) => r.failures),
  };
}

function targetsOf(results) {
  const t = [];
  const add = (name, value, limit, unit = 'ms', higherIsBetter = false) =>
    t.push({
      name,
      value: round(value),
      limit,
      unit,
      met: Number.isFinite(value) ? (higherIsBetter ? value >= limit : value <= limit) : false,
    });
  const s = results.sizes;
  const ours = (name) => s[name]?.ours;
  if (ours('typical')) {
    add('typical: edit → diagnostics median', ours('typical').latency.median, 30);
    add('typical: edit → diagnostics p95', ours('typical').latency.p95, 60);
    add('typical: server CPU per edit (median)', ours('typical').cpu.median, 4);
    add('cold: spawn → first diagnostics (median)', ours('typical').cold.median, 300);
    if (ours('typical').hover.n) add('hover median', ours('typical').hover.median, 5);
    if (ours('typical').completion.n) add('completion median', ours('typical').completion.median, 5);
    if (ours('typical').form?.n) add('typical: text edit → form model (median)', ours('typical').form.median, 50);
  }
  if (ours('10k')) add('10k lines: CPU per edit (median)', ours('10k').cpu.median, 60);
  if (ours('50k')) {
    add('50k lines: CPU per edit (median)', ours('50k').cpu.median, 300);
    add('50k lines: peak RSS', ours('50k').peakRssMb, 300, 'MB');
  }
  for (const [name, size] of Object.entries(s)) {
    add(`${name}: CPU per edit / bare parse`, size.ours.cpuOverFloor, 2.5, '×');
    add(`${name}: full validation / bare parse (same process)`, size.ours.validationOverFloor, 2.5, '×');
    if (size.peer) {
      add(`${name}: peer CPU per edit / ours`, ratio(size.peer.cpu.median, size.ours.cpu.median), 5, '×', true);
      add(`${name}: peer edit latency / ours`, ratio(size.peer.latency.median, size.ours.latency.median), 5, '×', true);
    }
  }
  if (results.cli) add('CLI: 1,000 files', results.cli.ms.median, 10000);
  if (results.portfolio) {
    const p = results.portfolio;
    add('applications view: first background check of 1,000 files', p.firstCheckMs, 10000);
    add('applications view: edit → diagnostics during the check / without (median)', p.editRatio, 1.5, '×');
    add('`miit95 portfolio` of 1,000 files (wall)', p.cli?.median, 5000);
  }
  return t;
}

function table(results) {
  const rows = [];
  const sizes = Object.entries(results.sizes);
  const header = ['Measure (median; p95)', ...sizes.flatMap(([n, s]) => (s.peer ? [`${n} ours`, `${n} peer`, `${n} ×`] : [`${n} ours`]))];
  rows.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  const line = (label, pick, unit = ' ms', withP95 = false) => {
    const cells = sizes.flatMap(([, s]) => {
      const o = pick(s.ours);
      const cell = (x) => (x ? `${fmt(x.median ?? x, unit)}${withP95 && x.p95 !== undefined ? `; ${fmt(x.p95, unit)}` : ''}` : '—');
      if (!s.peer) return [cell(o)];
      const p = pick(s.peer);
      const r = ratio(p?.median ?? p, o?.median ?? o);
      return [cell(o), cell(p), r === null ? '—' : `${r}×`];
    });
    rows.push(`| ${label} | ${cells.join(' | ')} |`);
  };
  line('spawn → first correct diagnostics', (x) => x.cold, ' ms', true);
  line('the same, first start after install (no code cache yet)', (x) => (x.coldNoCache?.n ? x.coldNoCache : undefined), ' ms', true);
  line('edit → correct diagnostics', (x) => x.latency, ' ms', true);
  line('server CPU per edit', (x) => x.cpu, ' ms', true);
  line('server CPU per edit, first edits after start (warm-up, not counted above)', (x) => x.warmup.cpu, ' ms', true);
  line('open → diagnostics (full validation, warm)', (x) => x.open.latency, ' ms');
  line('CPU of a full validation (open, warm)', (x) => x.open.cpu, ' ms');
  line('hover', (x) => (x.hover.n ? x.hover : undefined), ' ms', true);
  line('completion', (x) => (x.completion.n ? x.completion : undefined), ' ms', true);
  line('text edit → form model (miit95/formModel)', (x) => (x.form?.n ? x.form : undefined), ' ms', true);
  line('peak RSS', (x) => x.peakRssMb, ' MB');
  const floorCells = sizes.flatMap(([, s]) => (s.peer ? [fmt(s.floor.cpu.median, ' ms'), '', ''] : [fmt(s.floor.cpu.median, ' ms')]));
  rows.push(`| bare \`yaml.parseDocument\` (floor, CPU) | ${floorCells.join(' | ')} |`);
  const validationCells = sizes.flatMap(([, s]) =>
    s.peer ? [fmt(s.floor.validation?.median, ' ms'), '', ''] : [fmt(s.floor.validation?.median, ' ms')],
  );
  rows.push(`| full validation by the engine, same process as the floor (CPU) | ${validationCells.join(' | ')} |`);
  const overCells = sizes.flatMap(([, s]) => {
    const o = `${fmt(s.ours.cpuOverFloor, '×')} / ${fmt(s.ours.validationOverFloor, '×')} / ${fmt(s.ours.openOverFloor, '×')}`;
    return s.peer ? [o, `${fmt(s.peer.cpuOverFloor, '×')} / ${fmt(s.peer.openOverFloor, '×')}`, ''] : [o];
  });
  rows.push(`| CPU per edit / floor; full validation / floor (ours: same process / server open) | ${overCells.join(' | ')} |`);
  const lines = sizes.map(([n, s]) => `${n} = ${s.lines} lines (${Math.round(s.bytes / 1024)} KB)`);
  const portfolio = results.portfolio ? `\n${portfolioTable(results.portfolio)}\n` : '';
  const exports = (results.export ?? []).map(
    (e) =>
      ` \`miit95 export\` of the complete sample${e.cli === CLI_BUNDLE ? '' : ` by ${e.cli}`}: ${fmt(e.wall.median, ' ms')} wall, ${fmt(e.cpu.median, ' ms')} CPU (median of ${e.wall.n}).`,
  );
  return `${rows.join('\n')}\n\nInputs: ${lines.join(', ')}.${results.cli ? ` CLI: ${results.cli.files} files checked in ${fmt(results.cli.ms.median, ' ms')} (median of ${results.cli.ms.n}).` : ''}${exports.join('')}\n${portfolio}`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  for (const file of [SERVER_BUNDLE, CLI_BUNDLE]) {
    if (!existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`npm run build\` first`);
  }
  const started = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'miit95-bench-'));
  try {
    cpSync(path.join(path.dirname(SAMPLE_FILE), '附件'), path.join(dir, '附件'), { recursive: true });
    log('bench: preparing inputs and expected findings…');
    const sizes = prepareInputs(dir);
    const engine = await loadEngine(dir);
    for (const size of Object.values(sizes)) {
      // The in-process validation must find what `miit95 check` found (the codes, in order).
      const codes = engine.validate(size.texts.base, { files: engine.createFileProbe(dir) }).findings.map((f) => f.code).sort();
      const expected = size.expected.base.map((k) => k.split('@')[0]).sort();
      if (!sameList(codes, expected)) throw new Error(`bench: the engine in process found ${codes.join(', ')}; expected ${expected.join(', ')}`);
    }
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg().map((x) => round(x)) },
      peer: WITH_PEER ? 'yaml-language-server 1.25 (our JSON Schema through yaml.schemas)' : null,
      settleMs: SETTLE_MS,
      sizes: {},
    };
    for (const size of Object.values(sizes)) {
      const plan = PLAN[size.name];
      const rounds = { ours: [], peer: [] };
      const coldExtra = { ours: [], peer: [] };
      const coldNoCache = { ours: [], peer: [] };
      const failures = { ours: [], peer: [] };
      const order = WITH_PEER ? ['ours', 'peer'] : ['ours'];
      for (let r = 0; r < plan.rounds; r++) {
        for (const name of order) {
          log(`bench: ${size.name} (${size.lines} lines): ${name} round ${r + 1}/${plan.rounds}…`);
          rounds[name].push(await runRound(name, size, dir, plan));
        }
      }
      for (let r = 0; r < plan.coldStarts; r++) {
        for (const name of order) {
          const cold = await coldOnly(name, size, dir);
          coldExtra[name].push(cold.ms);
          if (cold.failure) failures[name].push(cold.failure);
        }
        // Our first start after an install or update: no code cache yet.
        const first = await coldOnly('ours', size, dir, { codeCache: false });
        coldNoCache.ours.push(first.ms);
        if (first.failure) failures.ours.push(first.failure);
      }
      const floor = floorOf(size.texts.base, plan.parseReps, engine, dir);
      const entry = { lines: size.lines, bytes: size.bytes, floor };
      for (const name of order) {
        rounds[name].coldExtra = coldExtra[name];
        rounds[name].coldNoCache = coldNoCache[name];
        entry[name] = summarize(rounds[name], size, floor);
        entry[name].failures.push(...failures[name]);
      }
      results.sizes[size.name] = entry;
    }
    if (WITH_CLI) {
      log('bench: CLI on 1,000 files…');
      results.cli = cliBench(dir);
      log('bench: miit95 export of the complete sample…');
      const baseline = option('--export-baseline');
      const clis = [CLI_BUNDLE, ...(baseline === undefined ? [] : [path.resolve(baseline)])];
      results.export = exportBench({ clis, runs: QUICK ? 5 : 10 });
    }
    if (WITH_PORTFOLIO) {
      log('bench: applications view and `miit95 portfolio` on 1,000 files…');
      results.portfolio = await portfolioBench(dir, { quick: QUICK });
    }
    results.targets = targetsOf(results);
    results.failures = [
      ...Object.entries(results.sizes).flatMap(([n, s]) => [
        ...s.ours.failures.map((f) => `${n} ours: ${f}`),
        ...(s.peer?.failures ?? []).map((f) => `${n} peer: ${f}`),
      ]),
      ...(results.cli?.failure ? [results.cli.failure] : []),
      ...(results.export ?? []).flatMap((e) => e.failures.map((f) => `export ${e.cli}: ${f}`)),
      ...(results.portfolio?.failures ?? []).map((f) => `portfolio: ${f}`),
    ];
    results.hoverCompletion = Object.values(results.sizes).some((s) => s.ours.hover.n > 0)
      ? 'measured'
      : 'not measured: the server does not advertise hover/completion yet';
    results.durationS = round((performance.now() - started) / 1000, 1);

    const markdown = table(results);
    const targetLines = results.targets.map(
      (t) => `- ${t.met ? '✅' : '❌'} ${t.name}: ${fmt(t.value, t.unit === 'ms' ? ' ms' : t.unit === 'MB' ? ' MB' : '×')} (target ${t.unit === '×' && t.name.includes('peer') ? '≥' : '≤'} ${t.limit}${t.unit === 'ms' ? ' ms' : t.unit === 'MB' ? ' MB' : '×'})`,
    );
    const report = `${markdown}\nTargets:\n${targetLines.join('\n')}\n${results.failures.length ? `\nCorrectness failures (these results do not count):\n${results.failures.map((f) => `- ${f}`).join('\n')}\n` : ''}${results.hoverCompletion === 'measured' ? '' : `\nHover and completion: ${results.hoverCompletion}.\n`}`;
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(RESULTS_DIR, 'latest.md'), report);
    if (flag('--update-readme')) updateReadme(`${markdown}\nTargets (this run):\n\n${targetLines.join('\n')}\n`, results);
    process.stdout.write(`${report}\nbench: ${results.durationS} s; results in bench/results/latest.json\n`);
    if (results.failures.length > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the text between `<!-- bench:start -->` and `<!-- bench:end -->` in docs/dev/performance.md. */
function updateReadme(markdown, results) {
  const readme = path.join(REPO_ROOT, 'docs', 'dev', 'performance.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) {
    log('bench: docs/dev/performance.md has no bench markers; not updated');
    return;
  }
  const stamp = `Run of ${results.date.slice(0, 10)} on ${results.machine.cpus} cores (${results.machine.model}), Node ${results.machine.node}, load average ${results.machine.loadavg[0]} at the start.\n\n`;
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${stamp}${markdown}${text.slice(j)}`);
}

await main();
