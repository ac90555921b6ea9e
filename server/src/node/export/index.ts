/**
 * The node-side export: renders the core's export model into the submission package (Word files,
 * SVG and PNG diagram, checklist, manifest, attachments) and writes it atomically. The pipeline that
 * validates a file and calls these is host/export-application.ts, shared by the CLI and the editor.
 */
export { collectAttachments, packagePathOf, MAX_ATTACHMENT_BYTES } from './attachments';
export { layoutDiagram } from './diagram-layout';
export type { DiagramLayout, LaidOutNode } from './diagram-layout';
export { renderDiagramSvg } from './diagram-svg';
export { prepareDiagramRaster, rasteriseDiagram, PNG_ZOOM } from './diagram-raster';
export { rasterWorkerRunning, releaseRaster } from './diagram-raster-pool';
export { encodePng } from './png-encode';
export type { RasterOutcome } from './diagram-raster';
export { findCjkFont } from './cjk-font';
export { renderDocx, buildDocx } from './docx-render';
export { writePackage, writeZip } from './package-writer';
export { safeEntryName, packageTarget, PackageExistsError, UnsafeEntryNameError } from './package-names';
export { sha256 } from './sha256';
export type { PackageFile } from './package-writer';
