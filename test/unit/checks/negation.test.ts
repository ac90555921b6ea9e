// checks/negation.ts: which mentions a text rules out (negated or cited) and which it affirms, on the
// phrasings consultants write (issue 11, class 2), and the clause a message quotes.
import { strict as assert } from 'node:assert';
import { affirms, phraseContext } from '../../../server/src/core/checks/negation';
import { findMarketingKeywords } from '../../../server/src/core/checks/text';

/** [text, keyword, expected negation cue (undefined = not negated), cited] */
const cases: [string, string, string | undefined, boolean][] = [
  ['不从事推销、催收等外呼', '推销', '不从事', false],
  ['不从事推销、催收等外呼', '催收', '不从事', false],
  ['严禁营销外呼', '营销外呼', '严禁', false],
  ['严禁用于电话营销、贷款推广、催收及其他商业推销', '推销', '严禁', false],
  ['以呼入为主，无营销外呼', '营销外呼', '无', false],
  ['不用于催收', '催收', '不用于', false],
  ['不得从事营销', '营销', '不得', false],
  ['禁止电销', '电销', '禁止', false],
  ['营销外呼一律不做', '营销外呼', '一律不', false],
  ['催收业务除外', '催收', '除外', false],
  ['拒绝“电话营销”', '电话营销', '拒绝', false],
  ['严格遵守“不得提供商业推销电话外发服务”的规定', '推销', '不得', true],
  ['遵守“营销外呼”的相关规定', '营销外呼', undefined, true],
  ['依据《关于营销外呼管理的通知》开展业务', '营销外呼', undefined, true],
  // Not negations: 不限于, 非常, 未来, and a clause turned by 但; a cue in another clause.
  ['包括但不限于营销外呼', '营销外呼', undefined, false],
  ['本平台非常重视营销', '营销', undefined, false],
  ['未来开展营销', '营销', undefined, false],
  ['不做客服但做营销', '营销', undefined, false],
  ['严禁推销。开展营销', '营销', undefined, false],
  ['不收开户费，主要做电话营销', '电话营销', undefined, false],
  ['提供“精准营销”外呼', '营销', undefined, false],
];

describe('checks/negation', () => {
  for (const [text, keyword, cue, cited] of cases) {
    it(`${text} — ${keyword}: ${cue ?? (cited ? 'cited' : 'affirmed')}`, () => {
      const start = text.lastIndexOf(keyword);
      assert.ok(start >= 0);
      const context = phraseContext(text, start, start + keyword.length);
      assert.equal(context.negation, cue);
      assert.equal(context.cited, cited);
    });
  }

  it('quotes the clause that holds the phrase', () => {
    const text = '我们提供售后客服。同时为银行提供信用卡推广，按件计费。';
    const [match] = findMarketingKeywords(text);
    assert.equal(match?.keyword, '信用卡推广');
    assert.equal(match?.phrase, '同时为银行提供信用卡推广');
    assert.equal(match?.negated, false);
  });

  it('marks quoted phrases', () => {
    const text = '拒绝“电话营销”';
    assert.equal(phraseContext(text, 3, 7).quoted, true);
    assert.equal(phraseContext('电话营销', 0, 4).quoted, false);
  });

  it('a cue reaches a list but not an unbounded distance', () => {
    const far = `严禁${'的'.repeat(30)}营销`;
    assert.equal(phraseContext(far, far.length - 2, far.length).negation, undefined);
  });

  it('affirms: a use word counts only where it is not ruled out', () => {
    assert.equal(affirms('提供语音留言服务', /留言/u), true);
    assert.equal(affirms('不提供语音留言', /留言/u), false);
    assert.equal(affirms('不提供语音留言，只提供留言转写', /留言/u), true);
    assert.equal(affirms('', /留言/u), false);
    assert.equal(affirms('Voice mail', /voice mail/iu), true);
  });
});
