/**
 * The export's render step: turns an export model (built by the host's model step from a validated
 * application) into the files of the submission package — 申请表.docx, 技术方案.docx,
 * 电话接入号码使用承诺书.docx, 网络组织方案图.svg, 网络组织方案图.png (drawn in a worker meanwhile;
 * left out with a note when no CJK font is found), 材料清单.md, the attachments and manifest.json
 * (with the SHA-256 of every other file) — and writes them atomically. Knows nothing of validation
 * or configuration: it imports only the core's export types, so that it can be its own bundle
 * (dist/export-render.js), which the language server loads on the first export only.
 */
import type { LocalizedText } from '../../core/types';
import {
  PACKAGE_FILES,
  type ExportModel,
  type Manifest,
  type ManifestFile,
  type PackageWritten,
} from '../../core/export/types';
import { layoutDiagram } from './diagram-layout';
import { rasteriseDiagram, type RasterOutcome } from './diagram-raster';
import { renderDiagramSvg } from './diagram-svg';
import { renderDocx } from './docx-render';
import { PackageExistsError } from './package-names';
import { writePackage, type PackageFile } from './package-writer';
import { sha256 } from './sha256';

/** Everything the render step needs: the model, the attachments' bytes, where and how to write. */
export interface PackagePlan {
  readonly model: ExportModel;
  /** The attachments copied into the package, by their path inside it (`附件/营业执照.pdf`). */
  readonly attachments: readonly PackageFile[];
  /** The folder that receives the package. */
  readonly outDir: string;
  readonly zip: boolean;
  readonly overwrite: boolean;
  /** The export time: the Word files' dates and the ZIP entries'. */
  readonly now: Date;
  /** The CJK font file for 网络组织方案图.png (default: MIIT95_CJK_FONT, else one found on the system). */
  readonly cjkFont?: string;
}

export type RenderOutcome =
  | PackageWritten
  /** The package appeared meanwhile and overwriting was not allowed: nothing was written. */
  | { readonly status: 'exists'; readonly target: string };

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

/** Renders and writes the package of `plan`. */
export async function renderPackage(plan: PackagePlan): Promise<RenderOutcome> {
  const { model } = plan;
  const draft = model.draft;
  const drawn = model.diagram.nodes.length > 0;
  const layout = layoutDiagram(model.diagram);
  const svg = renderDiagramSvg(layout, { draft });
  const fontOption = plan.cjkFont !== undefined ? { fontFile: plan.cjkFont } : {};
  // The PNG is drawn in a worker while the Word files are rendered here.
  const raster: Promise<RasterOutcome | undefined> = drawn ? rasteriseDiagram(svg, fontOption) : Promise.resolve(undefined);

  const applicant = model.manifest.application.applicant;
  const files: PackageFile[] = [];
  for (const spec of model.documents) {
    const data = await renderDocx(spec, { draft, applicant, now: plan.now, ...(drawn ? { diagram: layout } : {}) });
    files.push({ path: spec.fileName, data });
  }
  if (drawn) files.push({ path: PACKAGE_FILES.diagram, data: Buffer.from(svg, 'utf8') });
  const png = await raster;
  const notes: LocalizedText[] = [];
  if (png?.status === 'written') files.push({ path: PACKAGE_FILES.diagramPng, data: png.png });
  else if (png !== undefined) notes.push(pngNote(png));
  files.push({ path: PACKAGE_FILES.checklist, data: Buffer.from(model.checklistMarkdown, 'utf8') });
  files.push(...plan.attachments);
  const hashed: ManifestFile[] = files.map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.length }));
  const manifest: Manifest = { ...model.manifest, files: hashed };
  files.push({ path: PACKAGE_FILES.manifest, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') });

  try {
    const target = await writePackage(
      { outDir: plan.outDir, name: model.packageName, files, zip: plan.zip, overwrite: plan.overwrite },
      plan.now,
    );
    return { status: 'written', target, manifest, notes };
  } catch (error) {
    if (error instanceof PackageExistsError) return { status: 'exists', target: error.target };
    throw error;
  }
}
