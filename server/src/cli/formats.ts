/** The output formats and exit-code threshold the CLI's options name (parsed in args.ts). */

export type OutputFormat = 'text' | 'json';
/** `check` also writes SARIF 2.1.0. */
export type CheckFormat = OutputFormat | 'sarif';
/** `check --fail-on`: the lowest severity that makes the exit code 1. */
export type FailOn = 'error' | 'warning';
