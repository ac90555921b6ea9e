// Lint rule `miit95/layers`: a module may import only from the layers its own layer is allowed to
// (type imports included). Layers are folders (or single files) relative to the repository root,
// given in the rule's options; the first that contains a file is its layer. Files outside every
// layer (package.json, node_modules) are not checked.
import * as path from 'node:path';
import { importVisitors, resolveRelative } from './import-sources.mjs';

function layerOf(file, root, layers) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  for (const layer of layers) {
    for (const prefix of layer.paths) {
      if (relative === prefix || relative.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) return layer.name;
    }
  }
  return undefined;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers: core ← node ← host ← lsp/handlers/cli; the client sees only the protocol.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                paths: { type: 'array', items: { type: 'string' } },
                mayImport: { type: 'array', items: { type: 'string' } },
              },
              required: ['name', 'paths', 'mayImport'],
            },
          },
        },
        required: ['root', 'layers'],
      },
    ],
    messages: {
      forbidden: "Layer '{{from}}' may not import layer '{{to}}' ({{specifier}}); it may import: {{allowed}}.",
    },
  },
  create(context) {
    const { root, layers } = context.options[0];
    const file = context.filename;
    const from = layerOf(file, root, layers);
    if (from === undefined) return {};
    const allowed = layers.find((l) => l.name === from).mayImport;
    return importVisitors((specifier, node) => {
      const target = resolveRelative(file, specifier);
      if (target === undefined) return;
      const to = layerOf(target, root, layers);
      if (to === undefined || to === from || allowed.includes(to)) return;
      context.report({ node, messageId: 'forbidden', data: { from, to, specifier, allowed: allowed.join(', ') || '(none)' } });
    });
  },
};
