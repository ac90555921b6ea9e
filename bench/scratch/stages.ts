import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import * as core from '../../server/src/core/index';
import { schemaFindings } from '../../server/src/core/schema/findings';
import { runRules } from '../../server/src/core/rules/engine';
import { applySuppressions } from '../../server/src/core/suppressions';

const v = core.getApplicationValidator();
const name = process.argv[2] ?? 'typical';
const text = readFileSync(`/tmp/perf/${name}.app95.yaml`, 'utf8');
const N = Number(process.argv[3] ?? 50);
function time(label: string, f: () => unknown) {
  for (let i = 0; i < 3; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < N; i++) { const s = performance.now(); f(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  console.log(label.padEnd(20), xs[Math.floor(N / 2)]!.toFixed(3));
}
const parsed = core.parseApplication(text);
time('yaml.parseDocument', () => parseDocument(text));
time('yaml.parseDocument k', () => parseDocument(text, { keepSourceTokens: false, uniqueKeys: true, stringKeys: true, schema: 'core' } as any));
time('parseApplication', () => core.parseApplication(text));
time('toJS', () => parsed.yaml.toJS({ maxAliasCount: 1000 }));
time('LineIndex', () => new core.LineIndex(text));
time('syntax', () => core.syntaxFindings(parsed));
time('ajv', () => v.validate(parsed.value));
time('schemaFindings', () => schemaFindings(parsed, v));
time('rules', () => runRules(core.allRules, parsed, {}));
time('suppressions', () => applySuppressions(text, parsed.lines, [], { knownRules: core.allRules.map((r) => r.id), disabledRules: new Set(), reportUnused: true }));
time('validate', () => core.validate(text));
for (const rule of core.allRules) {
  const s = performance.now();
  for (let i = 0; i < 5; i++) runRules([rule], parsed, {});
  const t = (performance.now() - s) / 5;
  if (t > 0.05 * (name === 'typical' ? 1 : 20)) console.log('  rule', rule.id, t.toFixed(3));
}
