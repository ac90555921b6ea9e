/**
 * Shared data types of the pure core: findings, ranges, paths, localized text, rule modules and fix
 * intents. Owns no behaviour; every other core module speaks in these types. Transport types (LSP,
 * CLI output) are converted from these at the edges, never used here.
 */

/** The two display languages. `zh-cn` is the default everywhere. */
export type Locale = 'zh-cn' | 'en';

/** A text in both display languages. */
export interface LocalizedText {
  readonly 'zh-cn': string;
  readonly en: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A path into the parsed data: object keys and array indices, as in a decoded JSON Pointer. */
export type DataPath = readonly (string | number)[];

/** A half-open range of UTF-16 offsets into the document text, `[start, end)`. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** Which part of a node a finding underlines. */
export type Target = 'key' | 'value' | 'node';

/** Common to every fix intent: `safe` fixes are the ones fix-all (`source.fixAll.miit95`, `miit95 fix`) applies. */
interface FixIntentBase {
  readonly safe?: boolean;
}

/**
 * A fix a rule or the schema mapping proposes, as an intent on a data path; the fixer
 * (server/src/core/fixes/) turns intents into text edits that respect YAML indentation and quoting.
 */
export type FixIntent = FixIntentBase &
  (
    | {
        readonly kind: 'replaceValue';
        readonly path: DataPath;
        readonly value: unknown;
        readonly title: LocalizedText;
      }
    | {
        readonly kind: 'insertProperty';
        readonly path: DataPath;
        readonly key: string;
        readonly value: unknown;
        readonly title: LocalizedText;
      }
    | { readonly kind: 'removeProperty'; readonly path: DataPath; readonly title: LocalizedText }
    | {
        readonly kind: 'renameKey';
        readonly path: DataPath;
        readonly newKey: string;
        readonly title: LocalizedText;
      }
    | {
        readonly kind: 'appendItem';
        readonly path: DataPath;
        readonly value: unknown;
        readonly title: LocalizedText;
      }
    | { readonly kind: 'removeItem'; readonly path: DataPath; readonly title: LocalizedText }
  );

/** What a quick fix or a hover needs to know about a finding, carried in `Diagnostic.data`. */
export interface FindingData {
  /** The data path the finding is about (empty for the whole document). */
  readonly path: DataPath;
  /** "Did you mean" suggestion for a misspelt key or enum value. */
  readonly suggestion?: string;
  /** Fix intents offered for the finding, in order of preference. */
  readonly fixes?: readonly FixIntent[];
  /** Extra values a consumer may show (e.g. the seats Erlang C requires). */
  readonly extra?: Readonly<Record<string, string | number | boolean>>;
}

/** A related location, e.g. the anchor an alias points at. */
export interface RelatedInfo {
  readonly range: OffsetRange;
  readonly message: LocalizedText;
}

/** One problem found in a document: the unit every consumer (LSP, CLI, tests) renders. */
export interface Finding {
  /** `yaml/<CODE>`, `schema/<keyword>`, a catalogue ID such as `R-COVERAGE-001`, or `internal/<what>`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: LocalizedText;
  readonly range: OffsetRange;
  readonly data: FindingData;
  readonly related?: readonly RelatedInfo[];
  /** Present when the finding comes from a rule with a documentation page. */
  readonly docs?: string;
}

/** Picks the text of a locale. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
