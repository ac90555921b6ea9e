/**
 * The messages between the fee preview panel (extension side) and its webview script
 * (client/webview/fee-preview.ts), and the strings the webview shows. Types and constants only, so
 * the browser bundle imports it without pulling in `vscode`.
 */
import type { DataPath, FeeModel, Locale } from '../../../server/src/editor-protocol';

/** Every static string of the webview, already translated by the extension (l10n). */
export interface FeePreviewLabels {
  readonly heading: string;
  /** '{0}': the date. */
  readonly asOf: string;
  readonly loading: string;
  readonly unconfirmed: string;
  readonly confirmed: string;
  readonly rateDetails: string;
  /** '{0}': the number of errors. */
  readonly blockedOne: string;
  readonly blockedMany: string;
  readonly blockedHelp: string;
  readonly candidate: string;
  readonly segment: string;
  readonly digits: string;
  readonly annualFee: string;
  readonly monthly: string;
  readonly perYear: string;
  readonly perMonth: string;
  readonly preference: string;
  readonly notPriced: string;
  readonly reasonSegment: string;
  readonly reasonLength: string;
  readonly reasonNotANumber: string;
  readonly billing: string;
  readonly billingStart: string;
  readonly assumed: string;
  readonly validUntil: string;
  readonly billedMonths: string;
  readonly firstYear: string;
  readonly firstYearHelp: string;
  readonly quarter: string;
  readonly months: string;
  readonly dueBy: string;
  readonly total: string;
  readonly yearly: string;
  readonly year: string;
  readonly overValidity: string;
  readonly chartLabel: string;
  /** '{0}': the digit count, '{1}': the numbers. */
  readonly series: string;
  readonly comparison: string;
  /** '{0}' six-digit number, '{1}' its annual fee, '{2}' five-digit number, '{3}' its annual fee. */
  readonly comparisonLine: string;
  readonly savingPerYear: string;
  /** '{0}': billed months. */
  readonly savingOverValidity: string;
  readonly anySix: string;
  readonly anyFive: string;
  readonly notes: string;
  readonly clickHint: string;
}

/** Extension → webview. */
export type ToWebview =
  | {
      readonly type: 'model';
      readonly uri: string;
      readonly version: number;
      readonly fileName: string;
      readonly locale: Locale;
      readonly labels: FeePreviewLabels;
      readonly model: FeeModel;
    }
  | { readonly type: 'message'; readonly text: string; readonly labels: FeePreviewLabels };

/** What the webview rendered, as read back from its DOM (for tests and the extension API). */
export interface RenderedSummary {
  readonly uri: string;
  readonly version: number;
  /** 0 when the figures are shown; else the errors that block them. */
  readonly blockedBy: number;
  /** The heading of the blocked box, e.g. "Blocked by 2 errors". */
  readonly blockedText?: string;
  /** The candidate numbers and their annual fees, as the cards show them. */
  readonly candidates: readonly { readonly number: string; readonly annual: string }[];
  /** The whole visible text, trimmed. */
  readonly text: string;
}

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly path: DataPath }
  | { readonly type: 'rendered'; readonly summary: RenderedSummary };
