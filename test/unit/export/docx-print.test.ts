/**
 * Print details of the Word files, read back from the XML: the font table names the Chinese fonts
 * with their Chinese names and GB2312 character set (for substitution), text is tagged zh-CN, Latin
 * words are not broken (w:wordWrap 0), dates are written 2026年11月25日, a wide diagram gets a
 * landscape section of its own, and long labels wrap into balanced lines.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseApplication } from '../../../server/src/core';
import { buildDiagram } from '../../../server/src/core/export';
import { dateCn } from '../../../server/src/core/export/format';
import { exportApplication } from '../../../server/src/host/export-application';
import { layoutDiagram } from '../../../server/src/node/export';
import { wrapText } from '../../../server/src/node/export/diagram-layout';
import { placeDiagram } from '../../../server/src/node/export/docx-render';
import { distributedText } from '../../office/fixtures';
import { exportHost, parseXml, readDocx, scratch } from './helpers';

async function exported(text?: string): Promise<{ dir: string; dispose: () => void }> {
  const s = scratch(text);
  const result = await exportApplication({ file: s.file, outDir: s.outDir, draft: true }, exportHost());
  assert.equal(result.status, 'written');
  if (result.status !== 'written') throw new Error('not written');
  return { dir: result.target, dispose: () => s.dispose() };
}

describe('export: print details of the Word files', function () {
  this.timeout(30_000);

  it('names SimSun and SimHei with their Chinese names, GB2312 and PANOSE in the font table; text is zh-CN', async () => {
    const out = await exported();
    try {
      const doc = await readDocx(path.join(out.dir, '申请表.docx'));
      const table = parseXml(doc.parts.get('word/fontTable.xml')!.toString('utf8'));
      const fonts = table.getElementsByTagName('w:font');
      const byName = new Map<string, NonNullable<ReturnType<typeof fonts.item>>>();
      for (let i = 0; i < fonts.length; i++) byName.set(fonts.item(i)!.getAttribute('w:name') ?? '', fonts.item(i)!);
      for (const [name, alt] of [['SimSun', '宋体'], ['SimHei', '黑体']] as const) {
        const font = byName.get(name);
        assert.ok(font, `${name} in the font table`);
        assert.equal(font.getElementsByTagName('w:altName').item(0)?.getAttribute('w:val'), alt);
        assert.equal(font.getElementsByTagName('w:charset').item(0)?.getAttribute('w:val'), '86');
        assert.match(font.getElementsByTagName('w:panose1').item(0)?.getAttribute('w:val') ?? '', /^[0-9A-F]{20}$/);
      }
      const styles = parseXml(doc.parts.get('word/styles.xml')!.toString('utf8'));
      const lang = styles.getElementsByTagName('w:lang').item(0);
      assert.equal(lang?.getAttribute('w:eastAsia'), 'zh-CN');
      assert.ok(doc.document.getElementsByTagName('w:wordWrap').length > 10, 'paragraphs keep Latin words whole');
    } finally {
      out.dispose();
    }
  });

  it('writes dates without spaces', () => {
    assert.equal(dateCn('2026-12-01'), '2026年12月1日');
    assert.equal(dateCn('not a date'), 'not a date');
  });

  it('keeps the complete sample portrait and turns a wide distributed diagram landscape in its own section', async () => {
    const portrait = placeDiagram(layoutDiagram(buildDiagram(parseApplication(distributedText()).value)));
    assert.equal(portrait.landscape, true, 'the distributed fixture is wide');
    const out = await exported(distributedText());
    try {
      const doc = await readDocx(path.join(out.dir, '技术方案.docx'));
      const sizes = doc.document.getElementsByTagName('w:pgSz');
      const orientations: string[] = [];
      for (let i = 0; i < sizes.length; i++) orientations.push(sizes.item(i)!.getAttribute('w:orient') ?? 'portrait');
      assert.deepEqual(orientations, ['portrait', 'landscape', 'portrait']);
      const landscape = sizes.item(1)!;
      assert.equal(landscape.getAttribute('w:w'), '16838');
      assert.equal(landscape.getAttribute('w:h'), '11906');
    } finally {
      out.dispose();
    }
    const sample = await exported();
    try {
      const doc = await readDocx(path.join(sample.dir, '技术方案.docx'));
      assert.equal(doc.document.getElementsByTagName('w:pgSz').length, 1, 'one portrait section');
    } finally {
      sample.dispose();
    }
  });

  it('wraps long labels into balanced lines, none wider than the limit', () => {
    assert.deepEqual(wrapText('经中国电信广州关口局转接', 15, 180, true), ['经中国电信广', '州关口局转接']);
    assert.deepEqual(wrapText('杭州电信长途关口局', 15, 180, true), ['杭州电信长途关口局']);
    assert.deepEqual(wrapText('', 15, 180), ['']);
  });
});
