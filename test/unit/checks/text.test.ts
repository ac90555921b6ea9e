// Text normalisation for comparisons, and the marketing-keyword scan (R-USAGE-002).
import { strict as assert } from 'node:assert';
import {
  findMarketingKeywords,
  marketingKeywords,
  normalizeForCompare,
  sameText,
} from '../../../server/src/core/checks/text';

describe('checks/text', () => {
  const same: [string, string][] = [
    ['信息服务业务（不含互联网信息服务）', '信息服务业务(不含互联网信息服务)'],
    ['信息服务业务〔不含互联网信息服务〕', '信息服务业务(不含互联网信息服务)'],
    ['信息服务业务【不含互联网信息服务】', '信息服务业务(不含互联网信息服务)'],
    ['  国内呼叫中心业务 ', '国内呼叫中心业务'],
    ['ＳＩＰ中继', 'sip中继'],
    ['China Telecom', 'chinatelecom'],
  ];
  for (const [a, b] of same) {
    it(`${JSON.stringify(a)} ≡ ${JSON.stringify(b)}`, () => assert.equal(sameText(a, b), true));
  }
  it('different texts stay different', () => {
    assert.equal(sameText('国内呼叫中心业务', '离岸呼叫中心业务'), false);
    assert.equal(normalizeForCompare('（全网）'), '(全网)');
  });

  it('has the keywords of R-USAGE-002', () => {
    const words = marketingKeywords.map((k) => k.word);
    for (const w of ['营销', '推销', '电销', '拉新', '催收', '外呼营销', '贷款推广'])
      assert.ok(words.includes(w), w);
  });

  // [text, covered texts of the matches, negated flags]
  const scans: [string, string[], boolean[]][] = [
    ['为电商平台提供外呼营销和贷款推广服务', ['外呼营销', '贷款推广'], [false, false]],
    ['电话营销', ['电话营销'], [false]],
    ['催收与拉新，兼做电销', ['催收', '拉新', '电销'], [false, false, false]],
    ['不提供营销外呼服务', ['营销外呼'], [true]],
    ['严禁推销。开展营销', ['推销', '营销'], [true, false]],
    [
      '为电子商务平台和连锁零售企业提供外包客服坐席与信息查询服务，受理消费者的订单查询、物流查询、售后咨询和投诉，以用户主动呼入为主。',
      [],
      [],
    ],
    ['', [], []],
  ];
  for (const [text, covered, negated] of scans) {
    it(`scan ${JSON.stringify(text.slice(0, 20))} → [${covered.join(', ')}]`, () => {
      const found = findMarketingKeywords(text);
      assert.deepEqual(
        found.map((m) => text.slice(m.start, m.end)),
        covered,
      );
      assert.deepEqual(
        found.map((m) => m.keyword),
        covered,
      );
      assert.deepEqual(
        found.map((m) => m.negated),
        negated,
      );
      for (const m of found) assert.ok(m.en.length > 0);
    });
  }

  it('offsets are UTF-16 offsets in text with astral characters', () => {
    const text = '😀 营销';
    const [m] = findMarketingKeywords(text);
    assert.ok(m);
    assert.equal(m.start, 3);
    assert.equal(text.slice(m.start, m.end), '营销');
  });

  it('accepts a custom keyword list', () => {
    const found = findMarketingKeywords('保险回访', [{ word: '回访', en: 'follow-up call' }]);
    assert.deepEqual(
      found.map((m) => m.keyword),
      ['回访'],
    );
  });
});
