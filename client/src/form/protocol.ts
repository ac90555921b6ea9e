/**
 * The messages between the form editor (extension side, form-session.ts) and its webview script
 * (client/webview/form.ts), and the static strings the webview shows. Types only, so the browser
 * bundle imports it without pulling in `vscode`; the form model itself comes from the one editor
 * protocol module (server/src/editor-protocol.ts).
 */
import type { FormEdit, FormModel, FormPosition } from '../../../server/src/editor-protocol';

/** Every static string of the webview, already translated by the extension (l10n). */
export interface FormLabels {
  readonly materials: string;
  readonly complete: string;
  readonly errors: string;
  readonly missing: string;
  /** '{0}' complete, '{1}' total. */
  readonly completeness: string;
  /** '{0}' errors, '{1}' warnings. */
  readonly counts: string;
  readonly seats: string;
  readonly fees: string;
  readonly required: string;
  readonly example: string;
  readonly add: string;
  /** '{0}': what is added. */
  readonly addNamed: string;
  readonly remove: string;
  readonly moveUp: string;
  readonly moveDown: string;
  readonly showInYaml: string;
  readonly openText: string;
  readonly readOnly: string;
  readonly notEditable: string;
  readonly notInOptions: string;
  readonly choose: string;
  readonly yes: string;
  readonly no: string;
  readonly otherFindings: string;
  readonly error: string;
  readonly warning: string;
  readonly info: string;
  readonly fix: string;
  readonly itemActions: string;
  readonly loading: string;
}

/** What the webview reports after each render (the real-editor tests wait on it). */
export interface FormRendered {
  readonly version: number;
  readonly page: number;
  readonly editable: boolean;
  /** The number of input controls on the page. */
  readonly controls: number;
}

export type ToWebview =
  | { readonly type: 'model'; readonly version: number; readonly model: FormModel; readonly labels: FormLabels }
  /** The form cannot show the file (server not running…). */
  | { readonly type: 'message'; readonly text: string; readonly labels: FormLabels }
  /** An edit was not made; the text says why. */
  | { readonly type: 'editFailed'; readonly text: string };

export type FromWebview =
  | { readonly type: 'ready' }
  /** A form edit on the model of `version`. */
  | { readonly type: 'edit'; readonly version: number; readonly edit: FormEdit }
  /** Show the YAML at this place. */
  | { readonly type: 'reveal'; readonly at: FormPosition }
  | { readonly type: 'rendered'; readonly summary: FormRendered };
