/**
 * The `rules` command: lists the whole rule catalogue — every rule with its ID, name, default
 * severity, status and description, and the reminder entries, marked as not diagnostics — as text
 * or as one JSON object. Severities stay untranslated: they are the values `.miit95.yaml` takes.
 */
import {
  allRules,
  catalogueEntries,
  reminders,
  STATUS_LABELS,
  type CatalogueEntry,
  type Locale,
  type RuleStatus,
  type Severity,
} from '../core';
import type { OutputFormat } from './formats';
import { EXIT_OK } from './check';
import type { CliIo } from './io';

export interface RulesOptions {
  readonly format: OutputFormat;
  readonly locale: Locale;
}

export interface JsonRule {
  readonly id: string;
  readonly name: string;
  /** `diagnostic`: a rule that reports findings; `reminder`: presented elsewhere, never a finding. */
  readonly kind: 'diagnostic' | 'reminder';
  /** The default severity; null for a reminder. */
  readonly defaultSeverity: Severity | null;
  readonly status: RuleStatus;
  readonly description: string;
  /** The documentation page, relative to the extension (and repository) root. */
  readonly docs: string;
}

const REMINDER_MARK = {
  'zh-cn': '提醒项，不产生诊断',
  en: 'reminder, not a diagnostic',
} as const;

export function catalogue(): CatalogueEntry[] {
  return catalogueEntries(allRules, reminders);
}

export function toJsonRules(entries: readonly CatalogueEntry[], locale: Locale): JsonRule[] {
  return entries.map((entry) => ({
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    defaultSeverity: entry.kind === 'diagnostic' ? entry.defaultSeverity : null,
    status: entry.status,
    description: entry.description[locale],
    docs: entry.docs,
  }));
}

export function renderRulesText(entries: readonly CatalogueEntry[], locale: Locale): string {
  const idWidth = Math.max(0, ...entries.map((e) => e.id.length));
  const statusWidth = Math.max(0, ...Object.values(STATUS_LABELS).map((l) => displayWidth(l[locale])));
  const lines: string[] = [];
  for (const entry of entries) {
    const severity = entry.kind === 'diagnostic' ? entry.defaultSeverity : '-';
    const mark = entry.kind === 'reminder' ? `  (${REMINDER_MARK[locale]})` : '';
    const status = STATUS_LABELS[entry.status][locale];
    lines.push(
      `${entry.id.padEnd(idWidth)}  ${severity.padEnd('warning'.length)}  ${status}${' '.repeat(statusWidth - displayWidth(status))}  ${entry.name}${mark}`,
    );
    lines.push(`    ${entry.description[locale].replace(/\s*[\r\n]+\s*/g, ' ')}`);
  }
  const diagnostics = entries.filter((e) => e.kind === 'diagnostic').length;
  const reminderCount = entries.length - diagnostics;
  lines.push(
    locale === 'en'
      ? `${diagnostics} rules, ${reminderCount} reminders (not diagnostics). Severities can be changed in .miit95.yaml (rules: <ID>: off|info|warning|error).`
      : `共 ${diagnostics} 条规则，${reminderCount} 个提醒项（不产生诊断）。可在 .miit95.yaml 中修改级别（rules: <ID>: off|info|warning|error）。`,
  );
  return `${lines.join('\n')}\n`;
}

export function runRules(options: RulesOptions, io: CliIo): number {
  const entries = catalogue();
  io.out(
    options.format === 'json'
      ? `${JSON.stringify({ rules: toJsonRules(entries, options.locale) }, null, 2)}\n`
      : renderRulesText(entries, options.locale),
  );
  return EXIT_OK;
}

/** The width of a text in a terminal, counting CJK characters as two columns. */
function displayWidth(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1;
  return columns;
}
