/**
 * The whole export on a scratch copy of the complete sample: the package's files, the Word files
 * read back (applicant, number, provinces, the diagram's shapes and their labels), the manifest's hashes,
 * the draft marks, refusals (errors, existing package), path confinement of attachments (`..`,
 * absolute, symlink out of the tree) and the ZIP's entry names.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportApplication, type ExportResult } from '../../../server/src/host/export-application';
import { sha256 } from '../../../server/src/node/export';
import { exportHost, NOW, parseXml, readDocx, readZip, SAMPLE_TEXT, scratch, type Scratch } from './helpers';

const PROVINCES = ['浙江省', '江苏省', '上海市', '安徽省', '福建省', '广东省', '北京市'];
const PACKAGE = '杭州云声-申报材料';

function written(result: ExportResult): Extract<ExportResult, { status: 'written' }> {
  assert.equal(result.status, 'written', JSON.stringify(result.status === 'blocked' ? result.blocking : result));
  if (result.status !== 'written') throw new Error('not written');
  return result;
}

/** Every file below `dir`, as package paths with '/'. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

async function run(s: Scratch, options: { draft?: boolean; zip?: boolean; overwrite?: boolean; copyAttachments?: boolean } = {}): Promise<ExportResult> {
  return exportApplication({ file: s.file, outDir: s.outDir, ...options }, exportHost());
}

describe('export: the complete sample', function () {
  this.timeout(30_000);
  let s: Scratch;
  let result: Extract<ExportResult, { status: 'written' }>;
  before(async () => {
    s = scratch();
    result = written(await run(s));
  });
  after(() => s.dispose());

  it('writes the package folder with every document, the diagram, the checklist, the manifest and the attachments', () => {
    assert.equal(result.target, path.join(s.outDir, PACKAGE));
    const files = listFiles(result.target).sort();
    for (const name of ['申请表.docx', '技术方案.docx', '电话接入号码使用承诺书.docx', '网络组织方案图.svg', '网络组织方案图.png', '材料清单.md', 'manifest.json'])
      assert.ok(files.includes(name), `${name} in ${files.join(', ')}`);
    assert.deepEqual(result.notes, []);
    for (const attachment of ['附件/营业执照.pdf', '附件/增值电信业务经营许可证-正文.pdf', '附件/网络组织方案图.pdf', '附件/电话接入号码使用承诺书.pdf'])
      assert.ok(files.includes(attachment), `${attachment} copied`);
    assert.ok(!files.some((f) => f.startsWith('附件/附件/')), 'no doubled 附件/ folder');
    // Nothing left beside the package: the temporary folder was renamed.
    assert.deepEqual(readdirSync(s.outDir), [PACKAGE]);
  });

  it('申请表.docx holds the applicant, the numbers, every province of the area and the checklist', async () => {
    const doc = await readDocx(path.join(result.target, '申请表.docx'));
    assert.match(doc.text, /杭州云声信息技术有限公司/);
    assert.match(doc.text, /91330106MA2H7K3D4M/);
    for (const n of ['95079', '95128', '952388']) assert.ok(doc.text.includes(n), `number ${n}`);
    for (const p of PROVINCES) assert.ok(doc.text.includes(p), `province ${p}`);
    assert.match(doc.text, /☑ 国内呼叫中心业务/);
    assert.match(doc.text, /启用实施进度安排/); // the checklist table lists all 12 materials
    assert.match(doc.text, /《电话接入号码使用承诺书》/);
    assert.ok(doc.document.getElementsByTagName('w:tbl').length >= 6, 'laid out as tables');
    assert.doesNotMatch(doc.headerText, /草稿/);
  });

  it('uses 宋体 for East Asian text on A4', async () => {
    const doc = await readDocx(path.join(result.target, '申请表.docx'));
    const styles = parseXml(doc.parts.get('word/styles.xml')!.toString('utf8'));
    const fonts = styles.getElementsByTagName('w:rFonts').item(0);
    assert.equal(fonts?.getAttribute('w:eastAsia'), 'SimSun');
    const size = doc.document.getElementsByTagName('w:pgSz').item(0);
    assert.equal(size?.getAttribute('w:w'), '11906');
    assert.equal(size?.getAttribute('w:h'), '16838');
  });

  it('技术方案.docx draws the network diagram as native shapes (a wpg group of wps text boxes with every label) and the Erlang C figures', async () => {
    const doc = await readDocx(path.join(result.target, '技术方案.docx'));
    const rels = parseXml(doc.parts.get('word/_rels/document.xml.rels')!.toString('utf8'));
    const list = rels.getElementsByTagName('Relationship');
    for (let i = 0; i < list.length; i++)
      assert.ok(!list.item(i)!.getAttribute('Type')?.endsWith('/relationships/image'), 'no picture: the diagram is shapes');
    assert.equal(doc.document.getElementsByTagName('w:drawing').length, 1, 'one drawing');
    const groups = doc.document.getElementsByTagName('wpg:wgp');
    assert.equal(groups.length, 1, 'the drawing is one group');
    const shapes = groups.item(0)!.getElementsByTagName('wps:wsp');
    const boxTexts: string[] = [];
    for (let i = 0; i < shapes.length; i++) {
      const runs = shapes.item(i)!.getElementsByTagName('w:t');
      const parts: string[] = [];
      for (let j = 0; j < runs.length; j++) parts.push(runs.item(j)!.textContent ?? '');
      if (parts.length > 0) boxTexts.push(parts.join('\n'));
    }
    const drawn = boxTexts.join('\n');
    for (const label of [
      '杭州云声信息技术有限公司 网络组织方案图',
      '全国主叫用户',
      '中国电信网络',
      '中国移动网络',
      '中国联通网络',
      '杭州电信长途关口局',
      '杭州移动关口局',
      '杭州联通关口局',
      '杭州呼叫中心平台',
      'SIP · 120 路',
      'SS7-ISUP · 60 路',
      '呼叫中心业务平台',
    ])
      assert.ok(drawn.includes(label), `"${label}" is drawn in a text box: ${drawn}`);
    assert.match(doc.text, /60\.00 Erl/); // 1200 calls/h × 180 s
    assert.match(doc.text, /至少需要 66 个坐席/);
    for (const gateway of ['杭州电信长途关口局', '杭州移动关口局', '杭州联通关口局']) assert.ok(doc.text.includes(gateway));
    assert.match(doc.text, /批准后第 6 个月/);
  });

  it('电话接入号码使用承诺书.docx is filled and says to check it against the official template', async () => {
    const doc = await readDocx(path.join(result.target, '电话接入号码使用承诺书.docx'));
    assert.match(doc.text, /我单位杭州云声信息技术有限公司（统一社会信用代码：91330106MA2H7K3D4M）/);
    assert.match(doc.text, /法定代表人（签字）：王建国/);
    assert.match(doc.text, /日期：2026年11月25日/);
    assert.match(doc.text, /不以任何形式转让、出租/);
    assert.match(doc.text, /不提供商业营销类电话外呼服务/);
    assert.match(doc.headerText, /请与工信部官方模板核对/);
  });

  it('lists every file of the package in the manifest with its SHA-256', () => {
    const manifest = JSON.parse(readFileSync(path.join(result.target, 'manifest.json'), 'utf8'));
    assert.equal(manifest.draft, false);
    assert.equal(manifest.generatedAt, NOW.toISOString());
    assert.equal(manifest.rulePack, '2026-11');
    assert.equal(manifest.schema.apiVersion, 'miit95/v1');
    assert.match(manifest.schema.id, /application\.schema\.json$/);
    assert.equal(manifest.application.sha256, sha256(Buffer.from(SAMPLE_TEXT, 'utf8')));
    const onDisk = listFiles(result.target).filter((f) => f !== 'manifest.json').sort();
    assert.deepEqual(manifest.files.map((f: { path: string }) => f.path).sort(), onDisk);
    for (const f of manifest.files as { path: string; sha256: string; bytes: number }[]) {
      const data = readFileSync(path.join(result.target, ...f.path.split('/')));
      assert.equal(f.sha256, sha256(data), f.path);
      assert.equal(f.bytes, data.length, f.path);
    }
    assert.deepEqual(manifest.findings, []);
  });

  it('writes 材料清单.md with the 12 materials and the duties after approval', () => {
    const md = readFileSync(path.join(result.target, '材料清单.md'), 'utf8');
    assert.equal((md.match(/^\| \d+ \|/gm) ?? []).length, 12);
    assert.ok(!md.includes('⬜') && !md.includes('❌'), 'every material complete');
    for (const id of ['R-ANNUAL-001', 'R-ANNUAL-002', 'R-PROCESS-001', 'R-DOCS-002']) assert.ok(md.includes(id), id);
    assert.match(md, /预计 2026-12-29 前作出决定/); // 2026-12-01 + 20 working days
  });
});

describe('export: refusals, drafts and overwriting', function () {
  this.timeout(30_000);
  const withError = SAMPLE_TEXT.replace('registered_capital_cny: 50000000', 'registered_capital_cny: 5000000');

  it('refuses while error findings remain and lists them; writes nothing', async () => {
    const s = scratch(withError);
    try {
      const result = await run(s);
      assert.equal(result.status, 'blocked');
      if (result.status !== 'blocked') return;
      assert.ok(result.blocking.some((f) => f.code === 'R-APPLICANT-005'), JSON.stringify(result.blocking));
      assert.ok(!existsSync(s.outDir));
    } finally {
      s.dispose();
    }
  });

  it('exports a draft on request: "草稿" in every page header and as a diagonal watermark, and in the manifest', async () => {
    const s = scratch(withError);
    try {
      const result = written(await run(s, { draft: true }));
      for (const name of ['申请表.docx', '技术方案.docx', '电话接入号码使用承诺书.docx']) {
        const doc = await readDocx(path.join(result.target, name));
        assert.match(doc.headerText, /草稿 \/ DRAFT/, `${name} header text`);
        const marks: string[] = [];
        for (const [part, data] of doc.parts) {
          if (!/^word\/header\d*\.xml$/.test(part)) continue;
          const textpaths = parseXml(data.toString('utf8')).getElementsByTagName('v:textpath');
          // The WordArt shape type has a textpath of its own, without text.
          for (let i = 0; i < textpaths.length; i++) {
            const text = textpaths.item(i)!.getAttribute('string');
            if (text !== null && text !== '') marks.push(text);
          }
        }
        assert.deepEqual(marks, ['草稿'], `${name} has the diagonal watermark shape`);
      }
      const manifest = JSON.parse(readFileSync(path.join(result.target, 'manifest.json'), 'utf8'));
      assert.equal(manifest.draft, true);
      assert.ok(manifest.findings.some((f: { code: string }) => f.code === 'R-APPLICANT-005'));
      assert.match(readFileSync(path.join(result.target, '材料清单.md'), 'utf8'), /\*\*草稿 \/ DRAFT\*\*/);
      assert.match(readFileSync(path.join(result.target, '网络组织方案图.svg'), 'utf8'), /id="draft-mark"/);
      assert.match(readFileSync(path.join(result.target, '材料清单.md'), 'utf8'), /❌ 有错误/);
    } finally {
      s.dispose();
    }
  });

  it('does not overwrite an existing package without the flag, and replaces it with the flag', async () => {
    const s = scratch();
    try {
      const first = written(await run(s));
      const marker = path.join(first.target, 'mine.txt');
      writeFileSync(marker, 'keep me');
      const before = readFileSync(path.join(first.target, 'manifest.json'));
      const second = await run(s);
      assert.equal(second.status, 'exists');
      assert.ok(existsSync(marker), 'the existing package is untouched');
      assert.deepEqual(readFileSync(path.join(first.target, 'manifest.json')), before);
      const third = written(await run(s, { overwrite: true }));
      assert.equal(third.target, first.target);
      assert.ok(!existsSync(marker), 'replaced as a whole');
      assert.deepEqual(readdirSync(s.outDir), [PACKAGE], 'no temporary or backup folder left');
    } finally {
      s.dispose();
    }
  });

  it('exports without reading attachments when asked (untrusted workspace) and says so', async () => {
    const s = scratch();
    try {
      const result = written(await run(s, { copyAttachments: false }));
      assert.ok(!existsSync(path.join(result.target, '附件')));
      assert.ok(result.manifest.attachments.every((a) => a.status === 'skipped-untrusted'));
      assert.ok(result.model.exportFindings.every((f) => f.code === 'export/attachment-skipped-untrusted' && f.severity === 'info'));
    } finally {
      s.dispose();
    }
  });

  it('without a CJK font leaves 网络组织方案图.png out and says so in both languages; the rest is written', async () => {
    const s = scratch();
    try {
      const result = exportApplication({ file: s.file, outDir: s.outDir, cjkFont: '/no/such/font.ttc' }, exportHost());
      const done = written(await result);
      assert.ok(!existsSync(path.join(done.target, '网络组织方案图.png')));
      assert.ok(existsSync(path.join(done.target, '网络组织方案图.svg')));
      assert.equal(done.notes.length, 1);
      assert.match(done.notes[0]!['zh-cn'], /未生成 网络组织方案图\.png：本机未找到中文字体.*MIIT95_CJK_FONT/);
      assert.match(done.notes[0]!.en, /no Chinese font was found.*MIIT95_CJK_FONT/);
      assert.ok(!done.manifest.files.some((f) => f.path.endsWith('.png')));
    } finally {
      s.dispose();
    }
  });
});

describe('export: attachments outside the application folder are never read', function () {
  this.timeout(30_000);

  it('refuses `..`, absolute paths and symlinks out of the tree, and does not copy them', async () => {
    const s = scratch();
    try {
      // A secret outside the application folder, reachable by each of the three escapes.
      const secret = path.join(s.root, 'secret.txt');
      writeFileSync(secret, 'TOP-SECRET-CONTENT');
      symlinkSync(secret, path.join(s.appDir, '附件', 'link.pdf'));
      const text = SAMPLE_TEXT.replace('business_licence_file: 附件/营业执照.pdf', 'business_licence_file: ../../etc/passwd')
        .replace('    - 附件/增值电信业务经营许可证-附页.pdf', `    - ${secret}\n    - ../secret.txt`)
        .replace('  file: 附件/电话接入号码使用承诺书.pdf', '  file: 附件/link.pdf');
      writeFileSync(s.file, text);

      const blocked = await run(s);
      assert.equal(blocked.status, 'blocked', 'the escapes are errors');

      const result = written(await run(s, { draft: true }));
      const byWritten = new Map(result.manifest.attachments.map((a) => [a.written, a]));
      for (const escape of ['../../etc/passwd', secret, '../secret.txt', '附件/link.pdf']) {
        const outcome = byWritten.get(escape);
        assert.equal(outcome?.status, 'outside', `${escape}: ${JSON.stringify(outcome)}`);
        assert.equal(outcome?.packagePath, undefined);
        assert.ok(
          result.model.exportFindings.some((f) => f.code === 'export/attachment-outside' && f.message.en.includes(escape)),
          `${escape} listed as a finding`,
        );
      }
      for (const file of listFiles(result.target)) {
        const data = readFileSync(path.join(result.target, ...file.split('/')));
        assert.ok(!data.includes('TOP-SECRET-CONTENT'), `${file} holds nothing from outside`);
        assert.ok(!data.includes('root:x:0:0'), `${file} holds nothing of /etc/passwd`);
      }
      assert.ok(!existsSync(path.join(result.target, '附件', 'link.pdf')));
      assert.ok(existsSync(path.join(result.target, '附件', '网络组织方案图.pdf')), 'the good attachments are still copied');
    } finally {
      s.dispose();
    }
  });
});

describe('export: ZIP', function () {
  this.timeout(30_000);

  it('writes one ZIP whose entries all stay inside the package folder and match the manifest', async () => {
    const s = scratch();
    try {
      const result = written(await run(s, { zip: true }));
      assert.equal(result.target, path.join(s.outDir, `${PACKAGE}.zip`));
      assert.ok(statSync(result.target).isFile());
      const entries = await readZip(readFileSync(result.target)); // yauzl also rejects unsafe names itself
      assert.ok(entries.size >= 10);
      for (const name of entries.keys()) {
        assert.ok(name.startsWith(`${PACKAGE}/`), name);
        assert.ok(!name.split('/').includes('..') && !path.isAbsolute(name) && !name.includes('\\'), name);
      }
      const manifest = JSON.parse(entries.get(`${PACKAGE}/manifest.json`)!.toString('utf8'));
      for (const f of manifest.files as { path: string; sha256: string }[])
        assert.equal(sha256(entries.get(`${PACKAGE}/${f.path}`)!), f.sha256, f.path);
      const second = await run(s, { zip: true });
      assert.equal(second.status, 'exists');
    } finally {
      s.dispose();
    }
  });
});
