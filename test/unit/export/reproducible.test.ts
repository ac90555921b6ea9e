/**
 * The package is reproducible: the same application, configuration and export time give the same
 * bytes, however many exports the process ran before (the language server runs many; docx numbers
 * drawings from one process-wide counter and dates core.xml by its clock — docx-stable.ts undoes
 * both). Also the export time itself (host/export-time.ts: SOURCE_DATE_EPOCH).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportApplication, type ExportResult } from '../../../server/src/host/export-application';
import { exportTime } from '../../../server/src/host/export-time';
import { stableParts } from '../../../server/src/node/export/docx-stable';
import { exportHost, NOW, readZip, scratch } from './helpers';

function target(result: ExportResult): string {
  assert.equal(result.status, 'written', JSON.stringify(result));
  if (result.status !== 'written') throw new Error('not written');
  return result.target;
}

const DOCUMENTS = ['申请表.docx', '技术方案.docx', '电话接入号码使用承诺书.docx'];

describe('export: reproducible packages', function () {
  this.timeout(60_000);

  it('writes the same bytes for every file in a second export from the same process', async () => {
    const first = scratch();
    const second = scratch();
    try {
      const a = target(await exportApplication({ file: first.file, outDir: first.outDir, now: NOW }, exportHost()));
      const b = target(await exportApplication({ file: second.file, outDir: second.outDir, now: NOW }, exportHost()));
      for (const name of [...DOCUMENTS, '网络组织方案图.svg', '材料清单.md', 'manifest.json'])
        assert.ok(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))), `${name} is the same`);
      const plan = await readZip(readFileSync(path.join(a, '技术方案.docx')));
      const xml = plan.get('word/document.xml')!.toString('utf8');
      const ids = [...xml.matchAll(/<(?:wp:docPr|wps:cNvPr|wpg:cNvPr) id="(\d+)"/g)].map((m) => Number(m[1]));
      assert.ok(ids.length > 10, `the diagram's shapes carry ids (${ids.length})`);
      assert.deepEqual([...ids].sort((x, y) => x - y), ids.map((_, i) => i + 1), 'ids 1..n, each once');
      for (const m of xml.matchAll(/<wps:cNvPr id="(\d+)" name="[^"]* (\d+)"/g)) assert.equal(m[2], m[1], 'the name follows the id');
      const core = plan.get('docProps/core.xml')!.toString('utf8');
      assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-28T08:00:00.000Z<\/dcterms:created>/);
      assert.match(core, /<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-28T08:00:00.000Z<\/dcterms:modified>/);
    } finally {
      first.dispose();
      second.dispose();
    }
  });

  it('writes the same Word files for a draft (its watermark too) in a second export', async () => {
    const first = scratch();
    const second = scratch();
    try {
      const a = target(await exportApplication({ file: first.file, outDir: first.outDir, now: NOW, draft: true }, exportHost()));
      const b = target(await exportApplication({ file: second.file, outDir: second.outDir, now: NOW, draft: true }, exportHost()));
      for (const name of DOCUMENTS)
        assert.ok(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))), `${name} is the same`);
      const header = (await readZip(readFileSync(path.join(a, '申请表.docx')))).get('word/header1.xml')!.toString('utf8');
      assert.match(header, /PowerPlusWaterMarkObject1\b/, 'the watermark is numbered');
    } finally {
      first.dispose();
      second.dispose();
    }
  });

  it('numbers drawing ids from 1 across the parts, with names and connector references following', () => {
    const parts = new Map<string, string | Uint8Array>([
      ['word/document.xml', '<wp:docPr id="41" name="图"/><wps:cNvPr id="42" name="Rectangle 42"/><a:stCxn id="42" idx="1"/>'],
      ['word/header1.xml', '<wps:cNvPr name="Text Box 43" id="43"/><v:shape id="PowerPlusWaterMarkObjectx7_k-q2"/>'],
      ['docProps/core.xml', '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00.000Z</dcterms:created>'],
      ['word/media/a.png', new Uint8Array([1, 2, 3])],
    ]);
    const out = stableParts(parts, new Date('2026-12-01T00:00:00Z'));
    assert.equal(out.get('word/document.xml'), '<wp:docPr id="1" name="图"/><wps:cNvPr id="2" name="Rectangle 2"/><a:stCxn id="2" idx="1"/>');
    assert.equal(out.get('word/header1.xml'), '<wps:cNvPr name="Text Box 3" id="3"/><v:shape id="PowerPlusWaterMarkObject1"/>');
    assert.equal(out.get('docProps/core.xml'), '<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-01T00:00:00.000Z</dcterms:created>');
    assert.deepEqual(out.get('word/media/a.png'), new Uint8Array([1, 2, 3]));
    assert.deepEqual([...out.keys()], [...parts.keys()], 'the parts keep their order');
  });
});

describe('export time (SOURCE_DATE_EPOCH)', function () {
  const clock = (): Date => NOW;

  it('is the clock without SOURCE_DATE_EPOCH (or with it empty), and its seconds with it', () => {
    assert.deepEqual(exportTime({}, clock), { ok: true, now: NOW });
    assert.deepEqual(exportTime({ SOURCE_DATE_EPOCH: '' }, clock), { ok: true, now: NOW });
    assert.deepEqual(exportTime({ SOURCE_DATE_EPOCH: '1796083200' }, clock), { ok: true, now: new Date('2026-12-01T00:00:00Z') });
    assert.deepEqual(exportTime({ SOURCE_DATE_EPOCH: '0' }, clock), { ok: true, now: new Date(0) });
  });

  it('refuses what is not whole seconds, in Chinese and English', () => {
    for (const value of ['1.5', '-1', 'tomorrow', ' 1796083200', '1e9', '9999999999999']) {
      const time = exportTime({ SOURCE_DATE_EPOCH: value }, clock);
      assert.equal(time.ok, false, value);
      if (!time.ok) {
        assert.match(time.message['zh-cn'], /SOURCE_DATE_EPOCH 应为/);
        assert.match(time.message.en, /SOURCE_DATE_EPOCH must be whole seconds/);
      }
    }
  });
});
