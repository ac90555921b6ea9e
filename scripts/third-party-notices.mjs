// Owns THIRD-PARTY-NOTICES: which npm packages a set of esbuild bundles carries, and the notices text
// (name, version, licence, the licence file's text) that ships with them. Called by esbuild.mjs after
// every build, from the bundles' metafiles; test/package/notices.test.ts checks the result is complete.
//
// A package is "bundled" when one of its files is an input of the bundle (esbuild's metafile), or when a
// bundled package's own prebuilt file inlines it (esbuild/rollup leave `// node_modules/<pkg>/…` path
// comments in such files, e.g. docx's dist carries fflate and nanoid). Licence comments esbuild found in
// the bundled code (`legalComments: 'external'`, *.LEGAL.txt) are appended verbatim.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const LICENCE_FILE = /^(licen[cs]e|copying|unlicense)(\.(md|txt|markdown))?$/i;

/** `node_modules/a/node_modules/@s/b/lib/x.js` → `node_modules/a/node_modules/@s/b` (posix, relative). */
export function packageDirOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  const depth = rest[0].startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return undefined;
  return input.slice(0, at) + 'node_modules/' + rest.slice(0, depth).join('/');
}

/** The package names a prebuilt file says it inlines (`// node_modules/<name>/…` comments). */
function inlinedNames(text) {
  const names = new Set();
  for (const m of text.matchAll(/^\/\/ node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) names.add(m[1]);
  return names;
}

/** Where Node would find `name` from inside package folder `fromDir` (its node_modules, then upwards). */
function resolvePackageDir(root, fromDir, name) {
  let dir = fromDir;
  for (;;) {
    const candidate = path.posix.join(dir, 'node_modules', name);
    if (existsSync(path.join(root, candidate, 'package.json'))) return candidate;
    if (dir === '.' || dir === '') break;
    const parent = path.posix.dirname(dir);
    dir = parent === dir ? '.' : parent;
  }
  return undefined;
}

/** The standard text of an SPDX licence we keep (scripts/licences/<id>.txt), for packages that ship none. */
function standardLicenceFile(spdx) {
  return fileURLToPath(new URL(`./licences/${spdx}.txt`, import.meta.url));
}

/** A package's source repository as a web address, if its package.json names one. */
function repositoryOf(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (typeof url !== 'string') return undefined;
  return url.replace(/^git\+/, '').replace(/^git@github\.com:/, 'https://github.com/').replace(/\.git$/, '');
}

/** The licence text of a package folder: its licence file(s), else undefined. */
function licenceText(absDir) {
  const files = readdirSync(absDir)
    .filter((f) => LICENCE_FILE.test(f))
    .sort();
  if (files.length === 0) return undefined;
  return files.map((f) => readFileSync(path.join(absDir, f), 'utf8').trim()).join('\n\n');
}

const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

function authorOf(pkg) {
  const a = pkg.author;
  if (typeof a === 'string') return a.replace(/\s*[<(].*$/, '');
  if (a && typeof a.name === 'string') return a.name;
  return undefined;
}

/**
 * The bundled packages of `metafiles` (esbuild metafiles, inputs relative to `root`), sorted by name:
 * `{ name, version, license, dir, text, textSource }`. `text` is undefined when the package ships no licence
 * file and its licence is neither MIT (the standard text with the package's declared author is used) nor one whose
 * standard text we keep in scripts/licences/ (MPL-2.0, for @resvg/resvg-wasm).
 */
export function bundledPackages(metafiles, root) {
  const dirs = new Set();
  for (const meta of metafiles)
    for (const input of Object.keys(meta.inputs)) {
      const dir = packageDirOf(input.replace(/\\/g, '/'));
      if (dir !== undefined) dirs.add(dir);
    }
  // Packages inlined by a bundled package's prebuilt files.
  for (const meta of metafiles)
    for (const input of Object.keys(meta.inputs)) {
      const dir = packageDirOf(input.replace(/\\/g, '/'));
      if (dir === undefined || !existsSync(path.join(root, input))) continue;
      for (const name of inlinedNames(readFileSync(path.join(root, input), 'utf8'))) {
        const found = resolvePackageDir(root, dir, name);
        dirs.add(found ?? `node_modules/${name}`);
      }
    }
  const packages = [];
  for (const dir of dirs) {
    const abs = path.join(root, dir);
    const manifest = path.join(abs, 'package.json');
    const pkg = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : {};
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? undefined);
    let text = existsSync(abs) ? licenceText(abs) : undefined;
    let textSource = text === undefined ? undefined : 'file';
    if (text === undefined && license === 'MIT') {
      const holder = authorOf(pkg);
      if (holder !== undefined) {
        text = `MIT License\n\nCopyright (c) ${holder}\n\n${MIT_TEXT}`;
        textSource = 'standard-mit';
      }
    }
    if (text === undefined && license !== undefined && existsSync(standardLicenceFile(license))) {
      text = readFileSync(standardLicenceFile(license), 'utf8').trim();
      textSource = 'standard-text';
    }
    packages.push({
      name: pkg.name ?? dir.split('node_modules/').pop(),
      version: pkg.version,
      license,
      dir,
      text,
      textSource,
      repository: repositoryOf(pkg),
    });
  }
  // One entry per name@version (a package may be reachable through two paths).
  const unique = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]));
  return [...unique.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || String(a.version).localeCompare(String(b.version)),
  );
}

/** The notices file: a header, one section per package, then the licence comments found in the code. */
export function renderNotices(product, packages, legalComments = []) {
  const rule = '-'.repeat(78);
  const lines = [
    `THIRD-PARTY NOTICES — ${product}`,
    '',
    `${product} bundles the following ${packages.length} npm packages (generated at build time from the`,
    "bundler's list of inputs; the version and licence are those of the package that was bundled).",
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.license ?? 'licence not declared'})`),
    '',
  ];
  for (const p of packages) {
    lines.push(rule, `${p.name} ${p.version} — ${p.license ?? 'licence not declared'}`);
    if (p.textSource === 'standard-mit')
      lines.push(
        '(The package ships no licence file; this is the standard MIT text with the author its package.json declares.)',
      );
    if (p.textSource === 'standard-text')
      lines.push(
        `(The package ships no licence file; this is the standard ${p.license} text. Source: ${p.repository ?? 'see the package on npm'}.)`,
      );
    lines.push(rule, '', p.text ?? '(no licence text found)', '');
  }
  if (legalComments.length > 0) {
    lines.push(rule, 'Licence comments found in the bundled code', rule, '');
    for (const c of legalComments) lines.push(c.trim(), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Splits esbuild *.LEGAL.txt texts into their comment blocks, deduplicated, in first-seen order. */
export function legalCommentBlocks(texts) {
  const seen = new Set();
  const blocks = [];
  for (const text of texts) {
    // esbuild writes `Bundled license information:` then, per source file, a path line and its comments.
    for (const m of text.matchAll(/\/\*[\s\S]*?\*\/|(?:^\s*\/\/.*\n?)+/gm)) {
      const block = m[0].trim();
      if (!seen.has(block)) {
        seen.add(block);
        blocks.push(block);
      }
    }
  }
  return blocks;
}

/**
 * Replaces a pointer comment a prebuilt package leaves (`/*! For license information please see x.LEGAL.txt *\/`)
 * with the text of that file, found next to the bundled input it belongs to.
 */
export function expandLegalPointers(blocks, metafiles, root) {
  const inputs = metafiles.flatMap((m) => Object.keys(m.inputs));
  return blocks.map((block) => {
    const m = /^\/\*!?\s*For license information please see (\S+)\s*\*\/$/.exec(block);
    if (!m) return block;
    for (const input of inputs) {
      const candidate = path.join(root, path.dirname(input), m[1]);
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8').trim();
    }
    return block;
  });
}
