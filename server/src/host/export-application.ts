/**
 * Exports one application as a submission package, for the CLI and the VS Code command alike:
 * validates the file through the caller's ValidationHost (the same configuration, overrides, file
 * probe and clock as its other validations), collects the
 * attachments inside the application's folder tree, builds the core's export model, and — unless
 * error findings remain and no draft was asked for, or the package exists and overwriting was not
 * allowed — renders 申请表.docx, 技术方案.docx, 电话接入号码使用承诺书.docx, 网络组织方案图.svg,
 * 网络组织方案图.png (drawn in a worker meanwhile; left out with a note when no CJK font is found),
 * 材料清单.md and manifest.json (with the SHA-256 of every other file) and writes them atomically.
 * Never throws for an expected outcome: it returns what happened.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import packageJson from '../../../package.json';
import { APPLICATION_SCHEMA_ID, type LocalizedText, type Suppression } from '../core';
import {
  attachmentsToCopy,
  buildExportModel,
  PACKAGE_FILES,
  type ExportModel,
  type Manifest,
  type ManifestFile,
  type ManifestFinding,
} from '../core/export';
import { collectAttachments } from '../node/export/attachments';
import { layoutDiagram } from '../node/export/diagram-layout';
import { prepareDiagramRaster, rasteriseDiagram, type RasterOutcome } from '../node/export/diagram-raster';
import { renderDiagramSvg } from '../node/export/diagram-svg';
import { renderDocx } from '../node/export/docx-render';
import { PackageExistsError, packageTarget, sha256, writePackage, type PackageFile } from '../node/export/package-writer';
import type { ReadFailure } from '../node/read-text';
import type { ValidationHost } from './validation-host';

export interface ExportOptions {
  /** The application file. */
  readonly file: string;
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
  /** The application text when it comes from an editor buffer (otherwise read from `file`). */
  readonly text?: string;
  /** The export time; the host's clock by default (tests fix it). */
  readonly now?: Date;
  /** The CJK font file for 网络组织方案图.png (default: MIIT95_CJK_FONT, else one found on the system). */
  readonly cjkFont?: string;
}

export type ExportResult =
  | {
      readonly status: 'written';
      readonly target: string;
      readonly model: ExportModel;
      readonly manifest: Manifest;
      /** What the user should know about the package (e.g. the PNG of the diagram left out), both languages. */
      readonly notes: readonly LocalizedText[];
    }
  /** Error findings remain and no draft was asked for: nothing was written. */
  | { readonly status: 'blocked'; readonly blocking: readonly ManifestFinding[]; readonly model: ExportModel }
  /** The package exists and overwriting was not allowed: nothing was written. */
  | { readonly status: 'exists'; readonly target: string }
  | { readonly status: 'unreadable'; readonly failure: ReadFailure }
  /** The file holds no application data (empty, or not a YAML mapping). */
  | { readonly status: 'no-data' };

function pngNote(outcome: Exclude<RasterOutcome, { status: 'written' }>): LocalizedText {
  if (outcome.status === 'no-font')
    return {
      'zh-cn': `未生成 ${PACKAGE_FILES.diagramPng}：本机未找到中文字体。可将环境变量 MIIT95_CJK_FONT 设为一个中文字体文件（.ttf/.ttc/.otf）；${PACKAGE_FILES.diagram} 和 Word 文件中的图不受影响。`,
      en: `${PACKAGE_FILES.diagramPng} was not written: no Chinese font was found on this machine. Set MIIT95_CJK_FONT to a Chinese font file (.ttf/.ttc/.otf); ${PACKAGE_FILES.diagram} and the diagram in the Word files are not affected.`,
    };
  return {
    'zh-cn': `未生成 ${PACKAGE_FILES.diagramPng}：绘制失败（${outcome.error}）；${PACKAGE_FILES.diagram} 和 Word 文件中的图不受影响。`,
    en: `${PACKAGE_FILES.diagramPng} was not written: drawing failed (${outcome.error}); ${PACKAGE_FILES.diagram} and the diagram in the Word files are not affected.`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exports the application `options.file`, validated by `host`. */
export async function exportApplication(options: ExportOptions, host: ValidationHost): Promise<ExportResult> {
  const file = path.resolve(options.file);
  // The PNG's worker compiles resvg and reads the font while the file is validated.
  prepareDiagramRaster(options.cjkFont !== undefined ? { fontFile: options.cjkFont } : {});
  const validated = host.validate(file, options.text);
  if (!validated.ok) return { status: 'unreadable', failure: validated.failure };
  const { text, findings, result } = validated;
  const config = host.configFor(file);
  const rootDir = path.dirname(file);
  const app = result?.document?.value;
  if (!isRecord(app)) return { status: 'no-data' };
  const suppressions: readonly Suppression[] = result?.suppressions ?? [];
  const draft = options.draft === true;
  const zip = options.zip === true;
  const overwrite = options.overwrite === true;
  const now = options.now ?? host.now();

  const collected = collectAttachments(rootDir, attachmentsToCopy(app), { copy: options.copyAttachments !== false });
  const model = buildExportModel({
    text,
    app,
    findings,
    suppressions,
    fileName: path.basename(file),
    sha256: sha256(Buffer.from(text, 'utf8')),
    attachments: collected.map((c) => c.outcome),
    draft,
    generatedAt: now.toISOString(),
    versions: { tool: packageJson.version, rulePack: config.rulePack, schemaId: APPLICATION_SCHEMA_ID },
  });
  if (model.blocking.length > 0 && !draft) return { status: 'blocked', blocking: model.blocking, model };
  const target = packageTarget(options.outDir, model.packageName, zip);
  if (!overwrite && existsSync(target)) return { status: 'exists', target };

  const layout = layoutDiagram(model.diagram);
  const svg = renderDiagramSvg(layout, { draft });
  // The PNG is drawn in a worker while the Word files are rendered here.
  const raster: Promise<RasterOutcome | undefined> =
    model.diagram.nodes.length > 0
      ? rasteriseDiagram(svg, options.cjkFont !== undefined ? { fontFile: options.cjkFont } : {})
      : Promise.resolve(undefined);

  const applicant = model.manifest.application.applicant;
  const files: PackageFile[] = [];
  for (const spec of model.documents) {
    const data = await renderDocx(spec, { draft, applicant, ...(model.diagram.nodes.length > 0 ? { diagram: layout } : {}) });
    files.push({ path: spec.fileName, data });
  }
  if (model.diagram.nodes.length > 0) files.push({ path: PACKAGE_FILES.diagram, data: Buffer.from(svg, 'utf8') });
  const png = await raster;
  const notes: LocalizedText[] = [];
  if (png?.status === 'written') files.push({ path: PACKAGE_FILES.diagramPng, data: png.png });
  else if (png !== undefined) notes.push(pngNote(png));
  files.push({ path: PACKAGE_FILES.checklist, data: Buffer.from(model.checklistMarkdown, 'utf8') });
  for (const attachment of collected) {
    if (attachment.data !== undefined && attachment.outcome.packagePath !== undefined)
      files.push({ path: attachment.outcome.packagePath, data: attachment.data });
  }
  const hashed: ManifestFile[] = files.map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.length }));
  const manifest: Manifest = { ...model.manifest, files: hashed };
  files.push({ path: PACKAGE_FILES.manifest, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') });

  try {
    const written = await writePackage({ outDir: options.outDir, name: model.packageName, files, zip, overwrite }, now);
    return { status: 'written', target: written, model, manifest, notes };
  } catch (error) {
    if (error instanceof PackageExistsError) return { status: 'exists', target: error.target };
    throw error;
  }
}

