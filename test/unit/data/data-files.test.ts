// Curated data files (segments, businesses, carriers, fees): versioning fields and their accessors.
import { strict as assert } from 'node:assert';
import {
  businesses,
  businessesByCode,
  findBusiness,
  legacyCatalogue,
} from '../../../server/src/core/data/businesses';
import {
  carrierById,
  carrierByName,
  carriers,
  missingThreeNetworks,
  threeNetworkIds,
} from '../../../server/src/core/data/carriers';
import {
  annualFeeFen,
  billingRules,
  feeRate,
  feesConfirmed,
  feeStandard,
  formatFen,
  paymentDueDate,
  westernDiscount,
} from '../../../server/src/core/data/fees';
import {
  allowedPrefixes,
  extensionLimits,
  segmentByPrefix,
  segmentOf,
  segments,
  splitNumber,
} from '../../../server/src/core/data/segments';
import { provinces } from '../../../server/src/core/data/divisions';
import { formatIsoDate, parseIsoDate } from '../../../server/src/core/checks/dates';
import businessesJson from '../../../server/src/core/data/businesses.json';
import carriersJson from '../../../server/src/core/data/carriers.json';
import feesJson from '../../../server/src/core/data/fees.json';
import segmentsJson from '../../../server/src/core/data/number-segments.json';

const files: [string, { source: unknown; version: unknown; date: unknown }][] = [
  ['number-segments.json', segmentsJson],
  ['businesses.json', businessesJson],
  ['carriers.json', carriersJson],
  ['fees.json', feesJson],
];

describe('data files', () => {
  for (const [name, json] of files) {
    it(`${name} has source, version and date`, () => {
      assert.equal(typeof json.source, 'string');
      assert.ok((json.source as string).length > 10);
      assert.match(json.version as string, /^\d+\.\d+\.\d+$/);
      assert.ok(parseIsoDate(json.date as string), `bad date ${String(json.date)}`);
    });
  }
});

describe('data/segments', () => {
  it('allows 950, 951, 952, 954, 957 only', () => {
    assert.deepEqual(allowedPrefixes, ['950', '951', '952', '954', '957']);
    assert.deepEqual(
      segments.map((s) => s.prefix),
      ['950', '951', '952', '953', '954', '955', '956', '957'],
    );
  });

  const lengths: [string, number, boolean][] = [
    ['950', 5, true],
    ['951', 5, true],
    ['952', 6, true],
    ['954', 6, false],
    ['957', 5, false],
  ];
  for (const [prefix, len, seedListed] of lengths) {
    it(`${prefix}: base length ${len}, seedListed ${seedListed}`, () => {
      const s = segmentByPrefix(prefix)!;
      assert.equal(s.allowed, true);
      assert.equal(s.use, 'vat');
      assert.equal(s.baseLength, len);
      assert.equal(s.seedListed, seedListed);
    });
  }

  for (const prefix of ['953', '955', '956']) {
    it(`${prefix} is not allowed, with a reason in Chinese and English`, () => {
      const s = segmentByPrefix(prefix)!;
      assert.equal(s.allowed, false);
      assert.equal(s.use, 'enterprise');
      assert.match(s.reason!['zh-cn'], new RegExp(prefix));
      assert.match(s.reason!.en, new RegExp(prefix));
    });
  }

  const numberCases: [string, string | undefined, boolean | undefined][] = [
    ['95079', '950', true],
    ['95128', '951', true],
    ['952388', '952', true],
    ['95588', '955', false],
    ['95110', '95110', false],
    ['951101', '95110', false],
    ['95111', '951', true],
    ['96123', undefined, undefined],
    ['9507', '950', true],
    ['95', undefined, undefined],
    ['95 079', undefined, undefined],
  ];
  for (const [n, prefix, allowed] of numberCases) {
    it(`segmentOf(${n}) → ${prefix ?? 'undefined'}`, () => {
      const s = segmentOf(n);
      assert.equal(s?.prefix, prefix);
      assert.equal(s?.allowed, allowed);
    });
  }

  it('95110 is a public-service number with a bilingual reason', () => {
    const s = segmentOf('95110')!;
    assert.equal(s.use, 'public');
    assert.match(s.reason!['zh-cn'], /海警/);
    assert.match(s.reason!.en, /Coast Guard/);
  });

  it('splits base and extension by the base length', () => {
    assert.deepEqual(
      { ...splitNumber('95079123'), segment: undefined },
      { segment: undefined, base: '95079', extension: '123' },
    );
    assert.equal(splitNumber('952388')?.extension, '');
    assert.equal(splitNumber('95238')?.base, undefined); // shorter than 6
    assert.equal(splitNumber('95588123'), undefined); // not allowed
  });

  it('extension limits are 8 and 13 digits, no variable length', () => {
    assert.deepEqual(extensionLimits, {
      maxTotalLength: 8,
      maxTotalLengthJustified: 13,
      variableLengthAllowed: false,
    });
  });
});

describe('data/businesses', () => {
  const cases: [string, string, string][] = [
    ['国内呼叫中心业务', 'B24-1', 'yes'],
    ['国内多方通信服务业务', 'B22', 'yes'],
    ['存储转发类业务', 'B23', 'yes'],
    ['离岸呼叫中心业务', 'B24-2', 'warning'],
    ['信息服务业务（不含互联网信息服务）', 'B25', 'warning'],
    ['信息服务业务(不含互联网信息服务)', 'B25', 'warning'],
    ['信息服务业务 ( 不含互联网信息服务 )', 'B25', 'warning'],
    ['信息服务业务〔不含互联网信息服务〕', 'B25', 'warning'],
    ['信息服务业务（仅限互联网信息服务）', 'B25', 'no'],
    ['在线数据处理与交易处理业务', 'B21', 'no'],
    ['编码和规程转换业务', 'B26', 'no'],
    ['互联网域名解析服务业务', 'B26-1', 'no'],
  ];
  for (const [name, code, q] of cases) {
    it(`findBusiness(${name}) → ${code}, qualifies ${q}`, () => {
      const b = findBusiness(name);
      assert.equal(b?.code, code);
      assert.equal(b?.qualifies, q);
    });
  }

  it('unknown names give undefined', () => {
    assert.equal(findBusiness('第一类基础电信业务'), undefined);
    assert.equal(findBusiness('B24-1'), undefined);
  });

  it('keeps the unverified 2003 codes and the "match by name" note', () => {
    assert.equal(legacyCatalogue.codes.B22, '呼叫中心业务');
    assert.match(legacyCatalogue.note['zh-cn'], /按业务名称/);
    assert.equal(findBusiness('国内呼叫中心业务')?.legacyCode, 'B22');
  });

  it('B25 has three printed variants; every code is a B2 code', () => {
    assert.equal(businessesByCode('B25').length, 3);
    for (const b of businesses) assert.match(b.code, /^B2[1-6](-\d)?$/);
  });
});

describe('data/carriers', () => {
  const cases: [string, string | undefined][] = [
    ['中国电信', 'CT'],
    ['电信', 'CT'],
    ['CT', 'CT'],
    ['china telecom', 'CT'],
    ['中国移动', 'CM'],
    ['中国联通', 'CU'],
    ['中国联合网络通信有限公司', 'CU'],
    ['中国广电', 'CBN'],
    ['中国广播电视网络有限公司', 'CBN'],
    ['中国铁通', undefined],
  ];
  for (const [name, id] of cases) {
    it(`carrierByName(${name}) → ${id ?? 'undefined'}`, () => {
      assert.equal(carrierByName(name)?.id, id);
    });
  }

  it('三网 = CT, CM, CU; CBN is not a member', () => {
    assert.deepEqual(threeNetworkIds, ['CT', 'CM', 'CU']);
    assert.equal(carrierById('CBN')?.threeNetworks, false);
    assert.equal(carriers.length, 4);
    assert.deepEqual(missingThreeNetworks(['CT', 'CU', 'CBN']), ['CM']);
    assert.deepEqual(missingThreeNetworks(['CT', 'CM', 'CU']), []);
  });
});

describe('data/fees', () => {
  it('rates in fen per digit length', () => {
    assert.equal(annualFeeFen(5), 24_000_000);
    assert.equal(annualFeeFen(6), 2_400_000);
    assert.equal(feeRate(5)?.monthlyFen, 2_000_000);
    assert.equal(feeRate(6)?.monthlyFen, 200_000);
    assert.equal(annualFeeFen(5, 'provincial96'), 4_800_000);
    assert.equal(annualFeeFen(6, 'provincial96'), 480_000);
    assert.equal(annualFeeFen(7), undefined);
    for (const d of [5, 6]) {
      const r = feeRate(d)!;
      assert.equal(r.monthlyFen * 12, r.annualFen);
      assert.ok(Number.isInteger(r.annualFen));
    }
  });

  it('is marked unconfirmed, with its standard', () => {
    assert.equal(feesConfirmed, false);
    assert.equal(feeStandard['zh-cn'], '标准来源：信部联清〔2004〕517号附件（待核）');
  });

  it('billing: monthly accrual, quarterly payment by the 10th of the next quarter', () => {
    assert.equal(billingRules.accrual, 'monthly');
    assert.equal(billingRules.payment, 'quarterly');
    const due = (d: string): string => formatIsoDate(paymentDueDate(parseIsoDate(d)!));
    assert.equal(due('2027-03-01'), '2027-04-10');
    assert.equal(due('2027-04-01'), '2027-07-10');
    assert.equal(due('2027-12-31'), '2028-01-10');
    assert.equal(due('2018-06-01'), '2018-07-10');
  });

  it('western half rate is not applied to national 95 numbers, and lists the 12 western provinces', () => {
    assert.equal(westernDiscount.percent, 50);
    assert.equal(westernDiscount.appliesToNational95, false);
    assert.match(westernDiscount.note['zh-cn'], /不适用/);
    assert.deepEqual(
      [...westernDiscount.provinces],
      provinces.filter((p) => p.western).map((p) => p.code),
    );
  });

  const fen: [number, string][] = [
    [24_000_000, '¥240,000'],
    [2_400_000, '¥24,000'],
    [12_345, '¥123.45'],
    [5, '¥0.05'],
    [0, '¥0'],
  ];
  for (const [v, s] of fen) {
    it(`formatFen(${v}) = ${s}`, () => assert.equal(formatFen(v), s));
  }
});
