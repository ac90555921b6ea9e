// Inline figures (core/features/lenses.ts): the readiness lens, the fee lens of each candidate with
// the R-NUMBER-009 reminder, and the Erlang C seats hint — texts in both locales, placed on the
// text they describe.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validate, type Locale } from '../../../server/src/core';
import {
  documentHints,
  documentLenses,
  feeTitle,
  seatsLabel,
  seatsRequirement,
} from '../../../server/src/core/features/lenses';

const COMPLETE = readFileSync(
  path.join(__dirname, '../../../samples/complete/杭州云声.app95.yaml'),
  'utf8',
);

function lensesOf(text: string, locale: Locale): { covered: string; title: string; action: string }[] {
  const result = validate(text, { today: '2026-12-01' });
  return documentLenses(result.findings, result.document, locale).map((l) => ({
    covered: text.slice(l.range.start, l.range.end),
    title: l.title,
    action: l.action.kind === 'openRuleDoc' ? `openRuleDoc ${l.action.ruleId}` : l.action.kind,
  }));
}

function hintsOf(text: string, locale: Locale): { before: string; label: string }[] {
  const result = validate(text, { today: '2026-12-01' });
  return documentHints(result.document, locale).map((h) => ({
    before: text.slice(text.lastIndexOf('\n', h.offset - 1) + 1, h.offset),
    label: h.label,
  }));
}

describe('features/lenses', () => {
  it('puts readiness on apiVersion, the lookup reminder on the candidates key and a fee on each number (zh-cn)', () => {
    assert.deepEqual(lensesOf(COMPLETE, 'zh-cn'), [
      { covered: 'apiVersion', title: '材料完成 12/12 · 0 个错误 · 0 个警告', action: 'showProblems' },
      { covered: 'candidates', title: '请在码号查询系统核实可用性', action: 'openRuleDoc R-NUMBER-009' },
      { covered: '"95079"', title: '95079：年占用费 ¥240,000（5位）', action: 'showFeePreview' },
      { covered: '"95128"', title: '95128：年占用费 ¥240,000（5位）', action: 'showFeePreview' },
      { covered: '"952388"', title: '952388：年占用费 ¥24,000（6位）', action: 'showFeePreview' },
    ]);
  });

  it('speaks English for locale en', () => {
    assert.deepEqual(
      lensesOf(COMPLETE, 'en').map((l) => l.title),
      [
        'Materials complete 12/12 · 0 errors · 0 warnings',
        'Check availability in the number lookup',
        '95079: annual occupation fee ¥240,000 (5 digits)',
        '95128: annual occupation fee ¥240,000 (5 digits)',
        '952388: annual occupation fee ¥24,000 (6 digits)',
      ],
    );
  });

  it('counts the problems of a faulty file in the readiness lens', () => {
    const text = COMPLETE.replace('  seats: 80 ', '  seats: 八十 ').replace('    - province: 安徽省\n', '    - province: 安微省\n');
    const top = lensesOf(text, 'zh-cn')[0];
    assert.equal(top?.covered, 'apiVersion');
    assert.match(top?.title ?? '', /^材料完成 10\/12 · [1-9]\d* 个错误 · \d+ 个警告$/);
  });

  it('places fee lenses on block-style candidates, also integers, and skips values that are not numbers', () => {
    const text = COMPLETE.replace(
      'candidates: ["95079", "95128", "952388"]',
      'candidates:\n    - 95079\n    - 待填写\n    - "9521234"',
    );
    assert.deepEqual(
      lensesOf(text, 'zh-cn').slice(1).map((l) => [l.covered, l.title]),
      [
        ['candidates', '请在码号查询系统核实可用性'],
        ['95079', '95079：年占用费 ¥240,000（5位）'],
        ['"9521234"', '9521234：7位号码没有占用费标准'],
      ],
    );
  });

  it('shows only the readiness lens when there are no candidate numbers, or no document', () => {
    const text = COMPLETE.replace('candidates: ["95079", "95128", "952388"]', 'candidates: [待填写]');
    assert.deepEqual(lensesOf(text, 'zh-cn').map((l) => l.action), ['showProblems']);
    assert.deepEqual(lensesOf('', 'en').map((l) => [l.covered, l.action]), [['', 'showProblems']]);
  });

  const feeCases: [string, Locale, string][] = [
    ['95079', 'zh-cn', '95079：年占用费 ¥240,000（5位）'],
    ['952388', 'zh-cn', '952388：年占用费 ¥24,000（6位）'],
    ['952388', 'en', '952388: annual occupation fee ¥24,000 (6 digits)'],
    ['9500', 'en', '9500: no occupation fee rate for 4 digits'],
  ];
  for (const [digits, locale, want] of feeCases) {
    it(`fee title of ${digits} (${locale})`, () => assert.equal(feeTitle(digits, locale), want));
  }

  it('hints the Erlang C seats after tech.seats of the sample: 66 for 80/20', () => {
    assert.deepEqual(hintsOf(COMPLETE, 'zh-cn'), [{ before: '  seats: 80', label: '需要 ≥ 66 席以达到 80/20' }]);
    assert.deepEqual(hintsOf(COMPLETE, 'en'), [{ before: '  seats: 80', label: 'needs ≥ 66 seats for 80/20' }]);
  });

  const seatCases: { name: string; from: string; to: string; want: string | undefined }[] = [
    {
      name: 'uses the written service level (90 % in 20 s needs 68: independently computed)',
      from: '      target_percent: 80 ',
      to: '      target_percent: 90 ',
      want: '需要 ≥ 68 席以达到 90/20',
    },
    {
      name: 'assumes 80/20 without a service level, as R-TECH-001 does',
      from: '    service_level:\n      target_percent: 80              # 服务水平目标：80% 的呼叫\n      answer_within_s: 20             # 在 20 秒内接通\n',
      to: '',
      want: '需要 ≥ 66 席以达到 80/20',
    },
    {
      name: 'gives no hint without a usable forecast',
      from: '    busy_hour_calls: 1200 ',
      to: '    busy_hour_calls: 待填写 ',
      want: undefined,
    },
    {
      name: 'gives no hint for an unusable service level',
      from: '      target_percent: 80 ',
      to: '      target_percent: 180 ',
      want: undefined,
    },
  ];
  for (const c of seatCases) {
    it(`seats hint ${c.name}`, () => {
      assert.ok(COMPLETE.includes(c.from), c.from);
      const hints = hintsOf(COMPLETE.replace(c.from, c.to), 'zh-cn');
      assert.deepEqual(hints.map((h) => h.label), c.want === undefined ? [] : [c.want]);
    });
  }

  it('reports the shortfall in the requirement', () => {
    const result = validate(COMPLETE.replace('  seats: 80 ', '  seats: 40 '));
    const req = seatsRequirement(result.document?.value);
    assert.ok(req);
    assert.deepEqual([req.required, req.seats, Math.round(req.erlangs)], [66, 40, 60]);
    assert.equal(seatsLabel(req, 'en'), 'needs ≥ 66 seats for 80/20');
  });
});
