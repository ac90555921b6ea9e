/**
 * The small custom requests of the editor features: `miit95/revalidate` (forget every cached
 * analysis and configuration file, validate all open documents again, ask the client to refresh
 * lenses and hints) and `miit95/rules` (the catalogue — rules and reminders — for the client's rule
 * picker, in the server's locale). Protocol in ../editor-protocol.ts.
 */
import { allRules, catalogueEntries, reminders, type Locale } from '../core';
import type { RevalidateResult, RuleListItem } from '../editor-protocol';
import { clearConfigCache } from '../node/find-config';

export interface RevalidateHost {
  readonly analyses: { invalidateAll(): void };
  readonly diagnostics: { revalidateAll(): void };
  readonly documents: { all(): readonly unknown[] };
  /** Asks the client to re-request code lenses and inlay hints; a client without support rejects. */
  readonly refresh?: () => Promise<unknown>;
}

export function revalidate(host: RevalidateHost): RevalidateResult {
  clearConfigCache(); // `.miit95.yaml` files are read again from disk
  host.analyses.invalidateAll();
  host.diagnostics.revalidateAll();
  host.refresh?.().catch(() => undefined);
  return { documents: host.documents.all().length };
}

export function ruleList(locale: Locale): RuleListItem[] {
  return catalogueEntries(allRules, reminders).map((entry) => ({
    id: entry.id,
    name: entry.name,
    description: entry.description[locale],
    kind: entry.kind,
    docs: entry.docs,
  }));
}
