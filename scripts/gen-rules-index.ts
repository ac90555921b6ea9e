/**
 * Writes docs/rules/index.md from the registered rules and the reminder entries
 * (`npx tsx scripts/gen-rules-index.ts`); with `--check`, only reports whether the page is up to
 * date (exit code 1 when not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules, reminders } from '../server/src/core';
import { RULES_INDEX_PATH, renderRulesIndex } from './rules-index';

const target = path.resolve(__dirname, '..', RULES_INDEX_PATH);
const wanted = renderRulesIndex(allRules, reminders);
let current: string | undefined;
try {
  current = readFileSync(target, 'utf8');
} catch {
  current = undefined;
}

if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error(`${RULES_INDEX_PATH} is out of date: run npx tsx scripts/gen-rules-index.ts`);
    process.exit(1);
  }
  console.log(`${RULES_INDEX_PATH} is up to date`);
} else if (current === wanted) {
  console.log(`${RULES_INDEX_PATH} unchanged`);
} else {
  writeFileSync(target, wanted);
  console.log(`wrote ${RULES_INDEX_PATH}`);
}
