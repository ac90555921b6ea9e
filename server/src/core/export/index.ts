/**
 * The export model's public entry: builds what the submission package says (documents, checklist,
 * diagram graph, manifest) from the application data, its findings and suppressions. Pure; the
 * node-side writer is server/src/node/export/.
 */
import type { DataPath } from '../types';
import { attachmentPaths } from '../rules/documents/attachments-exist';
import { at } from './format';

export * from './types';
export { buildExportModel, packageBaseName } from './build';
export type { ExportInput } from './build';
export { buildDiagram } from './diagram';
export { MATERIALS, materialOf } from './materials';
export { MATERIAL_STATUS_LABELS, attachmentFinding } from './checklist';
export { REVIEW_WORKING_DAYS } from '../checks/working-days';
export { PLEDGE_COMMITMENTS, PLEDGE_TEMPLATE_NOTE } from './pledge-letter';

/** Every attachment path written in the application (the R-DOCS-001 fields and the network diagram). */
export function attachmentsToCopy(app: unknown): { readonly path: DataPath; readonly value: string }[] {
  const found: { path: DataPath; value: string }[] = attachmentPaths(app).map((a) => ({
    path: a.path,
    value: a.value,
  }));
  const diagram = at(app, 'tech', 'network_diagram', 'file');
  if (typeof diagram === 'string') found.push({ path: ['tech', 'network_diagram', 'file'], value: diagram });
  return found.filter((a) => a.value.trim() !== '');
}
