/**
 * The export's model step: from an application already validated in its context (its text,
 * findings and parse, from the host or from the language server's cached analysis) to the plan of
 * its package — the attachments collected inside the application's folder tree, the core's export
 * model — or to why nothing is to be written: error findings remain and no draft was asked for, the
 * package exists and overwriting was not allowed, or the file holds no application data. Light (no
 * docx, no diagram layout): the render step, node/export/render-package.ts, does the rest.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import packageJson from '../../../package.json';
import { APPLICATION_SCHEMA_ID, type Finding, type ResolvedConfig, type ValidationResult } from '../core';
import {
  attachmentsToCopy,
  buildExportModel,
  type ExportModel,
  type ManifestFinding,
  type PackageWritten,
} from '../core/export';
import { collectAttachments } from '../node/export/attachments';
import { packageTarget } from '../node/export/package-names';
import type { PackagePlan } from '../node/export/render-package';
import { sha256 } from '../node/export/sha256';
import type { ReadFailure } from '../node/read-text';

/** What the caller chose: where to write and how. */
export interface ExportChoices {
  /** The folder that receives the package. */
  readonly outDir: string;
  /** Write one ZIP (`<name>-申报材料.zip`) instead of the folder. */
  readonly zip?: boolean;
  /** Export although error findings remain; every document is marked "草稿". */
  readonly draft?: boolean;
  /** Replace an existing package. */
  readonly overwrite?: boolean;
  /** False in an untrusted workspace: attachments are neither read nor copied. Default true. */
  readonly copyAttachments?: boolean;
  /** The CJK font file for 网络组织方案图.png (default: MIIT95_CJK_FONT, else one found on the system). */
  readonly cjkFont?: string;
}

/** The application as validated in its context. */
export interface ValidatedApplication {
  /** The application file (absolute path): its folder roots the attachments. */
  readonly file: string;
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly result: ValidationResult | undefined;
  /** Its configuration (with the user's overrides): the manifest records the rule pack. */
  readonly config: ResolvedConfig;
}

export type ExportResult =
  | (PackageWritten & { readonly model: ExportModel })
  /** Error findings remain and no draft was asked for: nothing was written. */
  | { readonly status: 'blocked'; readonly blocking: readonly ManifestFinding[]; readonly model: ExportModel }
  /** The package exists and overwriting was not allowed: nothing was written. */
  | { readonly status: 'exists'; readonly target: string }
  | { readonly status: 'unreadable'; readonly failure: ReadFailure }
  /** The file holds no application data (empty, or not a YAML mapping). */
  | { readonly status: 'no-data' };

/** The outcomes of the model step that end the export before anything is rendered. */
export type ExportStop = Extract<ExportResult, { status: 'blocked' | 'exists' | 'no-data' }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plan of the package of `application`, or why nothing is to be written. */
export function planExport(
  application: ValidatedApplication,
  choices: ExportChoices,
  now: Date,
): { readonly plan: PackagePlan } | { readonly stop: ExportStop } {
  const { file, text, findings, result, config } = application;
  const app = result?.document?.value;
  if (!isRecord(app)) return { stop: { status: 'no-data' } };
  const draft = choices.draft === true;
  const zip = choices.zip === true;
  const overwrite = choices.overwrite === true;

  const collected = collectAttachments(path.dirname(file), attachmentsToCopy(app), {
    copy: choices.copyAttachments !== false,
  });
  const model = buildExportModel({
    text,
    app,
    findings,
    suppressions: result?.suppressions ?? [],
    fileName: path.basename(file),
    sha256: sha256(Buffer.from(text, 'utf8')),
    attachments: collected.map((c) => c.outcome),
    draft,
    generatedAt: now.toISOString(),
    versions: { tool: packageJson.version, rulePack: config.rulePack, schemaId: APPLICATION_SCHEMA_ID },
  });
  if (model.blocking.length > 0 && !draft) return { stop: { status: 'blocked', blocking: model.blocking, model } };
  const target = packageTarget(choices.outDir, model.packageName, zip);
  if (!overwrite && existsSync(target)) return { stop: { status: 'exists', target } };
  const attachments = collected.flatMap((c) =>
    c.data !== undefined && c.outcome.packagePath !== undefined ? [{ path: c.outcome.packagePath, data: c.data }] : [],
  );
  return {
    plan: {
      model,
      attachments,
      outDir: choices.outDir,
      zip,
      overwrite,
      now,
      ...(choices.cjkFont !== undefined ? { cjkFont: choices.cjkFont } : {}),
    },
  };
}
