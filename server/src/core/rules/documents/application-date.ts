/**
 * The application date the documents rules compare against: `application.date` when it is a valid
 * YYYY-MM-DD date, else today (RULES-GUIDE). Owns only that choice; date logic is checks/dates.ts.
 */
import { parseIsoDate, type CivilDate } from '../../checks/dates';
import { getString } from '../../document/data-access';

export interface ApplicationDate {
  readonly date: CivilDate;
  /** The date as written ('YYYY-MM-DD'). */
  readonly text: string;
  /** True when it comes from `application.date`, false when it is today. */
  readonly given: boolean;
}

/** `application.date` when present and valid, else `today`; undefined only if neither parses. */
export function applicationDate(app: unknown, today: string): ApplicationDate | undefined {
  const written = getString(app, ['application', 'date']);
  const fromFile = written === undefined ? undefined : parseIsoDate(written);
  if (written !== undefined && fromFile !== undefined) return { date: fromFile, text: written, given: true };
  const now = parseIsoDate(today);
  return now === undefined ? undefined : { date: now, text: today, given: false };
}
