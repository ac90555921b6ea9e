/**
 * Generates the benchmark's firm workspace: 1,000 applications (by default) in 25 client folders,
 * derived from the complete sample with a different applicant, candidate numbers, dates, licence
 * validity and area per file, one in ten with a schema error and one in twenty with a missing
 * attachment. Deterministic: the same count writes the same bytes. Used by `npm run bench` (the
 * background check and `miit95 portfolio` rows) and by the tests of the scan at a smaller count.
 *
 *   node bench/portfolio-workspace.mjs <folder> [count]
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(ROOT, 'samples', 'complete', '杭州云声.app95.yaml');
const ATTACHMENTS = path.join(ROOT, 'samples', 'complete', '附件');

const CITY_WORDS = ['云声', '海岳', '星河', '凌云', '博远', '华启', '天衡', '锦程', '瑞丰', '嘉禾'];
const TRADES = ['信息技术', '电子商务', '客户服务', '网络科技', '数据服务'];
const FIVE = ['95079', '95128', '95011', '95105', '95166', '95188'];

/** The application text of file `i` (0-based). */
export function portfolioApplication(sample, i) {
  const name = `杭州${CITY_WORDS[i % 10]}${TRADES[Math.floor(i / 10) % 5]}有限公司${i}`;
  const five = `950${String(10 + (i % 90)).padStart(2, '0')}`;
  const six = `952${String(100 + (i % 900)).padStart(3, '0')}`;
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 27) + 1).padStart(2, '0');
  const candidates = i % 3 === 0 ? `["${six}", "${five}"]` : `["${five}", "${FIVE[i % FIVE.length]}", "${six}"]`;
  let text = sample
    .replace(/杭州云声信息技术有限公司/g, name)
    .replace('candidates: ["95079", "95128", "952388"]', `candidates: ${candidates}`)
    .replace('  date: 2026-12-01', `  date: 2026-${month}-${day}`)
    .replace('valid_from: 2023-06-20', `valid_from: ${2023 + (i % 3)}-${month}-${day}`)
    .replace('valid_until: 2028-06-20', `valid_until: ${2028 + (i % 3)}-${month}-${day}`)
    .replace('busy_hour_calls: 1200', `busy_hour_calls: ${1000 + (i % 200)}`)
    .replace('    name: 李敏', `    name: 李敏${i}`)
    .replace('  date: 2026-11-25', `  date: 2026-${month}-01`);
  if (i % 10 === 0) text = text.replace('\n  seats: 80 ', '\n  seats: 八十 ');
  if (i % 20 === 5) text = text.replace('附件/营业执照.pdf', '附件/营业执照-缺.pdf');
  return text;
}

/** Writes `count` applications under `folder` (client folders `客户01` …, each with its 附件). */
export function writePortfolioWorkspace(folder, count = 1000) {
  const sample = readFileSync(SAMPLE, 'utf8');
  const folders = Math.min(25, count);
  for (let f = 0; f < folders; f++) {
    const dir = path.join(folder, `客户${String(f + 1).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    cpSync(ATTACHMENTS, path.join(dir, '附件'), { recursive: true });
  }
  const files = [];
  for (let i = 0; i < count; i++) {
    const dir = path.join(folder, `客户${String((i % folders) + 1).padStart(2, '0')}`);
    const file = path.join(dir, `申请${String(i).padStart(4, '0')}.app95.yaml`);
    writeFileSync(file, portfolioApplication(sample, i));
    files.push(file);
  }
  return files;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder, count] = process.argv.slice(2);
  if (folder === undefined) {
    process.stderr.write('usage: node bench/portfolio-workspace.mjs <folder> [count]\n');
    process.exit(2);
  }
  const files = writePortfolioWorkspace(path.resolve(folder), count === undefined ? 1000 : Number(count));
  process.stdout.write(`${files.length} applications written to ${folder}\n`);
}
