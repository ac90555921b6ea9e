#!/usr/bin/env node
// Renders the extension icon media/icon.png (256×256, 8-bit RGBA) from its source media/icon.svg with
// ImageMagick. The PNG is committed (the marketplace and vsce need a PNG); run this after editing the SVG.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = path.join(root, 'media', 'icon.svg');
const png = path.join(root, 'media', 'icon.png');
const args = [
  '-background',
  'none',
  '-density',
  '144',
  svg,
  '-resize',
  '256x256',
  '-depth',
  '8',
  `PNG32:${png}`,
];
const r = spawnSync('convert', args, { stdio: 'inherit' });
if (r.error || r.status !== 0) {
  console.error(
    `gen:icon: ImageMagick's convert failed (${r.error?.message ?? `exit ${r.status}`}); is ImageMagick installed?`,
  );
  process.exit(1);
}
console.log(`gen:icon: wrote ${path.relative(root, png)}`);
