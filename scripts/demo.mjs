// The main job on the bundled samples: checks the complete sample (which must be clean) and every
// mistake sample (each must be reported), printing the findings as a consultant would see them.
// Exits 0 when both hold, so `npm run demo` can gate CI; any other outcome exits 1.
import { spawnSync } from 'node:child_process';

const lang = process.env.MIIT95_LANG ?? 'zh';
const run = (args) => spawnSync(process.execPath, ['dist/cli.js', 'check', '--lang', lang, ...args], { stdio: 'inherit' });

console.log('== samples/complete (应无问题 / expected clean)');
const complete = run(['samples/complete']);
console.log('\n== samples/mistakes (每个文件都应报告问题 / each file expected to have findings)');
const mistakes = run(['samples/mistakes']);

const ok = complete.status === 0 && mistakes.status === 1;
console.log(
  ok
    ? '\ndemo: OK — 完整示例无错误，错误示例均被检出 / the complete sample is clean and the mistakes were found'
    : `\ndemo: FAILED — exit codes complete=${complete.status} mistakes=${mistakes.status} (expected 0 and 1)`,
);
process.exit(ok ? 0 : 1);
