// Shared by the local lint rules: every module specifier a file names — imports and exports
// (type-only ones included), `import()` in code and in types, and `require()` — and how a relative
// specifier resolves to a file of the project.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Calls `visit(specifier, node)` for every module specifier in the file. */
export function importVisitors(visit) {
  const literal = (node, source) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') visit(source.value, node);
  };
  return {
    ImportDeclaration: (node) => literal(node, node.source),
    ExportNamedDeclaration: (node) => literal(node, node.source),
    ExportAllDeclaration: (node) => literal(node, node.source),
    ImportExpression: (node) => literal(node, node.source),
    TSImportType: (node) => literal(node, node.source ?? node.argument?.literal ?? node.parameter?.literal),
    TSImportEqualsDeclaration: (node) => literal(node, node.moduleReference?.expression),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1)
        literal(node, node.arguments[0]);
    },
  };
}

/** The file a relative specifier names (TypeScript's resolution of `./x`: x.ts, x/index.ts, x), else undefined. */
export function resolveRelative(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) {
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // unreadable: not a file of the project
    }
  }
  return undefined;
}
