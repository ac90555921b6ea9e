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
