/**
 * The fee preview's strings in VS Code's display language (l10n; English in code, translations in
 * l10n/bundle.l10n.zh-cn.json), and the locale of the model's own bilingual notes, chosen to match.
 */
import * as vscode from 'vscode';
import type { Locale } from '../../../server/src/editor-protocol';
import { resolveBundlePath, t } from '../l10n';
import type { FeePreviewLabels } from './protocol';

/**
 * 'en' for an English display language; 'zh-cn' when the Chinese bundle is in use; else 'en', so
 * that the notes are in the same language as the labels around them.
 */
export function previewLocale(extensionPath: string, language: string = vscode.env.language): Locale {
  const lang = language.toLowerCase();
  if (lang === 'en' || lang.startsWith('en-')) return 'en';
  return resolveBundlePath(extensionPath, lang) !== undefined ? 'zh-cn' : 'en';
}

export function previewTitle(fileName: string): string {
  return t('Fee Preview: {0}', fileName);
}

export function previewLabels(): FeePreviewLabels {
  return {
    heading: t('95 number occupation fees'),
    asOf: t('as of {0}'),
    loading: t('Computing the fees…'),
    unconfirmed: t('Not confirmed'),
    confirmed: t('Confirmed'),
    rateDetails: t('Rates and their source'),
    blockedOne: t('Blocked by 1 error'),
    blockedMany: t('Blocked by {0} errors'),
    blockedHelp: t(
      'The candidate numbers, the billing start or the licence validity have errors. Fix them to see the fees:',
    ),
    candidate: t('Candidate'),
    segment: t('Segment'),
    digits: t('digits'),
    annualFee: t('Annual fee'),
    monthly: t('Monthly accrual'),
    perYear: t('a year'),
    perMonth: t('a month'),
    preference: t('Choice {0}'),
    notPriced: t('No rate'),
    reasonSegment: t('not a segment a call centre can apply for'),
    reasonLength: t('wrong length for its segment'),
    reasonNotANumber: t('not a number'),
    billing: t('Billing period'),
    billingStart: t('Billing start'),
    assumed: t('assumed'),
    validUntil: t('Licence valid until'),
    billedMonths: t('Billed months within the validity'),
    firstYear: t('First-year payments'),
    firstYearHelp: t(
      'Accrued monthly, paid quarterly: each quarter is due by the 10th of the first month of the next quarter.',
    ),
    quarter: t('Quarter'),
    months: t('Months'),
    dueBy: t('Due by'),
    total: t('Total'),
    yearly: t('Yearly cost within the licence validity'),
    year: t('Year'),
    overValidity: t('Over the validity'),
    chartLabel: t('Yearly cost by number length'),
    series: t('{0} digits ({1})'),
    comparison: t('6 digits against 5 digits'),
    comparisonLine: t('{0} costs {1} a year; {2} costs {3} a year.'),
    savingPerYear: t('Saving per year'),
    savingOverValidity: t('Saving over the validity ({0} months)'),
    anySix: t('a 6-digit number (952XXX)'),
    anyFive: t('a 5-digit number (950XX/951XX)'),
    notes: t('Notes'),
    clickHint: t('Click a figure to show the line it comes from.'),
  };
}
