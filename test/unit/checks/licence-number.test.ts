// Licence numbers: every example of reference §4, normalisation, and classification.
import { strict as assert } from 'node:assert';
import {
  classifyLicenceNumber,
  normalizeLicenceNumber,
  splitLicenceNumbers,
  type LicenceNumberKind,
} from '../../../server/src/core/checks/licence-number';

/** A number a 95 application can use: cross-regional and including B2. */
const accepted = (s: string): boolean => {
  const r = classifyLicenceNumber(s);
  return r.kind === 'cross-regional' && r.hasB2;
};

describe('checks/licence-number', () => {
  const normalization: [string, string][] = [
    ['B2-20110196(全网)', 'B2-20110196'],
    ['B2-20110196（全网）', 'B2-20110196'],
    ['B2-20110196号(全网)', 'B2-20110196'],
    ['Ｂ２－２００９００３７', 'B2-20090037'],
    ['  B2 - 2009 0037  ', 'B2-20090037'],
    ['蒙B2-20090059号', '蒙B2-20090059'],
    ['陕B2-20080224-1', '陕B2-20080224'],
    ['京ICP备12345678号-13', '京ICP备12345678'],
    ['b2–20110196', 'B2-20110196'],
    ['A2·B1·B2-20090003', 'A2.B1.B2-20090003'],
    ['经营许可证编号：B2-20213456', 'B2-20213456'],
    ['合字B1.B2-20130004', '合字B1.B2-20130004'],
  ];
  for (const [input, out] of normalization) {
    it(`normalizeLicenceNumber(${JSON.stringify(input)}) = ${out}`, () => {
      assert.equal(normalizeLicenceNumber(input), out);
    });
  }

  // [input, kind, province prefix, hasB2, accepted for a 95 number]
  const cases: [string, LicenceNumberKind, string | undefined, boolean, boolean][] = [
    // §4 cross-regional examples
    ['B2-20110196', 'cross-regional', undefined, true, true],
    ['B2-20110196(全网)', 'cross-regional', undefined, true, true],
    ['B2-20090237', 'cross-regional', undefined, true, true],
    ['B2-20233776', 'cross-regional', undefined, true, true],
    ['A2.B1.B2-20090003', 'cross-regional', undefined, true, true],
    ['A2.B1.B2-20202637', 'cross-regional', undefined, true, true],
    ['合字B1.B2-20130004', 'cross-regional', undefined, true, true],
    ['Ｂ２－２００９００３７', 'cross-regional', undefined, true, true],
    ['B2-20213456', 'cross-regional', undefined, true, true], // the complete sample
    // §4 provincial examples
    ['闽B2-20090074', 'provincial', '闽', true, false],
    ['京B2-20212732', 'provincial', '京', true, false],
    ['京B2-20202418', 'provincial', '京', true, false],
    ['黔B2-20160068', 'provincial', '黔', true, false],
    ['滇B2-20160011', 'provincial', '滇', true, false],
    ['陕B2-20080224', 'provincial', '陕', true, false],
    ['陕B2-20080224-1', 'provincial', '陕', true, false],
    ['蒙B2-20230621', 'provincial', '蒙', true, false],
    ['蒙B2-20090059号', 'provincial', '蒙', true, false],
    ['皖B1.B2-20070020', 'provincial', '皖', true, false],
    ['粤B1-20090001', 'provincial', '粤', false, false],
    ['闽合字B2-20200001', 'provincial', '闽', true, false],
    ['合字闽B2-20200001', 'provincial', '闽', true, false],
    // legacy Liaoning
    ['辽B-2-4-20080039', 'legacy-liaoning', '辽', true, false],
    ['辽B-1-4-20080039', 'legacy-liaoning', '辽', false, false],
    // rejected
    ['京ICP证040883号', 'invalid', undefined, false, false],
    ['B1-20090001', 'cross-regional', undefined, false, false],
    ['浙ICP备12345678号', 'invalid', undefined, false, false],
    ['B2-2011019', 'invalid', undefined, false, false],
    ['B2-18110196', 'invalid', undefined, false, false],
    ['B3-20110196', 'invalid', undefined, false, false],
    ['B2.B2-20110196', 'invalid', undefined, false, false],
    ['台B2-20110196', 'invalid', undefined, false, false],
    ['京B2-20202418，A2.B1.B2-20202637', 'invalid', undefined, false, false],
    ['', 'invalid', undefined, false, false],
  ];
  for (const [input, kind, province, hasB2, ok] of cases) {
    it(`${JSON.stringify(input)} → ${kind}${province ? ` (${province})` : ''}, hasB2 ${hasB2}${ok ? ', accepted' : ''}`, () => {
      const r = classifyLicenceNumber(input);
      assert.equal(r.kind, kind);
      assert.equal(r.province, province);
      assert.equal(r.hasB2, hasB2);
      assert.equal(accepted(input), ok);
    });
  }

  it('京ICP证040883号 and B1-20090001 are rejected; full-width Ｂ２－２００９００３７ is accepted', () => {
    assert.equal(accepted('京ICP证040883号'), false);
    assert.equal(accepted('B1-20090001'), false);
    assert.equal(accepted('Ｂ２－２００９００３７'), true);
  });

  it('reports classes, year, province code and 合字', () => {
    const a = classifyLicenceNumber('A2.B1.B2-20090003');
    assert.deepEqual(a.classes, ['A2', 'B1', 'B2']);
    assert.equal(a.year, 2009);
    assert.equal(a.foreignInvested, false);
    const f = classifyLicenceNumber('合字B1.B2-20130004');
    assert.equal(f.foreignInvested, true);
    assert.equal(f.year, 2013);
    const g = classifyLicenceNumber('黔B2-20160068');
    assert.equal(g.provinceCode, '52');
    const g2 = classifyLicenceNumber('贵B2-20160068');
    assert.equal(g2.kind, 'provincial');
    assert.equal(g2.province, '贵');
    assert.equal(g2.provinceCode, '52');
    assert.equal(classifyLicenceNumber('辽B-2-4-20080039').provinceCode, '21');
  });

  it('splits texts holding several numbers', () => {
    assert.deepEqual(splitLicenceNumbers('京B2-20202418，A2.B1.B2-20202637'), [
      '京B2-20202418',
      'A2.B1.B2-20202637',
    ]);
    assert.deepEqual(
      splitLicenceNumbers('B2-20110196(全网) 闽B2-20090074').map((s) => classifyLicenceNumber(s).kind),
      ['cross-regional', 'provincial'],
    );
    assert.deepEqual(splitLicenceNumbers('  B2 - 2009 0037  '), ['B2 - 2009 0037']);
    assert.deepEqual(
      splitLicenceNumbers('京B2-20202418，A2.B1.B2-20202637').map((s) => classifyLicenceNumber(s).kind),
      ['provincial', 'cross-regional'],
    );
  });
});
