/**
 * The `check` command: discovers application files, reads them (strict UTF-8, size limit), validates
 * each with a FileProbe confined to its folder, prints findings and returns the exit code: 2 when an
 * input could not be used, else 1 when any finding is an error, else 0.
 */
import * as path from 'node:path';
import type { Locale } from '../core';
import { discoverApplications } from '../node/discover';
import { createFileProbe } from '../node/file-probe';
import { MAX_APPLICATION_BYTES, readApplicationText } from '../node/read-text';
import { describeError, validateSafely } from '../node/validate-safely';
import type { OutputFormat } from './args';
import { renderJson, renderText, type CheckedFile } from './format';
import type { CliIo } from './io';
import { bilingual, inputProblemText, internalErrorText, readFailureText } from './messages';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly locale: Locale;
  /** Overridable for tests; defaults to MAX_APPLICATION_BYTES. */
  readonly maxBytes?: number;
}

function displayPath(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute) || path.basename(absolute);
}

export function runCheck(options: CheckOptions, io: CliIo): number {
  const maxBytes = options.maxBytes ?? MAX_APPLICATION_BYTES;
  const { files, problems } = discoverApplications(options.paths, io.cwd);
  let inputFailed = problems.length > 0;
  for (const problem of problems) io.err(bilingual(inputProblemText(problem)));

  const checked: CheckedFile[] = [];
  for (const absolute of files) {
    const file = displayPath(io.cwd, absolute);
    const read = readApplicationText(absolute, maxBytes);
    if (!read.ok) {
      inputFailed = true;
      io.err(bilingual(readFailureText(file, read, maxBytes)));
      continue;
    }
    const { findings, error } = validateSafely(read.text, createFileProbe(path.dirname(absolute)));
    if (error !== undefined) io.err(bilingual(internalErrorText(file, describeError(error))));
    checked.push({ file, text: read.text, findings });
  }

  io.out(
    options.format === 'json' ? renderJson(checked, options.locale) : renderText(checked, options.locale),
  );
  if (inputFailed) return EXIT_USAGE;
  return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}
