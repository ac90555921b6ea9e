/**
 * The `miit95.rules` setting per workspace folder: it is a resource setting, so each folder of a
 * multi-root workspace may have its own value (its `.vscode/settings.json`), read with
 * workspace/configuration and a `scopeUri`. Holds the value read without a scope (user and
 * workspace settings) and one per folder; a file gets the value of the deepest folder holding it,
 * else the unscoped one (the CLI only ever sets that one). Owns only this choice; reading the
 * settings is lsp/config-sync.ts's job.
 */
import { parseSeverityOverrides, type RuleSeverityOverrides } from '../core';
import { isInside } from '../node/file-probe';

/** The overrides as plain data (for a worker thread that validates as the server does). */
export interface UserRulesSnapshot {
  readonly unscoped: RuleSeverityOverrides;
  /** Folder path and its overrides. */
  readonly byFolder: readonly (readonly [string, RuleSeverityOverrides])[];
}

export class FolderRules {
  private unscoped: RuleSeverityOverrides = {};
  private readonly byFolder = new Map<string, RuleSeverityOverrides>();

  /**
   * Replaces the values: the unscoped one and one per folder path (untrusted JSON; invalid entries
   * are dropped, folders not listed are forgotten). Returns true when anything changed.
   */
  replace(unscoped: unknown, folders: ReadonlyMap<string, unknown>): boolean {
    const before = this.fingerprint();
    this.unscoped = parseSeverityOverrides(unscoped);
    this.byFolder.clear();
    for (const [folder, value] of folders) this.byFolder.set(folder, parseSeverityOverrides(value));
    return this.fingerprint() !== before;
  }

  /** The overrides for the file at `file` (absolute path), or the unscoped ones for no file. */
  rulesFor(file: string | undefined): RuleSeverityOverrides {
    if (file === undefined) return this.unscoped;
    let best: string | undefined;
    for (const folder of this.byFolder.keys())
      if (isInside(folder, file) && (best === undefined || folder.length > best.length)) best = folder;
    return best === undefined ? this.unscoped : (this.byFolder.get(best) ?? this.unscoped);
  }

  /** The current values as plain data; `replace(s.unscoped, new Map(s.byFolder))` restores them. */
  snapshot(): UserRulesSnapshot {
    return { unscoped: { ...this.unscoped }, byFolder: [...this.byFolder].map(([f, r]) => [f, { ...r }] as const) };
  }

  private fingerprint(): string {
    const sorted = (rules: RuleSeverityOverrides): [string, string][] =>
      Object.entries(rules)
        .map(([id, severity]): [string, string] => [id, String(severity)])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify([sorted(this.unscoped), [...this.byFolder].map(([f, r]) => [f, sorted(r)]).sort()]);
  }
}
