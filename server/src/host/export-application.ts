/**
 * Exports one application as a submission package, for `miit95 export` and for any caller that has
 * the file (and perhaps its text) but no validation yet: validates it through the caller's
 * ValidationHost (the same configuration, overrides, file probe and clock as its other
 * validations), then the model step (export-model.ts) and the render step
 * (node/export/render-package.ts). The language server runs the same two steps on its cached
 * analysis instead (handlers/export.ts). Never throws for an expected outcome: it returns what happened.
 */
import * as path from 'node:path';
import { prepareDiagramRaster } from '../node/export/diagram-raster';
import { renderPackage } from '../node/export/render-package';
import { planExport, type ExportChoices, type ExportResult } from './export-model';
import type { ValidationHost } from './validation-host';

export type { ExportResult } from './export-model';

export interface ExportOptions extends ExportChoices {
  /** The application file. */
  readonly file: string;
  /** The application text when it comes from an editor buffer (otherwise read from `file`). */
  readonly text?: string;
  /** The export time; the host's clock by default (tests fix it). */
  readonly now?: Date;
}

/** Exports the application `options.file`, validated by `host`. */
export async function exportApplication(options: ExportOptions, host: ValidationHost): Promise<ExportResult> {
  const file = path.resolve(options.file);
  // The PNG's worker compiles resvg and reads the font while the file is validated.
  prepareDiagramRaster(options.cjkFont !== undefined ? { fontFile: options.cjkFont } : {});
  const validated = host.validate(file, options.text);
  if (!validated.ok) return { status: 'unreadable', failure: validated.failure };
  const planned = planExport(
    { file, text: validated.text, findings: validated.findings, result: validated.result, config: host.configFor(file) },
    options,
    options.now ?? host.now(),
  );
  if ('stop' in planned) return planned.stop;
  const rendered = await renderPackage(planned.plan);
  return rendered.status === 'written' ? { ...rendered, model: planned.plan.model } : rendered;
}
