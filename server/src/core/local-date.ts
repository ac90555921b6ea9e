/**
 * The calendar date the date rules read (`YYYY-MM-DD`): a moment as the machine's local time zone
 * shows it, the day the user sees. Pure — the moment comes from the host's clock
 * (host/validation-host.ts), so the editor, the CLI and the tests agree on date-dependent findings.
 */

/** The local calendar date of `now` as `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
