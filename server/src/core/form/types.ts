/**
 * The form view's data (issue 14): the model the server builds from a parsed application (pages per
 * material, fields with their widget, value, help and findings, the live figures) and the edits a
 * form sends back. Plain data only, already localized, so that it crosses the LSP connection and the
 * webview's message channel as it is; editor-protocol.ts re-exports these types for the client.
 */
import type { DataPath, Severity } from '../types';

/** How a field is edited. Lists and objects hold other fields. */
export type FormWidget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'date'
  | 'boolean'
  | 'enum'
  | 'province'
  | 'city'
  | 'carrier'
  | 'business'
  | 'number95'
  | 'object'
  | 'list';

/** A scalar as YAML holds it. */
export type FormScalar = string | number | boolean | null;

export interface FormOption {
  readonly value: FormScalar;
  /** What the picker shows (the value, with its code or English name where that helps). */
  readonly label: string;
}

/** A quick fix offered on a finding, applied by a `fix` edit with its index. */
export interface FormFix {
  readonly index: number;
  readonly title: string;
}

/** A finding on a field, as the Problems view shows it (same message, same language). */
export interface FormFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The finding's own data path (a `fix` edit names it). */
  readonly path: DataPath;
  readonly fixes: readonly FormFix[];
}

/** A place in the text: 0-based line, UTF-16 character (LSP-shaped). */
export interface FormPosition {
  readonly line: number;
  readonly character: number;
}

export interface FormField {
  /** The field's JSON Pointer: its identity in the page. */
  readonly id: string;
  readonly path: DataPath;
  /** The property name, or the 1-based item number of a list item. */
  readonly key: string;
  /** The schema title in the model's language, else the key. */
  readonly label: string;
  /** The schema description. */
  readonly help?: string;
  /** The schema's first example, as YAML would show it. */
  readonly example?: string;
  /** The unit the title names (元, 秒, 次/小时…), for number fields. */
  readonly unit?: string;
  readonly widget: FormWidget;
  /** Required by the schema whatever the data. */
  readonly required: boolean;
  /** The property exists in the file. */
  readonly present: boolean;
  /** The scalar value of a leaf field (absent when the property is). */
  readonly value?: FormScalar;
  /**
   * False when the file holds something the widget cannot show faithfully (a list where a text is
   * expected, an alias…): the form then shows it as text and leaves it to the YAML editor.
   */
  readonly editable: boolean;
  /** The file's value as text, when it is not editable here. */
  readonly raw?: string;
  /** The values a picker offers (enum, provinces, cities, carriers, businesses). */
  readonly options?: readonly FormOption[];
  /** What limits the options ("licence coverage", "cities of 浙江省"), shown under the picker. */
  readonly optionsNote?: string;
  /** Live facts of a value (a candidate's segment, length and annual fee). */
  readonly facts?: readonly string[];
  /** Object: its properties in schema order (present ones and required ones). */
  readonly children?: readonly FormField[];
  /** Object: optional properties not in the file, offered as "add" buttons. */
  readonly addable?: readonly { readonly key: string; readonly label: string }[];
  /** List: its items. */
  readonly items?: readonly FormField[];
  /** The field may be removed (an optional property, a list item, an unknown property). */
  readonly removable: boolean;
  /** Where "show in YAML" goes: the value, or the nearest existing parent for a missing property. */
  readonly at?: FormPosition;
  readonly findings: readonly FormFinding[];
}

export type FormPageStatus = 'complete' | 'errors' | 'missing';

/** One page of the form: a material (1–12), or the general part (number 0: date, outbound calls). */
export interface FormPage {
  readonly number: number;
  readonly title: string;
  readonly status: FormPageStatus;
  readonly errors: number;
  readonly warnings: number;
  readonly fields: readonly FormField[];
}

/** Figures that follow every edit: completeness, the Erlang C seats, each candidate's fee. */
export interface FormFigures {
  readonly complete: number;
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
  /** "需要 ≥ 66 席以达到 80/20", with the planned seats; absent while the forecast is unusable. */
  readonly seats?: { readonly required: number; readonly planned?: number; readonly label: string };
  /** Each candidate: number, digits and annual fee text ("¥…/年"), or why it has none. */
  readonly fees: readonly { readonly number: string; readonly text: string }[];
}

export interface FormModel {
  readonly locale: 'zh-cn' | 'en';
  /**
   * False while the text does not parse (YAML syntax errors, no mapping at the root): the form is
   * then read-only and shows `syntaxError`.
   */
  readonly editable: boolean;
  readonly syntaxError?: { readonly message: string; readonly at: FormPosition };
  readonly pages: readonly FormPage[];
  readonly figures: FormFigures;
  /** Findings on no field (the document as a whole, apiVersion…). */
  readonly otherFindings: readonly FormFinding[];
}

/** An edit the form asks for; the server turns it into a minimal text edit. */
export type FormEdit =
  /** Sets a scalar (inserting the property, and missing parents, when it is absent). */
  | { readonly kind: 'set'; readonly path: DataPath; readonly value: FormScalar }
  /** Adds an optional property `key` to the object at `path`, with the schema's placeholder. */
  | { readonly kind: 'addProperty'; readonly path: DataPath; readonly key: string }
  /** Appends a new item (the schema's placeholder) to the list at `path`. */
  | { readonly kind: 'addItem'; readonly path: DataPath }
  /** Removes a property or a list item. */
  | { readonly kind: 'remove'; readonly path: DataPath }
  /** Moves item `from` of the list at `path` to index `to`. */
  | { readonly kind: 'move'; readonly path: DataPath; readonly from: number; readonly to: number }
  /** Applies quick fix `index` of the finding `code` on `path` (as the current text reports it). */
  | { readonly kind: 'fix'; readonly code: string; readonly path: DataPath; readonly index: number };
