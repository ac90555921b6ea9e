/**
 * The one protocol module between the extension client and the language server: the custom
 * requests (method names, parameter and result types), the command IDs either side names, and the
 * core's types and pure helpers the client shares (re-exported here, so the client imports nothing
 * else of the server — lint enforces it, eslint.config.mjs). Types, constants and pure functions
 * only, so both sides (and the tests) import it without pulling in either LSP library.
 */
import type { Position } from './core/document/line-index';
import type { FeeModel } from './core/fees/model';

// ---- What the client shares with the core ----

export type { DataPath, Locale, LocalizedText } from './core/types';
export type { CandidateFees, DateFigure, FeeModel, Money } from './core/fees/model';
export { pathKey } from './core/fees/paths';
export { applicationTemplate, firstPlaceholder, templateFileName } from './core/template';
export { localDate } from './core/local-date';
// The applications view (issue 15): the summaries' types, the calendar writer, the next application.
export { icsTimestamp, renderCalendar, nextApplication, nextApplicationFileName } from './core/portfolio';
export type { ApplicationSummary, Deadline } from './core/portfolio';

/** `miit95/revalidate`: forget cached analyses and re-validate every open document. */
export const REVALIDATE_METHOD = 'miit95/revalidate';

export interface RevalidateResult {
  /** How many open documents were validated again. */
  readonly documents: number;
}

/** `miit95/rules`: every catalogue entry (rules and reminders), in catalogue order. */
export const RULES_METHOD = 'miit95/rules';

export interface RuleListItem {
  readonly id: string;
  /** The short kebab-case name. */
  readonly name: string;
  /** One sentence, in the server's locale. */
  readonly description: string;
  /** 'diagnostic' for a rule, 'reminder' for an entry shown elsewhere (code lens, hover, export). */
  readonly kind: 'diagnostic' | 'reminder';
  /** The documentation page, relative to the extension root (`docs/rules/<ID>.md`). */
  readonly docs: string;
}

/** Client commands the server's code lenses and code actions call. */
export const CLIENT_COMMANDS = {
  /** Built in: focuses the Problems view. */
  showProblems: 'workbench.actions.view.problems',
  /** Opens docs/rules/<ID>.md; argument: the rule ID. */
  openRuleDoc: 'miit95.openRuleDoc',
  /** The fee preview panel; argument: the document URI. */
  showFeePreview: 'miit95.showFeePreview',
  /** The form view beside the text; argument: the document URI. */
  openForm: 'miit95.openForm',
} as const;

// ---- The fee preview (issue 5) ----

/** `miit95/feePreview`: the fee model of an open document, from its cached analysis. */
export const FEE_PREVIEW_METHOD = 'miit95/feePreview';

export interface FeePreviewParams {
  readonly uri: string;
}

/** An LSP-shaped range: 0-based lines, UTF-16 characters. */
export interface FeeRange {
  readonly start: Position;
  readonly end: Position;
}

/** Null when the server does not have the document open or it is a configuration file. */
export interface FeePreviewResult {
  readonly uri: string;
  /** The document version the model was computed from. */
  readonly version: number;
  readonly model: FeeModel;
  /** The range of each path of the model, by `pathKey(path)` (its JSON Pointer). */
  readonly locations: Readonly<Record<string, FeeRange>>;
}

// ---- The form view (issue 14) ----

export type {
  FormEdit,
  FormField,
  FormFigures,
  FormFinding,
  FormFix,
  FormModel,
  FormOption,
  FormPage,
  FormPageStatus,
  FormPosition,
  FormScalar,
  FormWidget,
} from './core/form/types';
import type { FormEdit, FormModel, FormPosition } from './core/form/types';

/** `miit95/formModel`: the form model of an open application, from the server's one analysis. */
export const FORM_MODEL_METHOD = 'miit95/formModel';

export interface FormModelParams {
  readonly uri: string;
}

/** Null when the server does not have the document open or it is a configuration file. */
export interface FormModelResult {
  readonly uri: string;
  /** The document version the model was built from. */
  readonly version: number;
  readonly model: FormModel;
}

/**
 * `miit95/formEdit`: a form edit as the minimal text edits that carry it out, computed on the
 * document version the form showed. The client applies them as one WorkspaceEdit (so undo and redo
 * are the editor's own); the server never changes the text itself.
 */
export const FORM_EDIT_METHOD = 'miit95/formEdit';

export interface FormEditParams {
  readonly uri: string;
  /** The version the form's model was built from: a different current version rejects the edit. */
  readonly version: number;
  readonly edit: FormEdit;
}

/** An LSP-shaped text edit. */
export interface FormTextEdit {
  readonly range: { readonly start: FormPosition; readonly end: FormPosition };
  readonly newText: string;
}

export type FormEditResult =
  /** The edits to apply to `version` (empty when the file already says it). */
  | { readonly status: 'ok'; readonly version: number; readonly edits: readonly FormTextEdit[] }
  /** The document moved on since the form's model: ask for the model again. */
  | { readonly status: 'stale'; readonly version: number }
  /** The edit cannot be made safely here; `message` says why, in the server's language. */
  | { readonly status: 'rejected'; readonly message: string };

/**
 * `miit95/portfolio` (issue 15): every application of the workspace folders, summarized. The first
 * request starts the background check (on a worker thread); later ones answer from what is known.
 * Entries are the core's ApplicationSummary (core/portfolio/summary.ts), `file` being the URI.
 */
export const PORTFOLIO_METHOD = 'miit95/portfolio';
/** `miit95/portfolioChanged` (server → client): entries added or updated, files gone, progress. */
export const PORTFOLIO_CHANGED_NOTIFICATION = 'miit95/portfolioChanged';

export interface PortfolioProgress {
  /** Files summarized so far of the current check, and how many it has. */
  readonly done: number;
  readonly total: number;
  /** True while a check of the whole workspace runs. */
  readonly scanning: boolean;
}

export interface PortfolioResult<Entry> {
  /** 'YYYY-MM-DD': the day the deadlines were counted from. */
  readonly today: string;
  readonly entries: readonly Entry[];
  readonly progress: PortfolioProgress;
}

export interface PortfolioChange<Entry> {
  readonly changed: readonly Entry[];
  /** URIs of application files that are gone. */
  readonly removed: readonly string[];
  readonly progress: PortfolioProgress;
}

// ---- The export (issue 10 item 2) ----

export type { Manifest, ManifestFinding, PackageWritten } from './core/export/types';
import type { ManifestFinding, PackageWritten } from './core/export/types';
import type { LocalizedText } from './core/types';

/**
 * `miit95/export`: the submission package of an application, written by the server from the
 * document's cached analysis (the open editor's text, the configuration the Problems view uses) —
 * the same model and render steps as `miit95 export`. Atomic; never overwrites without `overwrite`.
 */
export const EXPORT_METHOD = 'miit95/export';

export interface ExportParams {
  /** The application's URI (a `file:` URI). */
  readonly uri: string;
  /** The folder (absolute path) that receives the package. */
  readonly outDir: string;
  /** One ZIP file instead of the folder. */
  readonly zip?: boolean;
  /** Export although errors remain: every document is marked "草稿". */
  readonly draft?: boolean;
  /** Replace an existing package. */
  readonly overwrite?: boolean;
  /** Whether the workspace is trusted: only then are the attachments read and copied. */
  readonly trusted: boolean;
}

export type ExportOutcome =
  /** Written: where, the manifest, and the notes for the user. */
  | PackageWritten
  /** Error findings remain and no draft was asked for: nothing was written. */
  | { readonly status: 'blocked'; readonly blocking: readonly ManifestFinding[] }
  /** The package exists and overwriting was not allowed: nothing was written. */
  | { readonly status: 'exists'; readonly target: string }
  /** The file could not be read (not open in the editor and missing, too big, not UTF-8…). */
  | { readonly status: 'unreadable'; readonly message: LocalizedText }
  /** The file holds no application data (empty, or not a YAML mapping). */
  | { readonly status: 'no-data' }
  /** Not exported: not an application file on disk, or the export time is unusable; `message` says why. */
  | { readonly status: 'refused'; readonly message: LocalizedText };
