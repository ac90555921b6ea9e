/**
 * Today's date as the date rules read it (`YYYY-MM-DD`), in the local time zone of the machine —
 * the calendar day the user sees. The server and the CLI both use this, so that the editor and the
 * command line agree on the date-dependent findings.
 */

/** The local calendar date of `now` as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
