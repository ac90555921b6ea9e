/**
 * Runs the core's validate behind a guard, for the server and the CLI alike: the core promises never
 * to throw, and this module keeps that promise at the edge. An exception becomes one
 * `internal/server-error` finding on the first line; the caller logs the error it gets back.
 */
import {
  validate,
  validateConfig,
  type FileProbe,
  type Finding,
  type ValidateOptions,
  type ValidationResult,
} from '../core';

export const INTERNAL_ERROR_CODE = 'internal/server-error';

export interface SafeValidation {
  readonly findings: readonly Finding[];
  /** The full result when validate returned (the parsed document, for editor features). */
  readonly result?: ValidationResult;
  /** The exception validate threw, for the caller's log. */
  readonly error?: unknown;
}

/** Describes an unknown thrown value in one line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

/** The finding that stands in for a validation that threw. */
export function internalErrorFinding(text: string, error: unknown): Finding {
  const firstLineEnd = text.search(/\r|\n/);
  const detail = describeError(error);
  return {
    code: INTERNAL_ERROR_CODE,
    severity: 'error',
    message: {
      'zh-cn': `miit95 内部错误，本文件未能完成检查：${detail}。请报告此问题。`,
      en: `miit95 internal error, this file could not be checked: ${detail}. Please report this issue.`,
    },
    range: { start: 0, end: firstLineEnd === -1 ? text.length : firstLineEnd },
    data: { path: [] },
  };
}

/** `run` is the core's validate; tests inject one that throws. */
export function validateSafely(
  text: string,
  files: FileProbe | undefined,
  run: typeof validate = validate,
): SafeValidation {
  return validateSafelyWith(text, files === undefined ? {} : { files }, run);
}

/** The same with all of validate's options (configuration, today). */
export function validateSafelyWith(
  text: string,
  options: ValidateOptions,
  run: typeof validate = validate,
): SafeValidation {
  try {
    const result = run(text, options);
    return { findings: result.findings, result };
  } catch (error) {
    return { findings: [internalErrorFinding(text, error)], error };
  }
}

/** A `.miit95.yaml` text validated behind the same guard (the core's validateConfig). */
export function validateConfigSafely(
  text: string,
  run: typeof validateConfig = validateConfig,
): SafeValidation {
  try {
    const result = run(text);
    return { findings: result.findings, result };
  } catch (error) {
    return { findings: [internalErrorFinding(text, error)], error };
  }
}
