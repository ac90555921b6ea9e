/**
 * The public entry of the pure core: everything the server, the CLI and the tests may use.
 * Nothing here touches the file system, the process or an editor API.
 */
export * from './types';
export { validate, validateDocument, compareFindings } from './service';
export type { ValidateOptions, ValidationResult } from './service';
export type { FileKind, FileProbe } from './files';
export { LineIndex } from './document/line-index';
export { localDate } from './local-date';
export type { Position } from './document/line-index';

// Document layer: parse once, locate paths, name paths.
export { parseApplication, MAX_ALIAS_COUNT } from './document/parse';
export type { ParsedDocument, ParseIssue, ParseIssueCode } from './document/parse';
export { locate, walkPath, rootHead, headRange, valueRange } from './document/locate';
export type { Location, NodeWalk, LocatableDocument } from './document/locate';
export { decodePointer, encodePointer, displayPath } from './document/pointer';
export { syntaxFindings } from './document/syntax';

// Schema layer.
export {
  getApplicationValidator,
  createSchemaValidator,
  titleAt,
  allowedProperties,
  exampleAt,
  APPLICATION_SCHEMAS,
  APPLICATION_SCHEMA_ID,
  SCHEMA_BASE_URI,
} from './schema/registry';
export type { SchemaValidator, SchemaNode } from './schema/registry';
export { schemaFindings } from './schema/findings';
export { closestMatch, editDistance } from './schema/suggest';

// Typed reads of the unvalidated plain data.
export {
  get,
  getString,
  getNumber,
  getBoolean,
  getArray,
  getRecord,
  getText,
  isRecord,
} from './document/data-access';

// Rules.
export { defineRule, RULE_ID_PATTERN, RULE_NAME_PATTERN } from './rules/define-rule';
export type {
  RuleModule,
  RuleContext,
  RuleReport,
  RuleStatus,
  RelatedReport,
  MessageParam,
} from './rules/define-rule';
export { runRules, render } from './rules/engine';
export type { RuleSeverityOverrides, RunRulesOptions } from './rules/engine';
export { allRules } from './rules/index';
export {
  ruleDocsPath,
  RULE_DOCS_FOLDER,
  CONFIG_DOCS_PATH,
  catalogueEntries,
  compareRuleIds,
  CATALOGUE_FAMILIES,
  STATUS_LABELS,
  SEVERITY_LABELS,
} from './rules/docs';
export type { CatalogueEntry } from './rules/docs';
export { reminders, reminderById, PRESENTATION_LABELS } from './rules/reminders';
export type { ReminderEntry, ReminderPresentation } from './rules/reminders';

// Configuration (`.miit95.yaml`).
export { DEFAULT_THRESHOLDS, meets } from './config/thresholds';
export type { Thresholds, Comparison } from './config/thresholds';
export {
  DEFAULT_CONFIG,
  RULE_PACKS,
  LATEST_RULE_PACK,
  CONFIGURED_SEVERITIES,
  mergeSeverities,
  parseSeverityOverrides,
  resolveRulePack,
  isConfiguredSeverity,
} from './config/config';
export type { ResolvedConfig, ConfiguredSeverity } from './config/config';
export { loadConfig, validateConfig, isConfigFileName, CONFIG_FILE_NAMES } from './config/load';
export type { LoadedConfig, LoadConfigOptions } from './config/load';
export { getConfigValidator, CONFIG_SCHEMA, CONFIG_SCHEMA_ID } from './config/schema';

// Suppression comments.
export { applySuppressions, parseDirectives } from './suppressions';
export type {
  Suppression,
  SuppressionScope,
  Directive,
  SuppressionOptions,
  SuppressionOutcome,
} from './suppressions';
export type * from './model';

// Fixes: fix intents → offset text edits (quick fixes, fix-all, suppression comments).
export { applyEdits, normalizeEdits, editsConflict } from './fixes/text-edit';
export type { TextEdit } from './fixes/text-edit';
export { intentEdits, intentsEdits, schemaOrder } from './fixes/apply-intent';
export type { FixOptions } from './fixes/apply-intent';
export { planFixAll, safeIntentOf } from './fixes/fix-all';
export type { FixAllPlan, PlannedFix } from './fixes/fix-all';
export { groupFixesFor } from './fixes/group';
export type { GroupFix } from './fixes/group';
export { suppressionFix, REASON_PLACEHOLDER } from './fixes/suppress';
export type { SuppressionFix } from './fixes/suppress';
export { markSafe, isSafeIntent } from './fixes/safety';
export { placeholderFor, PLACEHOLDER_MARK } from './schema/placeholder';

// Editor features: completion, hover, outline, folding.
export * from './features/index';
export * from './form/index';
