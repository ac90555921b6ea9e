/**
 * The bundled sample applications (samples/complete and samples/mistakes), the inputs many suites
 * share: every `*.app95.yaml` / `*.app95.yml` under samples/, sorted by path.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The folder holding the samples. */
export const SAMPLES_DIR = path.resolve(__dirname, '..', 'samples');

/** Every sample application under `dir` (samples/ by default), sorted. */
export function sampleFiles(dir = SAMPLES_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.app95\.ya?ml$/.test(name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
