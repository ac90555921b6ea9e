/**
 * Golden completion listings for every sample: at the end of each line, after each `key: `, each `- `
 * and each flow `[`, `{` or `,`, the items completion offers: one line per position with their labels and a SHA-1 of
 * the whole result (every field of every item, so any change shows; the labels keep the diff readable), in
 * Chinese for every sample and in English for the complete one. Written when the value providers moved
 * beside their data, to prove the move left the results unchanged. Regenerate only on purpose:
 * `UPDATE_GOLDEN=1 npx mocha --require tsx/cjs test/unit/features/completion-golden.test.ts`, then read the diff.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { completionsAt, parseApplication, type Locale } from '../../../server/src/core';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const GOLDEN = path.join(__dirname, 'completion-golden');

/** The offsets to complete at in `text`: line ends, after `key: `, after `- `, after `[`, `{` and `,`. */
function positions(text: string): number[] {
  const out = new Set<number>();
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    out.add(end);
    const colon = /^\s*(?:- )?[^\s#:][^:#]*: /.exec(line);
    if (colon !== null) out.add(start + colon[0].length);
    const dash = /^\s*- /.exec(line);
    if (dash !== null) out.add(start + dash[0].length);
    for (const flow of line.matchAll(/[[{,] ?/g)) out.add(start + flow.index + flow[0].length);
    start = end + 1;
  }
  return [...out].sort((a, b) => a - b);
}

function listing(text: string, locale: Locale): string {
  const parsed = parseApplication(text);
  const lines: string[] = [];
  for (const offset of positions(text)) {
    const { items, isIncomplete } = completionsAt(parsed, offset, { today: '2026-12-01', locale });
    if (items.length === 0) continue;
    const full = JSON.stringify({ isIncomplete, items });
    const digest = createHash('sha1').update(full).digest('hex').slice(0, 16);
    lines.push(`@${offset} ${digest} ${items.map((i) => i.label).join(' | ')}`);
  }
  return lines.join('\n') + '\n';
}

const files = ['complete', 'mistakes'].flatMap((dir) =>
  readdirSync(path.join(SAMPLES, dir))
    .filter((f) => f.endsWith('.app95.yaml'))
    .map((f) => path.join(dir, f)),
);

describe('completion: golden listings of the samples', () => {
  for (const file of files) {
    const locales: Locale[] = file.startsWith('complete') ? ['zh-cn', 'en'] : ['zh-cn'];
    for (const locale of locales) {
      it(`${file} (${locale})`, () => {
        const text = readFileSync(path.join(SAMPLES, file), 'utf8');
        const golden = path.join(GOLDEN, `${path.basename(file, '.app95.yaml')}.${locale}.txt`);
        const actual = listing(text, locale);
        if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, actual);
        assert.equal(actual, readFileSync(golden, 'utf8'));
      });
    }
  }
});
