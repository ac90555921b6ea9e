/**
 * `miit95 portfolio` and `miit95 calendar` through the bundled CLI (dist/cli.js) as a child
 * process, on a generated workspace of 80 applications (bench/portfolio-workspace.mjs, large enough
 * for the worker threads): the text table in both languages, JSON, CSV read back by csv-parse with
 * the Chinese intact, the calendar read back by ical.js, no overwrite without --force, usage errors.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ICAL } from '../ical';
import { assertBundleFresh, REPO_ROOT } from '../lsp/client';
import { CLI, runCli, type CliRun } from './run-cli';

const COUNT = 80;
const TODAY = '2026-12-07';

interface PortfolioJson {
  readonly today: string;
  readonly windowDays: number;
  readonly applications: readonly {
    file: string;
    state: string;
    errors: number;
    applicant?: string;
    firstCandidate?: string;
    annualFee?: { fen: number; text: string };
    materials: { complete: number; total: number };
    deadlines: readonly { key: string; date: string; daysLeft: number }[];
  }[];
  readonly upcoming: readonly { file: string; daysLeft: number }[];
}

describe('cli portfolio and calendar (dist/cli.js)', function () {
  this.timeout(60_000);
  let work: string;
  const run = (args: readonly string[]): CliRun => runCli(args, work, 60_000);

  before(function () {
    assertBundleFresh(CLI);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-portfolio-'));
    const gen = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'bench', 'portfolio-workspace.mjs'), path.join(work, 'ws'), String(COUNT)],
      { encoding: 'utf8' },
    );
    assert.equal(gen.status, 0, gen.stderr);
  });
  after(function () {
    rmSync(work, { recursive: true, force: true });
  });

  it('JSON: one summary per file, errors where the generator put them, fees and deadlines', function () {
    const r = run(['portfolio', 'ws', '--format', 'json', '--today', TODAY]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as PortfolioJson;
    assert.equal(out.applications.length, COUNT);
    assert.equal(out.today, TODAY);
    assert.equal(out.windowDays, 30);
    const byFile = new Map(out.applications.map((a) => [path.basename(a.file), a]));
    // Every tenth file has seats: 八十 (a schema error), every twentieth from the fifth a missing
    // attachment (R-DOCS-001); the others are ready or have warnings only.
    for (let i = 0; i < COUNT; i++) {
      const a = byFile.get(`申请${String(i).padStart(4, '0')}.app95.yaml`);
      assert.ok(a, `file ${i}`);
      assert.equal(a.state === 'errors', i % 10 === 0 || i % 20 === 5, `${a.file}: ${a.state}`);
    }
    const first = byFile.get('申请0001.app95.yaml');
    assert.equal(first?.applicant, '杭州海岳信息技术有限公司1');
    assert.equal(first?.firstCandidate, '95011');
    assert.equal(first?.annualFee?.text, '¥240,000');
    assert.deepEqual(first?.materials, { complete: 12, total: 12 });
    assert.ok((first?.deadlines.length ?? 0) >= 8);
    assert.ok(
      out.upcoming.every(
        (u, i, all) => u.daysLeft >= 0 && u.daysLeft <= 30 && (i === 0 || all[i - 1]!.daysLeft <= u.daysLeft),
      ),
    );
  });

  it('text: the table and the deadlines within the window, in Chinese and in English', function () {
    const zh = run(['portfolio', 'ws', '--today', TODAY]);
    assert.equal(zh.status, 0, zh.stderr);
    assert.match(zh.stdout, /^状态 +申请单位 +首选号码 +年费 +材料 +最近期限 +文件\n/);
    assert.match(zh.stdout, /\n1 个错误 +杭州云声信息技术有限公司0 +952100 +¥24,000 +11\/12 /);
    assert.match(
      zh.stdout,
      new RegExp(
        `共 ${COUNT} 份申请：就绪 \\d+，有警告 \\d+，有错误 12，无法读取 0；30 天内的期限 \\d+ 项（截至 ${TODAY}）。`,
      ),
    );
    assert.match(zh.stdout, /\n30 天内的期限：\n2026-12-/);
    const en = run(['portfolio', 'ws', '--today', TODAY, '--lang', 'en', '--window-days', '7']);
    assert.equal(en.status, 0, en.stderr);
    assert.match(en.stdout, /^State +Applicant +First number +Annual fee +Materials +Next deadline +File\n/);
    assert.match(
      en.stdout,
      new RegExp(
        `${COUNT} applications: \\d+ ready, \\d+ with warnings, 12 with errors, 0 unreadable; \\d+ deadlines within 7 days`,
      ),
    );
  });

  it('CSV: UTF-8 with a BOM and CRLF, read back by csv-parse with the Chinese intact', function () {
    const r = run(['portfolio', 'ws', '--format', 'csv', '--today', TODAY]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\uFEFF文件,状态,'));
    assert.ok(r.stdout.includes('\r\n'));
    const rows = parse<Record<string, string>>(r.stdout, {
      bom: true,
      columns: true,
      skip_empty_lines: true,
    });
    assert.equal(rows.length, COUNT);
    const row = rows.find((x) => x['文件']?.endsWith('申请0001.app95.yaml'));
    assert.equal(row?.['申请单位'], '杭州海岳信息技术有限公司1');
    assert.equal(row?.['状态'], '就绪');
    assert.equal(row?.['年费（元）'], '240000.00');
    assert.equal(row?.['使用省份'], '浙江省、江苏省、上海市、安徽省、福建省、广东省、北京市');
    assert.match(row?.['最近期限日期'] ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const en = parse<Record<string, string>>(
      run(['portfolio', 'ws', '--format', 'csv', '--lang', 'en', '--today', TODAY]).stdout,
      { bom: true, columns: true },
    );
    assert.equal(en[0]?.['State'] !== undefined, true);
  });

  it('calendar: writes an .ics that ical.js reads, one event per deadline; refuses to overwrite without --force', function () {
    const json = JSON.parse(
      run(['portfolio', 'ws', '--format', 'json', '--today', TODAY]).stdout,
    ) as PortfolioJson;
    const expected = json.applications.reduce((n, a) => n + a.deadlines.length, 0);
    const r = run(['calendar', 'ws', '--out', 'out/期限.ics', '--today', TODAY]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`已写入 out/期限\\.ics：${COUNT} 份申请的 ${expected} 项期限。`));
    const text = readFileSync(path.join(work, 'out', '期限.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    assert.equal(events.length, expected);
    assert.ok(
      events.some((e) => e.summary === '杭州海岳信息技术有限公司1：许可证延续申请截止（到期前 90 日）'),
    );
    assert.equal(new Set(events.map((e) => e.uid)).size, expected);

    writeFileSync(path.join(work, 'out', '期限.ics'), 'mine');
    const again = run(['calendar', 'ws', '--out', 'out/期限.ics', '--today', TODAY]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /文件已存在：out\/期限\.ics。加 --force 覆盖/);
    assert.equal(readFileSync(path.join(work, 'out', '期限.ics'), 'utf8'), 'mine');
    const forced = run([
      'calendar',
      'ws',
      '--out',
      'out/期限.ics',
      '--force',
      '--today',
      TODAY,
      '--lang',
      'en',
    ]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /^Wrote out\/期限\.ics: \d+ deadlines of 80 applications\.\n$/);
    assert.ok(readFileSync(path.join(work, 'out', '期限.ics'), 'utf8').startsWith('BEGIN:VCALENDAR\r\n'));
  });

  it('reports unreadable files and missing folders with exit 2, and bad usage in both languages', function () {
    writeFileSync(path.join(work, 'ws', '坏的.app95.yaml'), Buffer.from([0xff, 0xfe, 0x00]));
    try {
      const r = run(['portfolio', 'ws', 'nowhere', '--format', 'json', '--today', TODAY]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /找不到文件或文件夹：nowhere/);
      const out = JSON.parse(r.stdout) as PortfolioJson;
      const bad = out.applications.find((a) => a.file.endsWith('坏的.app95.yaml'));
      assert.equal(bad?.state, 'unreadable');
    } finally {
      rmSync(path.join(work, 'ws', '坏的.app95.yaml'));
    }
    const noPaths = run(['portfolio']);
    assert.equal(noPaths.status, 2);
    assert.match(
      noPaths.stderr,
      /portfolio 需要至少一个文件夹或申请文件。\nmiit95: portfolio needs at least one folder/,
    );
    assert.match(
      run(['portfolio', 'ws', '--format', 'xml']).stderr,
      /--format 的取值无效：“xml”（可用：text、json、csv）/,
    );
    assert.match(run(['portfolio', 'ws', '--window-days=-3']).stderr, /--window-days 的取值无效/);
    assert.match(run(['calendar', 'ws']).stderr, /calendar 需要 --out <文件\.ics>。/);
    assert.equal(existsSync(path.join(work, 'ws.ics')), false);
    const help = run(['portfolio', '--help', '--lang', 'en']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage:\n {2}miit95 portfolio /);
    assert.match(run(['--help']).stdout, /portfolio <文件夹\.\.\.> +列出全部申请/);
  });

  it('--config: the same configuration and counts as `miit95 check --config`', function () {
    writeFileSync(path.join(work, 'override.yaml'), 'rules:\n  R-DOCS-001: warning\n');
    const counts = (args: readonly string[]): Map<string, string> => {
      const check = run(['check', ...args, '--format', 'json', '--today', TODAY]);
      const byFile = new Map<string, { errors: number; warnings: number }>();
      for (const f of (JSON.parse(check.stdout) as { findings: { file: string; severity: string }[] }).findings) {
        const n = byFile.get(f.file) ?? { errors: 0, warnings: 0 };
        if (f.severity === 'error') n.errors++;
        if (f.severity === 'warning') n.warnings++;
        byFile.set(f.file, n);
      }
      const portfolio = run(['portfolio', ...args, '--format', 'json', '--today', TODAY]);
      assert.equal(portfolio.status, 0, portfolio.stderr);
      const apps = (JSON.parse(portfolio.stdout) as PortfolioJson).applications as readonly (PortfolioJson['applications'][number] & { warnings: number })[];
      assert.equal(apps.length, COUNT);
      for (const app of apps) {
        const fromCheck = byFile.get(app.file) ?? { errors: 0, warnings: 0 };
        assert.deepEqual({ errors: app.errors, warnings: app.warnings }, fromCheck, `${app.file}: portfolio and check agree`);
      }
      return new Map(apps.map((a) => [a.file, `${a.state} ${a.errors} ${a.warnings}`]));
    };
    const plain = counts(['ws']);
    const overridden = counts(['ws', '--config', 'override.yaml']);
    // The missing attachment (every twentieth from the fifth) is a warning now, nothing else changed.
    const changed = [...plain].filter(([file, v]) => overridden.get(file) !== v).map(([file]) => file);
    assert.equal(changed.length, COUNT / 20);
    for (const file of changed) assert.match(overridden.get(file)!, / 0 1$/);
    const missing = run(['portfolio', 'ws', '--config', 'nowhere.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /无法读取配置文件：nowhere\.yaml/);
    assert.match(missing.stderr, /cannot read the configuration file: nowhere\.yaml/);
  });
});
