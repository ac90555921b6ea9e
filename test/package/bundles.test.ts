/**
 * What each shipped bundle holds, read from the bundler's own record (dist/extension-metafiles.json,
 * written by the build): the export's render bundle (dist/export-render.js, which the language server
 * loads on the first export) holds docx and the diagram but none of the rules, the schemas or the
 * validation service, and of the core only its export types; the server's bundle holds none of the
 * render step's libraries, so its start does not read them; the extension holds no server code but
 * the protocol module and the core it re-exports, and no second copy of the rules.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../lsp/client';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

function inputsOf(bundle: string): string[] {
  const metafiles = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist', 'extension-metafiles.json'), 'utf8')) as Metafile[];
  for (const metafile of metafiles) {
    const output = metafile.outputs[bundle];
    if (output !== undefined) return Object.keys(output.inputs).map((input) => input.replace(/\\/g, '/'));
  }
  throw new Error(`no metafile records ${bundle}`);
}

const RENDER_LIBRARIES = /node_modules\/(docx|@dagrejs|@resvg|yazl)\//;

describe('package: what each bundle holds', function () {
  it('dist/export-render.js: docx and the diagram, of the core only its export types', () => {
    const inputs = inputsOf('dist/export-render.js');
    assert.ok(inputs.some((i) => /node_modules\/docx\//.test(i)), 'docx is in it');
    assert.ok(inputs.includes('server/src/node/export/render-package.ts'));
    const core = inputs.filter((i) => i.startsWith('server/src/core/'));
    assert.deepEqual(core, ['server/src/core/export/types.ts']);
    assert.deepEqual(
      inputs.filter((i) => /server\/src\/(core\/(rules|schema|service)|host|lsp|handlers)\//.test(i)),
      [],
    );
  });

  it("dist/server-main.js: the export's model step, none of the render step", () => {
    const inputs = inputsOf('dist/server-main.js');
    assert.ok(inputs.includes('server/src/host/export-model.ts'));
    assert.deepEqual(inputs.filter((i) => RENDER_LIBRARIES.test(i)), []);
    assert.deepEqual(
      inputs.filter((i) => /server\/src\/node\/export\/(render-package|docx-|diagram-|package-writer)/.test(i)),
      [],
    );
  });

  it('dist/extension.js: the protocol module and the core it re-exports, no rules and no export', () => {
    const inputs = inputsOf('dist/extension.js');
    const server = inputs.filter((i) => i.startsWith('server/src/'));
    assert.ok(server.includes('server/src/editor-protocol.ts'));
    assert.deepEqual(server.filter((i) => i !== 'server/src/editor-protocol.ts' && !i.startsWith('server/src/core/')), []);
    assert.deepEqual(server.filter((i) => /server\/src\/core\/(rules|schema|service)/.test(i)), []);
    assert.deepEqual(inputs.filter((i) => RENDER_LIBRARIES.test(i)), []);
  });
});
