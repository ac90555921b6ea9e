/**
 * Developer aid: prints the findings of the given application files through the core, with a real file
 * probe and today's date (or DEV_TODAY). Run with `npx tsx scripts/dev-validate.ts <files…>`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validate, LineIndex } from '../server/src/core';
import { createFileProbe } from '../server/src/node/file-probe';

const today = process.env['DEV_TODAY'] ?? new Date().toISOString().slice(0, 10);
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const { findings } = validate(text, { files: createFileProbe(path.dirname(file)), today });
  const lines = new LineIndex(text);
  console.log(`${file}: ${findings.length} finding(s)`);
  for (const f of findings) {
    const p = lines.positionAt(f.range.start);
    console.log(`  ${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${f.message['zh-cn']}`);
  }
}
