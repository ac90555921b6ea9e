import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
const t0 = performance.now();
import('../../server/src/core/index.ts').then((core: any) => {
  const t1 = performance.now();
  const text = readFileSync('/work/main/samples/complete/杭州云声.app95.yaml', 'utf8');
  const a = performance.now();
  core.getApplicationValidator();
  const b = performance.now();
  console.log('import', (t1 - t0).toFixed(1), 'compile', (b - a).toFixed(1));
  let r = core.validate(text);
  console.log('first validate', (performance.now() - b).toFixed(1), r.findings.map((f: any) => f.code));
  for (let k = 0; k < 3; k++) {
    const N = 200;
    let s = performance.now();
    for (let i = 0; i < N; i++) core.validate(text);
    const v = (performance.now() - s) / N;
    s = performance.now();
    for (let i = 0; i < N; i++) parseDocument(text);
    const p = (performance.now() - s) / N;
    console.log('validate', v.toFixed(3), 'parse', p.toFixed(3));
  }
});
