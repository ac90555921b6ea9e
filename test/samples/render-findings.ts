/**
 * The golden listing of an application's findings, shared by the golden tests of the bundled samples
 * and of the valid applications: the core's validate with a real FileProbe (attachments resolved in
 * the file's folder), one `line:col-endLine:endCol severity code message(zh-cn)` line per finding
 * (1-based), after a header naming the file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LineIndex, validate } from '../../server/src/core';
import { createFileProbe } from '../../server/src/node/file-probe';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** The golden listing of one sample: a header naming the sample, then one line per finding. */
export function renderFindings(sample: string): string {
  const text = readFileSync(sample, 'utf8');
  const { findings } = validate(text, { files: createFileProbe(path.dirname(sample)) });
  const index = new LineIndex(text);
  const lines = findings.map((f) => {
    const start = index.positionAt(f.range.start);
    const end = index.positionAt(f.range.end);
    const message = f.message['zh-cn'].replace(/\s*[\r\n]+\s*/g, ' ');
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.severity} ${f.code} ${message}`;
  });
  const header = `# ${path.relative(REPO_ROOT, sample).split(path.sep).join('/')}: golden findings (regenerate with UPDATE_GOLDEN=1)`;
  return `${[header, ...lines].join('\n')}\n`;
}

