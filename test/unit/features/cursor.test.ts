/**
 * The cursor position of completion (core/features/cursor.ts) recovered from text that is being
 * typed: the data path, whether a key or a value is typed, and the typed prefix — for block and flow
 * YAML, sequences at the key's indentation, and lines that do not parse.
 */
import * as assert from 'node:assert/strict';
import { cursorPosition, parseApplication, scanFlow } from '../../../server/src/core';

function at(source: string) {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const position = cursorPosition(text, offset);
  return position === undefined
    ? undefined
    : { kind: position.kind, path: position.path, prefix: position.prefix };
}

const cases: [string, string, ReturnType<typeof at>][] = [
  ['the root of an empty text', '|', { kind: 'slot', path: [], prefix: '' }],
  ['a key prefix under a section', 'tech:\n  pla|', { kind: 'slot', path: ['tech'], prefix: 'pla' }],
  [
    'a blank line keeps the column’s section',
    'tech:\n  platform:\n    mode: 集中设置\n    |\n  seats: 1\n',
    { kind: 'slot', path: ['tech', 'platform'], prefix: '' },
  ],
  ['back at the root', 'tech:\n  seats: 1\n|', { kind: 'slot', path: [], prefix: '' }],
  [
    'an empty value',
    'tech:\n  access:\n    mode: |',
    { kind: 'value', path: ['tech', 'access', 'mode'], prefix: '' },
  ],
  [
    'a value being typed',
    'usage:\n  area:\n    - province: 浙|',
    { kind: 'value', path: ['usage', 'area', 0, 'province'], prefix: '浙' },
  ],
  [
    'the third item of a list',
    'usage:\n  area:\n    - province: 浙江省\n      cities: [杭州市]\n    - province: 江苏省\n    - province: 上|',
    { kind: 'value', path: ['usage', 'area', 2, 'province'], prefix: '上' },
  ],
  [
    'a new item',
    'schedule:\n  - province: 浙江省\n  - |',
    { kind: 'slot', path: ['schedule', 1], prefix: '' },
  ],
  [
    'a second key of an item',
    'schedule:\n  - province: 浙江省\n    mon|',
    { kind: 'slot', path: ['schedule', 0], prefix: 'mon' },
  ],
  [
    'a sequence at its key’s indentation',
    'schedule:\n- province: 浙江省\n- province: 江苏省\n  |',
    { kind: 'slot', path: ['schedule', 1], prefix: '' },
  ],
  [
    'a flow list item',
    'licence:\n  coverage: [浙江省, 江|]',
    { kind: 'value', path: ['licence', 'coverage', 1], prefix: '江' },
  ],
  [
    'a quoted value',
    'number:\n  candidates: ["950|"]',
    { kind: 'value', path: ['number', 'candidates', 0], prefix: '950' },
  ],
  [
    'a flow mapping key',
    'applicant:\n  contact: { name: 李敏, em| }',
    { kind: 'slot', path: ['applicant', 'contact'], prefix: 'em' },
  ],
  [
    'a flow mapping value',
    'applicant:\n  contact: { name: 李| }',
    { kind: 'value', path: ['applicant', 'contact', 'name'], prefix: '李' },
  ],
  [
    'a nested flow list',
    'usage:\n  area: [{ province: 浙江省, cities: [杭州市, 宁|] }]',
    { kind: 'value', path: ['usage', 'area', 0, 'cities', 1], prefix: '宁' },
  ],
  [
    'a value after a broken line',
    'tech:\n  : :\n  seats: |',
    { kind: 'value', path: ['tech', 'seats'], prefix: '' },
  ],
  ['nothing in a comment', 'tech:\n  # 平|台', undefined],
  ['nothing after a closed flow list', 'licence:\n  coverage: [浙江省] |', undefined],
  ['nothing in free text with spaces', 'tech:\n  用户 拨|', undefined],
];

describe('features: cursor position', () => {
  it('finds a flow list that spans lines from the AST', () => {
    const source = 'licence:\n  coverage: [浙江省,\n    江苏省, 上|]\n';
    const offset = source.indexOf('|');
    const text = source.replace('|', '');
    assert.equal(cursorPosition(text, offset), undefined, 'the line alone says nothing');
    const position = cursorPosition(text, offset, parseApplication(text).yaml);
    assert.deepEqual(position && { kind: position.kind, path: position.path, prefix: position.prefix }, {
      kind: 'value',
      path: ['licence', 'coverage', 2],
      prefix: '上',
    });
  });

  for (const [name, source, expected] of cases) it(name, () => assert.deepEqual(at(source), expected));

  it('scans flow collections up to the cursor', () => {
    assert.deepEqual(scanFlow('[a, "b, c", '), {
      segments: [2],
      position: 'value',
      tokenStart: 12,
      quoted: false,
      keys: [],
    });
    assert.equal(scanFlow('[a, b]'), undefined);
    assert.deepEqual(scanFlow('{ a: 1, b: [x, '), {
      segments: ['b', 1],
      position: 'value',
      tokenStart: 15,
      quoted: false,
      keys: [],
    });
  });
});
