/**
 * Generates the benchmark's fixed inputs from the complete sample: the sample itself grown to about
 * 500, 10,000 and 50,000 lines by adding items to its open-ended lists (customers, equipment, core
 * staff, voice prompts), in the sample's own style, so the files stay valid applications. Also
 * describes the edits the benchmark applies (change a scalar, insert a list item, introduce and fix an
 * error) as offset edits on a given text. Deterministic: the same sizes give the same bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_FILE = path.join(REPO_ROOT, 'samples', 'complete', '杭州云声.app95.yaml');

const EQUIPMENT_STATUS = ['已到货', '已订货', '现有库存'];
const CUSTOMER_TYPES = ['电子商务平台', '连锁零售', '物流快递', '家电制造'];

/** Lines added per unit of growth, in four lists; each unit adds 3 + 3 + 4 + 1 = 11 lines. */
function units(count) {
  const customers = [];
  const equipment = [];
  const core = [];
  const prompts = [];
  for (let i = 1; i <= count; i++) {
    customers.push(
      `    - name: 示例客户${i}商贸有限公司`,
      `      type: ${CUSTOMER_TYPES[i % CUSTOMER_TYPES.length]}`,
      `      status: ${i % 3 === 0 ? '意向' : '已签约'}`,
    );
    equipment.push(
      `    - name: 坐席终端扩容批次 ${i}`,
      `      quantity: ${(i % 40) + 1}`,
      `      status: ${EQUIPMENT_STATUS[i % EQUIPMENT_STATUS.length]}`,
    );
    core.push(
      `    - name: 员工${i}`,
      `      role: 坐席班组长`,
      `      experience_years: ${(i % 12) + 1}`,
      `      experience: 负责 ${(i % 30) + 10} 席规模的客服班组，熟悉呼叫中心排班与质检流程。`,
    );
    prompts.push(`      - 第 ${i} 条提示音：感谢您的耐心等待，您的来电对我们很重要。`);
  }
  return { customers, equipment, core, prompts };
}

/** Inserts `added` lines after the line (0-based index) found by `after`. */
function insertAfter(lines, after, added) {
  const index = lines.findIndex(after);
  if (index < 0) throw new Error('generate: anchor not found in the sample');
  lines.splice(index + 1, 0, ...added);
}

/** The sample grown to about `targetLines` lines (the sample itself when smaller). */
export function generateApplication(targetLines) {
  const sample = readFileSync(SAMPLE_FILE, 'utf8');
  const base = sample.split('\n');
  const count = Math.max(0, Math.round((targetLines - base.length) / 11));
  if (count === 0) return sample;
  const { customers, equipment, core, prompts } = units(count);
  const lines = [...base];
  // Anchors: the last item line of each list in the sample (each exists exactly once).
  insertAfter(lines, (l) => l.startsWith('      - 当前坐席繁忙'), prompts);
  insertAfter(lines, (l) => l === '      status: 意向', customers);
  insertAfter(lines, (l) => l === '      status: 现有库存', equipment);
  insertAfter(lines, (l) => l.startsWith('      experience: 负责软交换'), core);
  return lines.join('\n');
}

/** The benchmark sizes: name, target line count. */
export const SIZES = [
  { name: 'typical', lines: 500 },
  { name: '10k', lines: 10_000 },
  { name: '50k', lines: 50_000 },
];
