/**
 * Completion values for dates (beside dates.ts): today and the application date, the application
 * date first for the pledge.
 */
import { getString } from '../document/data-access';
import { t } from '../features/field-docs';
import type { CompletionContext as Context, ValueCandidate } from '../features/value-provider';

export function dateCandidates(pattern: string, context: Context): ValueCandidate[] {
  const { data, locale, today } = context;
  const out: ValueCandidate[] = [];
  const applicationDate = getString(data, ['application', 'date']);
  const appOk =
    applicationDate !== undefined &&
    /^\d{4}-\d{2}-\d{2}$/.test(applicationDate) &&
    pattern !== 'application.date';
  const appFirst = pattern === 'pledge.date';
  if (appOk && appFirst)
    out.push({
      label: applicationDate,
      kind: 'value',
      bucket: 0,
      detail: t(locale, '申请日期', 'application date'),
    });
  if (today !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(today) && !(appOk && today === applicationDate))
    out.push({ label: today, kind: 'value', bucket: 1, detail: t(locale, '今天', 'today') });
  if (appOk && !appFirst)
    out.push({
      label: applicationDate,
      kind: 'value',
      bucket: 2,
      detail: t(locale, '申请日期', 'application date'),
    });
  if (appOk && today === applicationDate && out.length === 1 && !appFirst)
    out[0] = { ...out[0]!, detail: t(locale, '申请日期（今天）', 'application date (today)') };
  return out;
}
