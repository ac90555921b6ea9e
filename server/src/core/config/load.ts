/**
 * Reads a `.miit95.yaml` text into a ResolvedConfig plus the findings to show in that file, with the
 * same parser, locator and schema mapping as the applications. Owns the policy for broken input:
 * a YAML syntax error voids the whole file (defaults apply, since the parser's guess of the data may
 * be wrong); a schema error voids only the value it concerns; unknown rule IDs and rule packs are
 * reported with a "did you mean" and ignored. The text is data only: plain YAML 1.2 core schema, no
 * tags, no includes, nothing that runs code. Never throws.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import type { DataPath, Finding, FixIntent, LocalizedText, Severity, Target } from '../types';
import { firstLineRange, locate } from '../document/locate';
import { parseApplication, type ParsedDocument } from '../document/parse';
import { encodePointer } from '../document/pointer';
import { syntaxFindings } from '../document/syntax';
import { mapSchemaErrors } from '../schema/findings';
import { closestMatch } from '../schema/suggest';
import type { RuleModule } from '../rules/define-rule';
import { RULE_ID_PATTERN } from '../rules/define-rule';
import { CONFIG_DOCS_PATH } from '../rules/docs';
import { allRules } from '../rules/index';
import { reminderById } from '../rules/reminders';
import { compareFindings, withoutSyntaxShadow, type ValidationResult } from '../service';
import {
  DEFAULT_CONFIG,
  RULE_PACKS,
  isConfiguredSeverity,
  resolveRulePack,
  type ConfiguredSeverity,
  type ResolvedConfig,
} from './config';
import { getConfigValidator } from './schema';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';

/** The file names of the configuration, in order of preference within one folder. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.miit95.yaml', '.miit95.yml'];

export interface LoadConfigOptions {
  /** The rules whose IDs `rules:` may name; all registered rules by default (tests pass their own). */
  readonly rules?: readonly RuleModule[];
}

export interface LoadedConfig {
  /** The configuration to validate with: the file's valid values over the defaults. */
  readonly config: ResolvedConfig;
  /** Findings in the configuration file itself, sorted by position. */
  readonly findings: readonly Finding[];
  /** The parsed configuration (absent if parsing failed). */
  readonly document?: ParsedDocument;
}

/** Reads a `.miit95.yaml` text. Never throws; a broken file yields findings and the defaults. */
export function loadConfig(text: string, options: LoadConfigOptions = {}): LoadedConfig {
  let parsed: ParsedDocument;
  try {
    parsed = parseApplication(text);
  } catch (error) {
    return { config: DEFAULT_CONFIG, findings: [internalFinding(text, error)] };
  }
  try {
    const { config, findings } = readConfig(parsed, options.rules ?? allRules);
    return { config, findings: findings.sort(compareFindings), document: parsed };
  } catch (error) {
    return { config: DEFAULT_CONFIG, findings: [internalFinding(text, error)], document: parsed };
  }
}

/**
 * Validates a `.miit95.yaml` text for the editor and the CLI: the findings to show in that file, in
 * the shape `validate` returns for applications. Never throws.
 */
export function validateConfig(text: string, options: LoadConfigOptions = {}): ValidationResult {
  const loaded = loadConfig(text, options);
  return {
    findings: loaded.findings,
    ...(loaded.document !== undefined ? { document: loaded.document } : {}),
    suppressions: [],
  };
}

/** True for a file name that is a miit95 configuration (`.miit95.yaml`, `.miit95.yml`). */
export function isConfigFileName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(name.toLowerCase());
}

function readConfig(
  parsed: ParsedDocument,
  rules: readonly RuleModule[],
): { config: ResolvedConfig; findings: Finding[] } {
  // An empty (or comment-only) configuration is fine: every default applies.
  const syntax = syntaxFindings(parsed).filter((f) => f.code !== 'yaml/EMPTY_DOCUMENT');
  const broken = syntax.some((f) => f.severity === 'error' && f.code.startsWith('yaml/'));
  if (!parsed.hasRoot) return { config: DEFAULT_CONFIG, findings: syntax };

  const validator = getConfigValidator();
  // The rules map's key pattern is checked below, with a suggestion, instead of by the schema.
  const errors = validator
    .validate(parsed.value)
    .filter((error) => !error.schemaPath.startsWith('#/properties/rules/propertyNames'));
  const reader = new Reader(parsed, errors);
  const data: Finding[] = mapSchemaErrors(parsed, validator, errors).map(withDocs);

  const severities = reader.severities(rules, data);
  const thresholds = reader.thresholds(data);
  const rulePack = reader.rulePack(data);
  const findings = [...syntax, ...withoutSyntaxShadow(parsed, syntax, data)];
  if (broken) return { config: DEFAULT_CONFIG, findings };
  return { config: { severities, thresholds, rulePack }, findings };
}

/** Reads the values the schema accepted, reporting what the schema cannot know. */
class Reader {
  private readonly bad: readonly string[];

  constructor(
    private readonly parsed: ParsedDocument,
    errors: readonly ErrorObject[],
  ) {
    this.bad = errors.map((error) => error.instancePath);
  }

  /** The value at `path` when the schema reported nothing at or below it. */
  private value(path: DataPath): unknown {
    const pointer = encodePointer(path);
    if (this.bad.some((bad) => bad === pointer || bad.startsWith(`${pointer}/`))) return undefined;
    return this.raw(path);
  }

  /** The value at `path` whatever the schema said (for containers whose entries are checked one by one). */
  private raw(path: DataPath): unknown {
    let current: unknown = this.parsed.value;
    for (const segment of path) {
      if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = current[segment];
    }
    return current;
  }

  private has(path: DataPath): boolean {
    return this.value(path) !== undefined;
  }

  private integer(path: DataPath): number | undefined {
    const value = this.value(path);
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  }

  private number(path: DataPath): number | undefined {
    const value = this.value(path);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  severities(rules: readonly RuleModule[], findings: Finding[]): Record<string, ConfiguredSeverity> {
    const result: Record<string, ConfiguredSeverity> = {};
    const map = this.raw(['rules']);
    if (!isRecord(map)) return result;
    const known = rules.map((rule) => rule.id);
    const present = new Set(Object.keys(map));
    for (const id of Object.keys(map)) {
      const path = ['rules', id];
      if (known.includes(id)) {
        const severity = this.value(path);
        if (isConfiguredSeverity(severity)) result[id] = severity;
        continue;
      }
      const reminder = reminderById(id);
      if (reminder !== undefined) {
        findings.push(
          this.finding('config/not-a-diagnostic', 'warning', path, 'key', {
            'zh-cn': `${id}（${reminder.name}）是提醒项，不产生诊断，设置其级别不起作用`,
            en: `${id} (${reminder.name}) is a reminder, not a diagnostic: setting its severity has no effect`,
          }),
        );
        continue;
      }
      const suggestion = closestMatch(id, known, present);
      const fixes: FixIntent[] = [];
      if (suggestion !== undefined) {
        fixes.push({
          kind: 'renameKey',
          path,
          newKey: suggestion,
          title: { 'zh-cn': `将“${id}”改为“${suggestion}”`, en: `Rename "${id}" to "${suggestion}"` },
        });
      }
      fixes.push({
        kind: 'removeProperty',
        path,
        title: { 'zh-cn': `删除“${id}”`, en: `Remove "${id}"` },
      });
      const shape = RULE_ID_PATTERN.test(id)
        ? { 'zh-cn': '', en: '' }
        : { 'zh-cn': '（规则 ID 形如 R-COVERAGE-003）', en: ' (rule IDs look like R-COVERAGE-003)' };
      const hint =
        suggestion !== undefined
          ? {
              'zh-cn': `，该设置被忽略。是否应为“${suggestion}”？`,
              en: `; the setting is ignored. Did you mean "${suggestion}"?`,
            }
          : { 'zh-cn': '，该设置被忽略', en: '; the setting is ignored' };
      findings.push(
        this.finding(
          'config/unknown-rule',
          'error',
          path,
          'key',
          {
            'zh-cn': `未知的规则 ID“${id}”${shape['zh-cn']}${hint['zh-cn']}`,
            en: `Unknown rule ID "${id}"${shape.en}${hint.en}`,
          },
          suggestion,
          fixes,
        ),
      );
    }
    return result;
  }

  thresholds(findings: Finding[]): Thresholds {
    const d = DEFAULT_THRESHOLDS;
    const t = ['thresholds'];
    const comparison = this.value([...t, 'coverage', 'comparison']);
    let extension = {
      maxLength: this.integer([...t, 'extension', 'max_length']) ?? d.extension.maxLength,
      absoluteMaxLength:
        this.integer([...t, 'extension', 'absolute_max_length']) ?? d.extension.absoluteMaxLength,
    };
    if (extension.maxLength > extension.absoluteMaxLength) {
      const own = this.has([...t, 'extension', 'max_length']);
      findings.push(
        this.finding(
          'config/threshold-order',
          'error',
          [...t, 'extension', own ? 'max_length' : 'absolute_max_length'],
          'value',
          {
            'zh-cn': `常规最大位长（${extension.maxLength}）不能大于绝对最大位长（${extension.absoluteMaxLength}），两者均按默认值 ${d.extension.maxLength}/${d.extension.absoluteMaxLength} 处理`,
            en: `The regular maximum length (${extension.maxLength}) cannot exceed the absolute maximum length (${extension.absoluteMaxLength}); both fall back to the defaults ${d.extension.maxLength}/${d.extension.absoluteMaxLength}`,
          },
        ),
      );
      extension = { ...d.extension };
    }
    return {
      coverage: {
        minProvinces: this.integer([...t, 'coverage', 'min_provinces']) ?? d.coverage.minProvinces,
        minCities: this.integer([...t, 'coverage', 'min_cities']) ?? d.coverage.minCities,
        comparison: comparison === '>' || comparison === '>=' ? comparison : d.coverage.comparison,
      },
      scheduleMonths: this.integer([...t, 'schedule_months']) ?? d.scheduleMonths,
      extension,
      licenceMinRemainingYears:
        this.integer([...t, 'licence_min_remaining_years']) ?? d.licenceMinRemainingYears,
      renewalNoticeDays: this.integer([...t, 'renewal_notice_days']) ?? d.renewalNoticeDays,
      penaltyRecentYears: this.integer([...t, 'penalty_recent_years']) ?? d.penaltyRecentYears,
      preparationShifts: this.number([...t, 'preparation_shifts']) ?? d.preparationShifts,
    };
  }

  rulePack(findings: Finding[]): string {
    const path = ['rule_pack'];
    const name = this.value(path);
    if (typeof name !== 'string') return DEFAULT_CONFIG.rulePack;
    const resolved = resolveRulePack(name);
    if (resolved !== undefined) return resolved;
    const suggestion = closestMatch(name, RULE_PACKS);
    const known = RULE_PACKS.join(', ');
    findings.push(
      this.finding(
        'config/unknown-rule-pack',
        'error',
        path,
        'value',
        {
          'zh-cn': `未知的规则包“${name}”（可用：${known}）${suggestion !== undefined ? `，是否应为“${suggestion}”？` : ''}已按 latest 检查`,
          en: `Unknown rule pack "${name}" (known: ${known})${suggestion !== undefined ? `. Did you mean "${suggestion}"?` : '.'} Checking with latest`,
        },
        suggestion,
        suggestion !== undefined
          ? [
              {
                kind: 'replaceValue',
                path,
                value: suggestion,
                title: { 'zh-cn': `改为“${suggestion}”`, en: `Change to "${suggestion}"` },
              },
            ]
          : [],
      ),
    );
    return DEFAULT_CONFIG.rulePack;
  }

  private finding(
    code: string,
    severity: Severity,
    path: DataPath,
    target: Target,
    message: LocalizedText,
    suggestion?: string,
    fixes: readonly FixIntent[] = [],
  ): Finding {
    const location = locate(this.parsed, path, target);
    return {
      code,
      severity,
      message,
      range: location.range,
      data: {
        path,
        ...(suggestion !== undefined ? { suggestion } : {}),
        ...(fixes.length > 0 ? { fixes } : {}),
      },
      docs: CONFIG_DOCS_PATH,
    };
  }
}

function withDocs(finding: Finding): Finding {
  return { ...finding, docs: CONFIG_DOCS_PATH };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function internalFinding(text: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal/config-error',
    severity: 'error',
    message: {
      'zh-cn': `读取配置文件时发生内部错误，已使用默认配置：${detail}`,
      en: `Reading the configuration failed with an internal error; the defaults apply: ${detail}`,
    },
    range: firstLineRange(text),
    data: { path: [], extra: { error: detail } },
  };
}
