// Substance of free text: placeholders, content length, excerpts (R-NUMBER-005/007, R-USAGE-001).
import { strict as assert } from 'node:assert';
import { contentLength, excerpt, isPlaceholder } from '../../../server/src/core/checks/free-text';

describe('checks/free-text', () => {
  const placeholders = [
    '待补充',
    ' 待定 ',
    '暂无。',
    '无',
    'TODO',
    'todo: 补充接续流程',
    'TBD',
    'xxx',
    'XXXX',
    'XXX公司',
    '客户：xxx',
    '某某科技有限公司',
    '……',
    '——',
    '？？？',
    '   ',
    '同上',
    '此处填写号码用途',
    'Lorem ipsum dolor',
    'Ｔｏｄｏ',
  ];
  for (const text of placeholders) {
    it(`${JSON.stringify(text)} is a placeholder`, () => assert.equal(isPlaceholder(text), true));
  }

  const explanations = [
    '95079 后加 3 位子号码（95079XXX，总位长 8 位），首期启用 001—030。',
    '952XXX 号码结构',
    '您好，欢迎致电云声客户服务热线。',
    '为电子商务平台提供外包客服坐席。',
    '按坐席月租收取服务费，价格待定后签约。',
    'Boxxx', // letters before the x run: a word, not a mask of a name
  ];
  for (const text of explanations) {
    it(`${JSON.stringify(text)} is not a placeholder`, () => assert.equal(isPlaceholder(text), false));
  }

  const lengths: [string, number][] = [
    ['', 0],
    ['  。，！ ', 0],
    ['转人工。', 3],
    ['按 1 查询', 4],
    ['ＩＶＲ 菜单', 5],
    ['𠀀字', 2],
  ];
  for (const [text, n] of lengths) {
    it(`contentLength(${JSON.stringify(text)}) = ${n}`, () => assert.equal(contentLength(text), n));
  }

  it('excerpt trims, collapses whitespace and cuts long texts', () => {
    assert.equal(excerpt('  用户拨打\n  95079 后 '), '用户拨打 95079 后');
    assert.equal(excerpt('一二三四五六', 4), '一二三四…');
    assert.equal(excerpt('一二三四', 4), '一二三四');
  });
});
