/**
 * The `check` command: discovers application files, reads them (strict UTF-8, size limit), validates
 * each with a FileProbe confined to its folder and its configuration (`--config`, else the nearest
 * `.miit95.yaml`), prints findings — the configuration files' own findings once each, against their
 * paths — and returns the exit code: 2 when an input could not be used, else 1 when any finding is
 * an error, else 0.
 */
import * as path from 'node:path';
import { isConfigFileName, type Locale } from '../core';
import { discoverApplications } from '../node/discover';
import { openCliHost } from '../host/cli-configs';
import { MAX_APPLICATION_BYTES } from '../node/read-text';
import { describeError } from '../node/validate-safely';
import type { CheckFormat, FailOn } from './formats';
import { renderJson, renderText, type CheckedFile } from './format';
import { renderSarif } from './sarif';
import type { CliIo } from './io';
import { bilingual, inputProblemText, internalErrorText, readFailureText } from './messages';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: CheckFormat;
  readonly locale: Locale;
  /** `--fail-on`: exit 1 when a finding is at least this severe (default `error`). */
  readonly failOn?: FailOn;
  /** Overridable for tests; defaults to MAX_APPLICATION_BYTES. */
  readonly maxBytes?: number;
  /** `--config <file>`: the configuration for every file; else the nearest `.miit95.yaml` per file. */
  readonly config?: string;
  /** Today's date `YYYY-MM-DD` for date rules; the local date by default. */
  readonly today?: string;
}

function displayPath(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute) || path.basename(absolute);
}

export function runCheck(options: CheckOptions, io: CliIo): number {
  const maxBytes = options.maxBytes ?? MAX_APPLICATION_BYTES;
  const opened = openCliHost(options.config, io.cwd, options.today);
  if ('problem' in opened) {
    io.err(bilingual(opened.problem));
    return EXIT_USAGE;
  }
  const { host, configs } = opened;
  const { files, problems } = discoverApplications(options.paths, io.cwd);
  // Inputs that could not be used: reported on stderr, counted in the summary, exit code 2.
  let unusable = problems.length;
  for (const problem of problems) io.err(bilingual(inputProblemText(problem)));

  const checked: CheckedFile[] = [];
  for (const absolute of files) {
    const file = displayPath(io.cwd, absolute);
    if (isConfigFileName(path.basename(absolute))) {
      // A configuration file named on the command line is checked as one (as in the editor).
      configs.addInput(absolute);
      continue;
    }
    const validated = host.validate(absolute, undefined, maxBytes);
    if (!validated.ok) {
      unusable++;
      io.err(bilingual(readFailureText(file, validated.failure, maxBytes)));
      continue;
    }
    const { text, findings, result, error } = validated;
    if (error !== undefined) io.err(bilingual(internalErrorText(file, describeError(error))));
    checked.push({ file, text, findings, suppressions: result?.suppressions ?? [] });
  }
  // Each configuration file's own findings, once, before the applications it configured.
  const configFiles: CheckedFile[] = [];
  for (const found of configs.files()) {
    const file = displayPath(io.cwd, found.path);
    if (found.error !== undefined) {
      unusable++; // the defaults were used instead of a configuration that exists
      io.err(bilingual(readFailureText(file, { reason: 'unreadable', detail: found.error }, maxBytes)));
      continue;
    }
    configFiles.push({ file, text: found.text, findings: found.loaded.findings });
  }
  checked.unshift(...configFiles);

  io.out(
    options.format === 'sarif'
      ? renderSarif(checked, { locale: options.locale, cwd: io.cwd })
      : options.format === 'json'
        ? renderJson(checked, options.locale)
        : renderText(checked, options.locale, unusable),
  );
  if (unusable > 0) return EXIT_USAGE;
  const failing = options.failOn === 'warning' ? ['error', 'warning'] : ['error'];
  return checked.some((c) => c.findings.some((f) => failing.includes(f.severity))) ? EXIT_FINDINGS : EXIT_OK;
}
