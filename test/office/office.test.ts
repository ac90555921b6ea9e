/**
 * The submission package read by a real office suite (`npm run test:office`): the Word files of the
 * complete sample, and of a distributed topology (three sites, four carriers, a transit link, two
 * gateways of one carrier; exported as a draft), converted to PDF by LibreOffice headless and read
 * back page by page with pdftotext. Every fragment of the export model must be there in reading
 * order (applicant, numbers, every heading, the Erlang C table, the pledge's commitments, the
 * signature and seal lines), every label of the diagram inside the drawing, and on every page its
 * "第 N 页 共 M 页". The page images of the run are kept in test-results/office/ for a person to look at.
 * A copy of 技术方案.docx with one diagram label removed must fail the check.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yazl from 'yazl';
import type { DocumentSpec, ExportModel } from '../../server/src/core/export';
import { exportApplication } from '../../server/src/host/export-application';
import { exportHost, readZip, REPO, scratch, type Scratch } from '../unit/export/helpers';
import { distributedText } from './fixtures';
import { checkRendering, expectedOf, squeeze, type Expected, type Rendering } from './expected-text';
import { convertToPdf, INSTALL_HINT, missingTools, pageLines, pageTexts, renderPages } from './office-render';

const RESULTS = path.join(REPO, 'test-results', 'office');

interface Rendered {
  readonly model: ExportModel;
  /** Per Word file: the spec, its PDF and the text of every page. */
  readonly documents: { readonly spec: DocumentSpec; readonly pdf: string; readonly pages: string[]; readonly rendering: Rendering }[];
  readonly packageDir: string;
}

async function exportAndRender(s: Scratch, name: string, draft: boolean): Promise<Rendered> {
  const result = await exportApplication({ file: s.file, outDir: s.outDir, draft }, exportHost());
  assert.equal(result.status, 'written', JSON.stringify(result.status === 'blocked' ? result.blocking : result.status));
  if (result.status !== 'written') throw new Error('not written');
  const out = path.join(RESULTS, name);
  rmSync(out, { recursive: true, force: true });
  const docx = result.model.documents.map((spec) => path.join(result.target, spec.fileName));
  const pdfs = convertToPdf(docx, out);
  const documents = result.model.documents.map((spec, i) => {
    const pdf = pdfs[i]!;
    renderPages(pdf, out, path.basename(spec.fileName, '.docx'));
    return { spec, pdf, pages: pageTexts(pdf), rendering: read(pdf) };
  });
  return { model: result.model, documents, packageDir: result.target };
}

function read(pdf: string): Rendering {
  return { pages: pageTexts(pdf), lines: pageLines(pdf) };
}

function texts(expected: readonly Expected[]): string {
  return expected.map((e) => (e.kind === 'text' ? e.text : e.labels.join(' '))).join('\n');
}

describe('office suite: LibreOffice renders the package', function () {
  this.timeout(600_000);
  before(function () {
    const missing = missingTools();
    if (missing.length > 0) {
      if (process.env['MIIT95_SKIP_OFFICE'] === '1') {
        console.warn(`SKIPPED (MIIT95_SKIP_OFFICE=1): ${missing.join(', ')} missing`);
        this.skip();
      }
      throw new Error(`${missing.join(', ')} missing. ${INSTALL_HINT}`);
    }
    mkdirSync(RESULTS, { recursive: true });
  });

  describe('the complete sample', () => {
    let s: Scratch;
    let rendered: Rendered;
    before(async () => {
      s = scratch();
      rendered = await exportAndRender(s, 'complete', false);
    });
    after(() => s.dispose());

    for (const fileName of ['申请表.docx', '技术方案.docx', '电话接入号码使用承诺书.docx']) {
      it(`${fileName}: every fragment of the model in reading order, every page numbered`, () => {
        const doc = rendered.documents.find((d) => d.spec.fileName === fileName);
        assert.ok(doc, `${fileName} rendered`);
        assert.ok(doc.pages.length >= 1);
        const expected = expectedOf(doc.spec, rendered.model.diagram);
        assert.deepEqual(checkRendering(doc.rendering, expected), []);
      });
    }

    it('the expectation holds what a reviewer looks for (applicant, numbers, Erlang C, diagram, commitments, seal)', () => {
      const all = rendered.documents.map((d) => texts(expectedOf(d.spec, rendered.model.diagram))).join('\n');
      for (const needle of [
        '杭州云声信息技术有限公司',
        '95079',
        '952388',
        '坐席规模核算（Erlang C 模型）',
        '60.00 Erl',
        '杭州联通关口局',
        'SS7-ISUP · 60 路',
        '不以任何形式转让、出租或者变相转让、出租所分配的码号资源。',
        '承诺单位（盖章）：杭州云声信息技术有限公司',
        '法定代表人（签字）：王建国',
      ])
        assert.ok(all.includes(needle), `expected fragments include "${needle}"`);
      const plan = rendered.documents.find((d) => d.spec.id === 'technical-plan')!;
      const diagram = expectedOf(plan.spec, rendered.model.diagram).find((e) => e.kind === 'diagram');
      assert.ok(diagram !== undefined && diagram.kind === 'diagram' && diagram.labels.length >= 20, 'the diagram has its labels');
      const pledge = rendered.documents.find((d) => d.spec.id === 'pledge')!;
      const items = expectedOf(pledge.spec, rendered.model.diagram).filter((e) => e.kind === 'text' && e.what.startsWith('list item'));
      assert.equal(items.length, 8, 'the 7 commitments of R-PLEDGE-002 and the truthfulness statement');
    });

    it('the pledge fits on one page with its signature and seal lines', () => {
      const pledge = rendered.documents.find((d) => d.spec.id === 'pledge')!;
      assert.equal(pledge.pages.length, 1, `pages: ${pledge.pages.length}`);
      assert.match(squeeze(pledge.pages[0]!), /承诺单位（盖章）.*法定代表人（签字）.*日期：2026年11月25日/);
    });

    it('a technical plan whose diagram lacks a label fails the check', async () => {
      const plan = rendered.documents.find((d) => d.spec.id === 'technical-plan')!;
      const label = '杭州移动关口局';
      const parts = await readZip(readFileSync(path.join(rendered.packageDir, plan.spec.fileName)));
      const xml = parts.get('word/document.xml')!.toString('utf8');
      const start = xml.indexOf('<wpg:wgp');
      const end = xml.indexOf('</wpg:wgp>');
      assert.ok(start > 0 && end > start, 'the drawing group is in document.xml');
      const group = xml.slice(start, end);
      assert.ok(group.includes(`>${label}</w:t>`), `the drawing has "${label}"`);
      parts.set('word/document.xml', Buffer.from(xml.slice(0, start) + group.split(`>${label}</w:t>`).join('></w:t>') + xml.slice(end), 'utf8'));
      const dir = path.join(RESULTS, 'label-removed');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const broken = path.join(dir, plan.spec.fileName);
      writeFileSync(broken, await zipOf(parts));
      const [pdf] = convertToPdf([broken], dir);
      const problems = checkRendering(read(pdf!), expectedOf(plan.spec, rendered.model.diagram));
      assert.deepEqual(problems, [`missing in the diagram: "${label}"`]);
    });
  });

  describe('a distributed platform with transit access (draft)', () => {
    let s: Scratch;
    let rendered: Rendered;
    before(async () => {
      s = scratch(distributedText());
      rendered = await exportAndRender(s, 'distributed', true);
    });
    after(() => s.dispose());

    it('技术方案.docx shows every label of the larger diagram and every fragment in order', () => {
      const plan = rendered.documents.find((d) => d.spec.id === 'technical-plan')!;
      const expected = expectedOf(plan.spec, rendered.model.diagram);
      const labels = texts(expected);
      for (const label of ['经中国电信广州关口局转接', '中国广电网络', '广州电信汇接局', '成都灾备平台']) assert.ok(labels.includes(label), label);
      assert.deepEqual(checkRendering(plan.rendering, expected), []);
    });

    it('every page of every document is marked as a draft and numbered', () => {
      for (const doc of rendered.documents) {
        doc.pages.forEach((page, i) => assert.match(squeeze(page), /草稿/, `${doc.spec.fileName} page ${i + 1}`));
        assert.deepEqual(
          checkRendering(doc.rendering, []).filter((p) => p.includes('footer')),
          [],
        );
      }
    });
  });
});

function zipOf(parts: Map<string, Buffer>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, data] of parts) zip.addBuffer(data, name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
