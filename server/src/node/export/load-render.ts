/**
 * The export's render step (render-package.ts: docx, the diagram's layout, SVG and PNG, the package
 * writer), loaded on its first use only, so that the language server's start neither reads nor
 * compiles it: from its own bundle dist/export-render.js beside the server's, or from the
 * TypeScript source when the server runs from source (tsx). module.require keeps esbuild from
 * bundling it into the caller.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export type RenderModule = typeof import('./render-package');

let loaded: RenderModule | undefined;

export function loadRenderPackage(): RenderModule {
  if (loaded !== undefined) return loaded;
  const bundled = path.join(__dirname, 'export-render.js');
  loaded = module.require(existsSync(bundled) ? bundled : path.join(__dirname, 'render-package')) as RenderModule;
  return loaded;
}
