/**
 * ical.js (an ES module with a CommonJS build) for the suites, which run as CommonJS: the CommonJS
 * build, typed by the module's own declarations.
 */
type IcalModule = typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ICAL = require('ical.js') as IcalModule;
