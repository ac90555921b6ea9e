/**
 * The export as the VS Code command runs it, in its own bundle (dist/editor-export.js) that the
 * extension loads on the first export only: the configuration of the file (nearest `.miit95.yaml`,
 * within the workspace folder when there is one) with the user's `miit95.rules` setting on top, then
 * the same exportApplication as `miit95 export`. Keeps the core, docx and the diagram layout out of
 * the extension's activation.
 */
import { DiskConfigs } from './disk-configs';
import { exportApplication, type ExportOptions, type ExportResult } from './export-application';
import { ValidationHost } from './validation-host';

export type { ExportResult } from './export-application';

/** What the editor knows: the file and its current text, the choices made, the user's settings. */
export interface EditorExportRequest extends Pick<
  ExportOptions,
  'file' | 'text' | 'outDir' | 'zip' | 'draft' | 'overwrite' | 'copyAttachments'
> {
  /** Today's date for the date rules, `YYYY-MM-DD`; the host clock's local date by default. */
  readonly today?: string;
  /** The workspace folder holding the file, if any: the configuration lookup stops there. */
  readonly workspaceRoot?: string;
  /** The raw `miit95.rules` setting (validated here, like the server does). */
  readonly userRules: unknown;
}

export function exportForEditor(request: EditorExportRequest): Promise<ExportResult> {
  const { workspaceRoot, userRules, today, ...options } = request;
  const host = new ValidationHost({
    configs: new DiskConfigs(workspaceRoot),
    userRules,
    ...(today !== undefined ? { today } : {}),
  });
  return exportApplication(options, host);
}
