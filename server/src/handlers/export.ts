/**
 * `miit95/export` (issue 10 item 2): the editor's export, run by the server on the document's cached
 * analysis — the open editor's text, validated with the configuration the Problems view uses (open
 * `.miit95.yaml` buffers included) and the synced `miit95.rules` — through the same model step
 * (host/export-model.ts) and render step (node/export/render-package.ts, loaded on the first export)
 * as `miit95 export`. A file the server does not have open is read from disk through the same host.
 * Answers what happened; the client asks the user about drafts and overwriting and asks again.
 */
import * as path from 'node:path';
import type { ExportOutcome, ExportParams } from '../editor-protocol';
import { planExport, type ValidatedApplication } from '../host/export-model';
import { exportTime } from '../host/export-time';
import { fsPathOf, isConfigUri } from '../host/file-uri';
import type { ValidationHost } from '../host/validation-host';
import type { RenderModule } from '../node/export/load-render';
import { readFailureText } from '../node/read-failure-text';
import { MAX_APPLICATION_BYTES } from '../node/read-text';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';

export interface ExportContext {
  /** The open document of the request's URI, if the server has it. */
  readonly document: DocumentSnapshot | undefined;
  readonly analyses: AnalysisCache;
  readonly host: ValidationHost;
  /** The render step, loaded on first use. */
  readonly render: () => RenderModule;
  /** Where SOURCE_DATE_EPOCH is read (the process's environment). */
  readonly env: NodeJS.ProcessEnv;
}

const NOT_AN_APPLICATION = {
  'zh-cn': '只能导出保存在磁盘上的申请文件（*.app95.yaml），不能导出配置文件或未保存的文件。',
  en: 'Only an application file saved on disk (*.app95.yaml) can be exported, not a configuration file or an unsaved one.',
} as const;

const OUT_DIR_NOT_ABSOLUTE = {
  'zh-cn': '导出文件夹应为绝对路径。',
  en: 'The export folder must be an absolute path.',
} as const;

/** The application of the request, validated: from the cached analysis when open, else from disk. */
function validated(file: string, context: ExportContext): ValidatedApplication | ExportOutcome {
  const config = context.host.configFor(file);
  if (context.document !== undefined) {
    const analysis = context.analyses.get(context.document);
    return { file, text: analysis.text, findings: analysis.findings, result: analysis.result, config };
  }
  const read = context.host.validate(file);
  if (!read.ok) return { status: 'unreadable', message: readFailureText(file, read.failure, MAX_APPLICATION_BYTES) };
  return { file, text: read.text, findings: read.findings, result: read.result, config };
}

export async function exportDocument(params: ExportParams, context: ExportContext): Promise<ExportOutcome> {
  const file = fsPathOf(params.uri);
  if (file === undefined || isConfigUri(params.uri)) return { status: 'refused', message: NOT_AN_APPLICATION };
  if (!path.isAbsolute(params.outDir)) return { status: 'refused', message: OUT_DIR_NOT_ABSOLUTE };
  const time = exportTime(context.env, () => context.host.now());
  if (!time.ok) return { status: 'refused', message: time.message };
  const application = validated(file, context);
  if ('status' in application) return application;

  const planned = planExport(
    application,
    {
      outDir: params.outDir,
      zip: params.zip === true,
      draft: params.draft === true,
      overwrite: params.overwrite === true,
      copyAttachments: params.trusted,
    },
    time.now,
  );
  if ('stop' in planned) {
    const { stop } = planned;
    return stop.status === 'blocked' ? { status: 'blocked', blocking: stop.blocking } : stop;
  }
  return context.render().renderPackage(planned.plan);
}
