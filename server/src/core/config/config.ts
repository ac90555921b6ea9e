/**
 * The resolved configuration of a validation run — rule severities, thresholds, rule pack — with its
 * defaults, the known rule packs, and the helpers that combine severity maps (the `.miit95.yaml`
 * file, then the per-user editor setting on top). Owns the shape and the merging; reading the file
 * is load.ts, the values' meaning is the rules'.
 */
import type { Severity } from '../types';
import type { RuleSeverityOverrides } from '../rules/engine';
import { RULE_ID_PATTERN } from '../rules/define-rule';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';

/** The severities a configuration may give a rule (`off` disables it). */
export type ConfiguredSeverity = 'off' | 'info' | 'warning' | 'error';
export const CONFIGURED_SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'info', 'warning', 'error'];

/** The editions of the rule catalogue. `latest` resolves to the newest. */
export const RULE_PACKS: readonly string[] = ['latest', '2026-11'];
/** The newest rule pack, what `latest` means. */
export const LATEST_RULE_PACK = '2026-11';

/** What a validation run is configured with. */
export interface ResolvedConfig {
  /** Severity per rule ID; rules not listed keep their default severity. */
  readonly severities: RuleSeverityOverrides;
  readonly thresholds: Thresholds;
  /** The concrete rule pack (never `latest`: that is resolved to the newest). */
  readonly rulePack: string;
}

/** The configuration without a `.miit95.yaml`. */
export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  severities: Object.freeze({}),
  thresholds: DEFAULT_THRESHOLDS,
  rulePack: LATEST_RULE_PACK,
});

/** The concrete rule pack of a configured name, or undefined for an unknown name. */
export function resolveRulePack(name: string): string | undefined {
  if (name === 'latest') return LATEST_RULE_PACK;
  return RULE_PACKS.includes(name) ? name : undefined;
}

/**
 * Severity maps combined: `override` wins per rule ID, `base` supplies the rest. Neither input is
 * modified. Use it to apply the per-user editor setting (`miit95.rules`) on top of the file's
 * configuration: `{ ...config, severities: mergeSeverities(config.severities, userRules) }`.
 */
export function mergeSeverities(
  base: RuleSeverityOverrides | undefined,
  override: RuleSeverityOverrides | undefined,
): RuleSeverityOverrides {
  const merged: Record<string, Severity | 'off'> = {};
  for (const source of [base, override]) {
    if (source === undefined) continue;
    for (const id of Object.keys(source)) {
      const value = source[id];
      if (value !== undefined) merged[id] = value;
    }
  }
  return merged;
}

/**
 * Keeps the valid entries of an untrusted severity map (the editor setting arrives as plain JSON):
 * keys shaped like a rule ID, values `off`/`info`/`warning`/`error`. Anything else is dropped.
 */
export function parseSeverityOverrides(value: unknown): RuleSeverityOverrides {
  const result: Record<string, ConfiguredSeverity> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return result;
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    if (RULE_ID_PATTERN.test(id) && isConfiguredSeverity(severity)) result[id] = severity;
  }
  return result;
}

export function isConfiguredSeverity(value: unknown): value is ConfiguredSeverity {
  return typeof value === 'string' && (CONFIGURED_SEVERITIES as readonly string[]).includes(value);
}
