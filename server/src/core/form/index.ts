/** The form view's core (issue 14): the form model of a document and form edits as text edits. */
export { buildFormModel } from './model';
export type { FormModelInput } from './model';
export { formEditEdits, formEditIntent } from './edit';
export type * from './types';
