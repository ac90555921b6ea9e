/**
 * The pure export model: material statuses from data and findings, the duties with the expected
 * decision date, the pledge's commitments, the blocking findings and the package name.
 */
import * as assert from 'node:assert/strict';
import { validate, type Finding } from '../../../server/src/core';
import {
  buildExportModel,
  packageBaseName,
  PLEDGE_COMMITMENTS,
  type AttachmentOutcome,
  type ExportModel,
} from '../../../server/src/core/export';
import { SAMPLE_TEXT, TODAY } from './helpers';

function model(text: string, options: { attachments?: AttachmentOutcome[]; findings?: Finding[] } = {}): ExportModel {
  const result = validate(text, { today: TODAY });
  return buildExportModel({
    text,
    app: result.document?.value,
    findings: options.findings ?? result.findings,
    suppressions: result.suppressions ?? [],
    fileName: '杭州云声.app95.yaml',
    sha256: '0'.repeat(64),
    attachments: options.attachments ?? [],
    draft: false,
    generatedAt: '2026-11-28T08:00:00.000Z',
    versions: { tool: '0.0.0', rulePack: '2026-11', schemaId: 'x' },
  });
}

describe('export model', () => {
  it('has all 12 materials complete for the complete sample, and nothing blocking', () => {
    const m = model(SAMPLE_TEXT);
    assert.deepEqual(
      m.checklist.materials.map((x) => `${x.number}:${x.status}`),
      Array.from({ length: 12 }, (_, i) => `${i + 1}:complete`),
    );
    assert.deepEqual(m.blocking, []);
    assert.equal(m.packageName, '杭州云声-申报材料');
  });

  it('marks a material missing when its section is absent, and errors where an error finding lies', () => {
    const text = SAMPLE_TEXT.replace(/\n# 材料11[\s\S]*?\n# 材料12/, '\n# 材料12').replace(
      'registered_capital_cny: 50000000',
      'registered_capital_cny: 5000000',
    );
    const m = model(text);
    const status = new Map(m.checklist.materials.map((x) => [x.number, x]));
    assert.equal(status.get(11)?.status, 'missing');
    assert.equal(status.get(1)?.status, 'errors');
    assert.ok(status.get(1)?.errorCodes.includes('R-APPLICANT-005'));
    assert.equal(status.get(2)?.status, 'complete');
    assert.ok(m.blocking.some((f) => f.code === 'R-APPLICANT-005' && f.line > 0));
  });

  it('counts an attachment that was not copied against its material and as a blocking export finding', () => {
    const m = model(SAMPLE_TEXT, {
      attachments: [{ path: ['pledge', 'file'], written: '../x.pdf', status: 'outside' }],
    });
    const pledge = m.checklist.materials.find((x) => x.number === 12)!;
    assert.equal(pledge.status, 'errors');
    assert.deepEqual(pledge.errorCodes, ['export/attachment-outside']);
    assert.equal(m.blocking.length, 1);
    assert.match(m.checklistMarkdown, /\.\.\/x\.pdf（路径在申请文件所在目录之外，未复制）/);
  });

  it('lists the duties after approval with the expected decision date (20 and 30 working days)', () => {
    const m = model(SAMPLE_TEXT);
    assert.deepEqual(m.checklist.expectedDecision, { from: '2026-12-01', date: '2026-12-29', extended: '2027-01-12' });
    assert.deepEqual(
      m.checklist.duties.map((d) => d.id),
      ['R-PROCESS-001', 'R-ANNUAL-002', 'R-ANNUAL-001', 'R-DOCS-002'],
    );
    assert.equal(m.checklist.duties.find((d) => d.id === 'R-DOCS-002')?.confirmation, true);
  });

  it('spells out every commitment of R-PLEDGE-002 in the pledge', () => {
    const pledge = model(SAMPLE_TEXT).documents.find((d) => d.id === 'pledge')!;
    const list = pledge.blocks.find((b) => b.kind === 'list');
    assert.ok(list !== undefined && list.kind === 'list');
    assert.equal(list.items.length, PLEDGE_COMMITMENTS.length + 1);
    assert.deepEqual(
      PLEDGE_COMMITMENTS.map((c) => c.key),
      ['licensed_use_only', 'no_transfer_or_rent', 'no_change_without_approval', 'pay_fees', 'annual_report', 'report_changes', 'no_harassment'],
    );
    assert.match(list.items[0]!, /国内呼叫中心业务/);
  });

  it('records suppressions with their reasons in the manifest', () => {
    const text = SAMPLE_TEXT.replace(
      '  registered_capital_cny: 50000000',
      '  # miit95-disable-next-line R-APPLICANT-005 -- 增资已获批，工商变更办理中\n  registered_capital_cny: 5000000',
    );
    const m = model(text);
    assert.deepEqual(m.blocking, []);
    assert.equal(m.manifest.suppressions.length, 1);
    assert.equal(m.manifest.suppressions[0]?.rule, 'R-APPLICANT-005');
    assert.equal(m.manifest.suppressions[0]?.reason, '增资已获批，工商变更办理中');
    assert.equal(m.manifest.suppressions[0]?.used, true);
  });

  const names: [string, string, string][] = [
    ['杭州云声.app95.yaml', '', '杭州云声'],
    ['a.app95.yml', '', 'a'],
    ['x.yaml', '', 'x'],
    ['.app95.yaml', '某公司', '某公司'],
    ['bad:name?.app95.yaml', '', 'bad_name_'],
  ];
  for (const [file, applicant, expected] of names) {
    it(`names the package of ${file} "${expected}"`, () => assert.equal(packageBaseName(file, applicant), expected));
  }
});
