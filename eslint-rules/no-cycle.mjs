// Lint rule `miit95/no-cycle`: no import loop between the project's TypeScript modules, type
// imports included. The module graph is read from disk with TypeScript's own import scanner
// (ts.preProcessFile: imports, exports, import(), require, import types) and cached by file
// modification time; an import is reported when its target leads back to the importing file.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { importVisitors, resolveRelative } from './import-sources.mjs';

const cache = new Map();

function importsOf(file) {
  let mtimeMs;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = cache.get(file);
  if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached.targets;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // unreadable: no edges
  }
  const targets = ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => resolveRelative(file, f.fileName))
    .filter((t) => t !== undefined && /\.tsx?$/.test(t));
  cache.set(file, { mtimeMs, targets });
  return targets;
}

/** A shortest import path from `start` back to `goal` (both included), or undefined. */
function pathBack(start, goal) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const next of importsOf(current)) {
      if (next === goal) {
        const chain = [goal];
        for (let at = current; at !== undefined; at = previous.get(at)) chain.unshift(at);
        return chain;
      }
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import loops between modules (type imports included).' },
    schema: [],
    messages: { cycle: 'Import loop: {{chain}}.' },
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const reported = new Set();
    return importVisitors((specifier, node) => {
      const target = resolveRelative(file, specifier);
      if (target === undefined || !/\.tsx?$/.test(target) || reported.has(target)) return;
      const back = target === file ? [file] : pathBack(target, file);
      if (back === undefined) return;
      reported.add(target);
      const chain = [file, ...back].map((f) => path.relative(root, f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { chain } });
    });
  },
};
