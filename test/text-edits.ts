/** Text edits for building test inputs from the samples: replacements that must each match exactly once. */
import assert from 'node:assert/strict';

/** `text` with each `[from, to]` applied in order; each `from` must occur exactly once (else the test fails). */
export function edited(text: string, replacements: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of replacements) {
    const index = out.indexOf(from);
    assert.ok(index >= 0 && out.indexOf(from, index + 1) < 0, `"${from}" must occur exactly once`);
    out = out.slice(0, index) + to + out.slice(index + from.length);
  }
  return out;
}
