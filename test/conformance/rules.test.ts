/**
 * Conformance of the rule set with the catalogue (reference.md §9) and with the project's rule
 * conventions (docs/dev/RULES-GUIDE.md): every registered rule has a unique catalogue ID, a unique
 * kebab-case name, bilingual texts with matching placeholders, a documentation page with the
 * required sections, and fixtures; every catalogue ID is either a registered rule or a reminder
 * entry with a page; docs/rules/index.md is what the generator writes.
 *
 * The catalogue is read from ../shared/domain/reference.md relative to the repository root (as in
 * CI), or from the path in MIIT95_REFERENCE.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
  allRules,
  compareRuleIds,
  reminders,
  RULE_ID_PATTERN,
  RULE_NAME_PATTERN,
  STATUS_LABELS,
  type LocalizedText,
  type RuleStatus,
  type Severity,
} from '../../server/src/core';
import { RULES_INDEX_PATH, renderRulesIndex } from '../../scripts/rules-index';

const REPO = path.resolve(__dirname, '../..');
const REFERENCE = process.env['MIIT95_REFERENCE'] ?? path.resolve(REPO, '../shared/domain/reference.md');
const DOCS = path.join(REPO, 'docs/rules');
const FIXTURES = path.join(REPO, 'test/rules');

/** One row of a §9 table. */
interface CatalogueRow {
  readonly id: string;
  /** The cells after the ID: rule, severity, status, source, check. */
  readonly cells: readonly string[];
  readonly severity: string;
  readonly status: string;
}

/** The §9 tables of reference.md, by ID in catalogue order; undefined when the file is missing. */
function readCatalogue(): Map<string, CatalogueRow> | undefined {
  if (!existsSync(REFERENCE)) return undefined;
  const text = readFileSync(REFERENCE, 'utf8');
  const start = text.search(/^## 9\. /m);
  const rest = start < 0 ? '' : text.slice(start);
  const end = rest.slice(1).search(/^## (?!9\.)\d/m);
  const section = end < 0 ? rest : rest.slice(0, end + 1);
  const rows = new Map<string, CatalogueRow>();
  for (const line of section.split(/\r?\n/)) {
    const match = /^\|\s*(R-[A-Z]+-\d{3})\s*\|(.*)\|\s*$/.exec(line);
    if (!match?.[1]) continue;
    const cells = (match[2] ?? '').split('|').map((cell) => cell.trim());
    rows.set(match[1], { id: match[1], cells, severity: cells[1] ?? '', status: cells[2] ?? '' });
  }
  return rows;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { hint: 0, info: 1, warning: 2, error: 3 };

/** The strongest severity the catalogue row mentions (severity and check columns alike). */
function strongestSeverity(row: CatalogueRow): Severity | undefined {
  let best: Severity | undefined;
  for (const match of row.cells.join(' ').matchAll(/\b(error|warning|info)\b/gi)) {
    const severity = (match[1] ?? '').toLowerCase() as Severity;
    if (best === undefined || SEVERITY_RANK[severity] > SEVERITY_RANK[best]) best = severity;
  }
  return best;
}

/** Whether the catalogue's Status cell supports the rule's status. */
function statusMatches(status: RuleStatus, cell: string): boolean {
  const words: Record<RuleStatus, RegExp> = {
    confirmed: /confirmed/i,
    secondary: /secondary/i,
    inference: /inference|inferred/i,
    unverified: /unverified|unconfirmed/i,
  };
  return words[status].test(cell);
}

/** Like assert.ok, but the failure shows only the message (no "-false +true" diff). */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) assert.fail(message);
}

/** Fails with every problem listed, one per line. */
function noProblems(problems: readonly string[], header: string): void {
  if (problems.length > 0) assert.fail(`${header}:\n  ${problems.join('\n  ')}`);
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

function assertBilingual(text: LocalizedText | undefined, what: string): void {
  check(text, `${what} is missing`);
  check(typeof text['zh-cn'] === 'string' && text['zh-cn'].trim() !== '', `${what}: the zh-cn text is empty`);
  check(typeof text.en === 'string' && text.en.trim() !== '', `${what}: the en text is empty`);
}

/** The sections every rule page has, in this order (docs/dev/RULES-GUIDE.md). */
const REQUIRED_SECTIONS: readonly string[] = [
  '## 检查什么',
  '## 为什么',
  '## 错误示例',
  '## 正确示例',
  '## 如何修复',
  '## 配置',
  '## What it checks',
  '## Why',
  '## Failing example',
  '## Passing example',
  '## How to fix',
  '## Configuration',
];

function pagePath(id: string): string {
  return path.join(DOCS, `${id}.md`);
}

function readPage(id: string): string {
  const file = pagePath(id);
  check(existsSync(file), `missing documentation page docs/rules/${id}.md`);
  return readFileSync(file, 'utf8');
}

/** Problems with the page's title line and sections, as readable lines. */
function pageProblems(id: string, name: string, page: string): string[] {
  const problems: string[] = [];
  const lines = page.split(/\r?\n/);
  const title = lines.find((line) => line.trim() !== '') ?? '';
  if (title.trim() !== `# ${id} ${name}`)
    problems.push(`the first line should be "# ${id} ${name}", found "${title}"`);
  let from = 0;
  for (const section of REQUIRED_SECTIONS) {
    const index = lines.findIndex((line, i) => i >= from && line.startsWith(section));
    if (index < 0) {
      const anywhere = lines.some((line) => line.startsWith(section));
      problems.push(anywhere ? `section "${section}" is out of order` : `section "${section}" is missing`);
    } else {
      from = index + 1;
    }
  }
  return problems;
}

/** The `> 默认级别 / Default severity: … · 依据状态 / Status: … · 可自动修复 / Fixable: …` line. */
function metaLine(page: string): string | undefined {
  return page.split(/\r?\n/).find((line) => /^>\s*默认级别\s*\/\s*Default severity:/.test(line));
}

function fixtureProblems(id: string): string[] {
  const folder = path.join(FIXTURES, id);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    return [`missing fixtures folder test/rules/${id}/`];
  const files = readdirSync(folder).filter((file) => /\.ya?ml$/.test(file));
  const problems: string[] = [];
  if (!files.some((file) => file.startsWith('valid')))
    problems.push(`test/rules/${id}/ has no valid*.yaml (a file that must produce no finding)`);
  if (!files.some((file) => !file.startsWith('valid')))
    problems.push(`test/rules/${id}/ has no case file (a *.yaml with "# want ${id}" markers)`);
  return problems;
}

const catalogue = readCatalogue();
const registeredIds = new Set(allRules.map((rule) => rule.id));
const reminderIds = new Set(reminders.map((reminder) => reminder.id));

describe('rule conformance', () => {
  it('reads the catalogue (reference.md §9)', () => {
    check(catalogue, `the catalogue was not found at ${REFERENCE} (set MIIT95_REFERENCE to its path)`);
    check(catalogue.size >= 40, `only ${catalogue.size} catalogue IDs were parsed from ${REFERENCE} §9`);
  });

  describe('registered rules', () => {
    it('have unique IDs of the form R-<AREA>-<NNN>', () => {
      const bad = allRules.filter((rule) => !RULE_ID_PATTERN.test(rule.id)).map((rule) => rule.id);
      check(bad.length === 0, `IDs not of the form R-<AREA>-<NNN>: ${bad.join(', ')}`);
      const seen = new Set<string>();
      const repeated = allRules.filter((rule) => seen.size === seen.add(rule.id).size).map((rule) => rule.id);
      check(repeated.length === 0, `IDs registered more than once: ${repeated.join(', ')}`);
    });

    it('have unique kebab-case names (reminders included)', () => {
      const entries = [...allRules, ...reminders];
      const bad = entries
        .filter((entry) => !RULE_NAME_PATTERN.test(entry.name))
        .map((e) => `${e.id} "${e.name}"`);
      check(bad.length === 0, `names that are not kebab-case: ${bad.join(', ')}`);
      const byName = new Map<string, string[]>();
      for (const entry of entries) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry.id]);
      const repeated = [...byName]
        .filter(([, ids]) => ids.length > 1)
        .map(([name, ids]) => `${name}: ${ids.join(', ')}`);
      check(repeated.length === 0, `names used more than once: ${repeated.join('; ')}`);
    });

    it('are registered in catalogue order', () => {
      const ids = allRules.map((rule) => rule.id);
      const sorted = [...ids].sort(compareRuleIds);
      const first = ids.findIndex((id, i) => id !== sorted[i]);
      check(
        first === -1,
        `rule ${ids[first] ?? ''} is registered before ${sorted[first] ?? ''}; register rules in catalogue order`,
      );
    });

    for (const rule of allRules) {
      describe(rule.id, () => {
        it('is in the catalogue, with a status and default severity the catalogue supports', () => {
          check(catalogue, 'the catalogue could not be read');
          const row = catalogue.get(rule.id);
          check(row, `${rule.id} is not an ID of reference.md §9`);
          check(
            statusMatches(rule.status, row.status),
            `status "${rule.status}" does not appear in the catalogue's Status column: "${row.status}"`,
          );
          const strongest = strongestSeverity(row);
          check(
            strongest === undefined || SEVERITY_RANK[rule.defaultSeverity] <= SEVERITY_RANK[strongest],
            `default severity "${rule.defaultSeverity}" is stronger than the catalogue's (${row.severity})`,
          );
        });

        it('has a description and messages in zh-cn and en with the same placeholders', () => {
          assertBilingual(rule.description, 'description');
          const messages = Object.entries(rule.messages);
          check(messages.length > 0, 'the rule has no messages');
          for (const [id, message] of messages) {
            assertBilingual(message, `message "${id}"`);
            assert.deepEqual(
              placeholders(message.en),
              placeholders(message['zh-cn']),
              `message "${id}": the placeholders differ between zh-cn and en`,
            );
          }
        });

        it('leaves its documentation link to the engine (no own docs)', () => {
          check(rule.docs === undefined, 'do not set `docs`: the link is derived from the ID');
        });

        it(`has a documentation page docs/rules/${rule.id}.md with the required sections`, () => {
          const page = readPage(rule.id);
          const problems = pageProblems(rule.id, rule.name, page);
          const meta = metaLine(page);
          if (meta === undefined) {
            problems.push(
              'the line "> 默认级别 / Default severity: … · 依据状态 / Status: … · 可自动修复 / Fixable: …" is missing',
            );
          } else {
            const severity = /Default severity:([^·]*)/.exec(meta)?.[1] ?? '';
            const first = /\b(error|warning|info|hint)\b/i.exec(severity)?.[1]?.toLowerCase();
            if (first !== rule.defaultSeverity)
              problems.push(
                `the page gives the default severity "${first ?? severity.trim()}", the rule "${rule.defaultSeverity}"`,
              );
            const status = /Status:([^·]*)/.exec(meta)?.[1] ?? '';
            if (!status.toLowerCase().includes(STATUS_LABELS[rule.status].en.toLowerCase()))
              problems.push(
                `the page gives the status "${status.trim()}", the rule "${STATUS_LABELS[rule.status].en}"`,
              );
            const fixable = /Fixable:(.*)$/.exec(meta)?.[1] ?? '';
            if (!new RegExp(`\\b${rule.fixable ? 'Yes' : 'No'}\\b`).test(fixable))
              problems.push(
                `the page gives Fixable "${fixable.trim()}", the rule ${rule.fixable ? 'Yes' : 'No'}`,
              );
          }
          noProblems(problems, `docs/rules/${rule.id}.md`);
        });

        it(`has fixtures in test/rules/${rule.id}/ (valid*.yaml and a case file)`, () => {
          noProblems(fixtureProblems(rule.id), `fixtures of ${rule.id}`);
        });
      });
    }
  });

  describe('reminder entries', () => {
    for (const reminder of reminders) {
      describe(reminder.id, () => {
        it('is a catalogue ID that no registered rule uses', () => {
          check(catalogue, 'the catalogue could not be read');
          const row = catalogue.get(reminder.id);
          check(row, `${reminder.id} is not an ID of reference.md §9`);
          check(
            !registeredIds.has(reminder.id),
            `${reminder.id} is both a registered rule and a reminder entry: remove it from server/src/core/rules/reminders.ts (or unregister the rule)`,
          );
          check(
            statusMatches(reminder.status, row.status),
            `status "${reminder.status}" does not appear in the catalogue's Status column: "${row.status}"`,
          );
        });

        it('says what is presented, where and why, in zh-cn and en', () => {
          assertBilingual(reminder.description, 'description');
          assertBilingual(reminder.reason, 'reason');
          check(reminder.presentedAs.length > 0, 'presentedAs is empty');
        });

        it(`has a documentation page docs/rules/${reminder.id}.md saying it is not a diagnostic`, () => {
          const page = readPage(reminder.id);
          const problems = pageProblems(reminder.id, reminder.name, page);
          if (!/not a diagnostic/i.test(page)) problems.push('the page does not say "not a diagnostic"');
          noProblems(problems, `docs/rules/${reminder.id}.md`);
        });
      });
    }
  });

  describe('catalogue coverage', () => {
    for (const id of catalogue?.keys() ?? []) {
      it(`${id} is a registered rule or a reminder entry`, () => {
        check(
          registeredIds.has(id) || reminderIds.has(id),
          `${id} is neither registered (server/src/core/rules/<family>/index.ts) nor a reminder entry (server/src/core/rules/reminders.ts)`,
        );
      });
    }
  });

  it(`${RULES_INDEX_PATH} is up to date with the generator`, () => {
    const file = path.join(REPO, RULES_INDEX_PATH);
    const wanted = renderRulesIndex(allRules, reminders);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === wanted) return;
    const a = current.split('\n');
    const b = wanted.split('\n');
    const diff = b.findIndex((text, i) => text !== a[i]);
    const line = diff < 0 ? b.length : diff;
    assert.fail(
      `${RULES_INDEX_PATH} is out of date: run npx tsx scripts/gen-rules-index.ts\n` +
        `  first difference on line ${line + 1}:\n  - ${a[line] ?? '(end of file)'}\n  + ${b[line] ?? '(end of file)'}`,
    );
  });
});
