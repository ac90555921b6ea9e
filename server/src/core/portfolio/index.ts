/**
 * The portfolio of a workspace (issue 15): per-application summaries, deadlines, the iCalendar
 * export and the next application from an existing one. Pure, like the rest of the core.
 */
export * from './deadlines';
export * from './summary';
export * from './ics';
export * from './next-application';
