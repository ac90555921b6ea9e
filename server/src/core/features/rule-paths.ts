/**
 * Which domain rules look at which field, for hovers ("rules that apply here") and the
 * documentation: a table from path patterns to rule IDs derived from the rules' own `fields`
 * declarations (RuleModule.fields), so a rule author edits only the rule. Patterns are dotted keys
 * with `*` for any item index (`usage.area.*.province`). test/unit/features/rule-paths.test.ts keeps
 * the declarations honest: every registered rule declares fields, and every finding of the rule
 * fixtures lands on a declared pattern (or below one). Owns no rule logic.
 */
import type { DataPath } from '../types';
import type { RuleModule } from '../rules/define-rule';
import { allRules } from '../rules/index';

/**
 * Path pattern → the rules that check it, in catalogue (registry) order: each rule's own `fields`
 * declaration, gathered from the registry.
 */
export const RULE_PATHS: Readonly<Record<string, readonly string[]>> = rulePathsOf(allRules);

/** The path → rules table of `rules`, built from their `fields` declarations. */
export function rulePathsOf(rules: readonly RuleModule[]): Readonly<Record<string, readonly string[]>> {
  const table = new Map<string, string[]>();
  for (const rule of rules)
    for (const field of rule.fields) {
      const ids = table.get(field);
      if (ids === undefined) table.set(field, [rule.id]);
      else if (!ids.includes(rule.id)) ids.push(rule.id);
    }
  return Object.fromEntries(table);
}

/** The pattern of a data path: keys joined by dots, item indices as `*`. */
export function pathPattern(path: DataPath): string {
  return path.map((s) => (typeof s === 'number' || /^(?:0|[1-9]\d*)$/.test(s) ? '*' : s)).join('.');
}

/**
 * The rules that check the field at `path`: its own entry, or else the nearest parent's (a field
 * without rules of its own is covered by its section's).
 */
export function rulesAt(path: DataPath): readonly string[] {
  for (let n = path.length; n > 0; n--) {
    const rules = RULE_PATHS[pathPattern(path.slice(0, n))];
    if (rules !== undefined) return rules;
  }
  return [];
}

/**
 * Every rule listed for `path` or any of its parents in `table` (the registry's by default; used to
 * check the declarations against findings).
 */
export function rulesCovering(
  path: DataPath,
  table: Readonly<Record<string, readonly string[]>> = RULE_PATHS,
): Set<string> {
  const out = new Set<string>();
  for (let n = path.length; n >= 0; n--)
    for (const id of table[pathPattern(path.slice(0, n))] ?? []) out.add(id);
  return out;
}
