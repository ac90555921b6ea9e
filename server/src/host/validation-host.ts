/**
 * The one way to validate a file in its context, for the server, the CLI and the export alike:
 * which configuration applies (a pluggable ConfigSource — the disk, the disk plus the editors' open
 * texts, or `--config`), the user's severity overrides (`miit95.rules`) on top, the file-probe
 * policy (attachments confined to the application's folder tree, or none) and the clock that says
 * what "today" is. Owns combining those into the core's ValidateOptions; finding and reading
 * configuration files is the sources' job (cli-configs.ts, editor-configs.ts), validating the core's.
 */
import {
  DEFAULT_CONFIG,
  localDate,
  mergeSeverities,
  type ResolvedConfig,
  type ValidateOptions,
} from '../core';
import { MAX_APPLICATION_BYTES, readApplicationText, type ReadFailure } from '../node/read-text';
import { validateSafelyWith, type SafeValidation } from '../node/validate-safely';
import { probeForFile } from './document-probe';
import { FolderRules, type UserRulesSnapshot } from './folder-rules';

/** Where the configuration of an application comes from. */
export interface ConfigSource {
  /** The configuration for the application at `file` (absolute path), before the user's overrides. */
  configFor(file: string): ResolvedConfig;
}

/** The source that knows no configuration files: the defaults for every file. */
export const DEFAULTS_ONLY: ConfigSource = { configFor: () => DEFAULT_CONFIG };

/** Whether applications get an attachment probe: `folder` (their own folder tree) or `none`. */
export type ProbePolicy = 'folder' | 'none';

export interface ValidationHostOptions {
  readonly configs: ConfigSource;
  /** The user's severity overrides (untrusted JSON, as in the `miit95.rules` setting). */
  readonly userRules?: unknown;
  /** Default `folder`. */
  readonly probe?: ProbePolicy;
  /** Now; the system clock by default. "Today" is its local calendar date. */
  readonly clock?: () => Date;
  /** A fixed "today" (`YYYY-MM-DD`, the CLI's `--today`), instead of the clock's date. */
  readonly today?: string;
  /** False when each file is validated once (the CLI): nothing is kept for a next version. */
  readonly keepForReuse?: boolean;
}

/** An application validated by the host: its text and the guarded validation, or why it could not be read. */
export type HostValidation =
  | ({ readonly ok: true; readonly text: string } & SafeValidation)
  | { readonly ok: false; readonly failure: ReadFailure };

export const systemClock = (): Date => new Date();

export class ValidationHost {
  /** `miit95.rules`: one value, or (in the editor) one per workspace folder — a resource setting. */
  private readonly userRules = new FolderRules();
  private readonly clock: () => Date;

  constructor(private readonly options: ValidationHostOptions) {
    this.userRules.replace(options.userRules, new Map());
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Replaces the user's severity overrides (invalid entries are dropped). Returns true when the
   * effective overrides changed, i.e. what was validated needs validating again.
   */
  setUserRules(value: unknown): boolean {
    return this.userRules.replace(value, new Map());
  }

  /**
   * The overrides read without a scope and for each workspace folder (folder path → its value): an
   * application gets the value of the deepest folder holding it. Returns true when anything changed.
   */
  setFolderRules(unscoped: unknown, byFolder: ReadonlyMap<string, unknown>): boolean {
    return this.userRules.replace(unscoped, byFolder);
  }

  /** The user's overrides as plain data, to validate elsewhere (a worker thread) with the same ones. */
  userRulesSnapshot(): UserRulesSnapshot {
    return this.userRules.snapshot();
  }

  /** Today's date for the date rules, `YYYY-MM-DD`. */
  today(): string {
    return this.options.today ?? localDate(this.clock());
  }

  /** Now, from the host's clock (e.g. the export time). */
  now(): Date {
    return this.clock();
  }

  /**
   * The configuration of the application at `file` (absolute path; undefined for a document without
   * a file: the defaults), with the user's overrides on top.
   */
  configFor(file: string | undefined): ResolvedConfig {
    const base = file === undefined ? DEFAULT_CONFIG : this.options.configs.configFor(file);
    const rules = this.userRules.rulesFor(file);
    if (Object.keys(rules).length === 0) return base;
    return { ...base, severities: mergeSeverities(base.severities, rules) };
  }

  /** The core's validate options for the application at `file`: probe, configuration, today. */
  optionsFor(file: string | undefined): ValidateOptions {
    const probe = file !== undefined && this.options.probe !== 'none' ? probeForFile(file) : undefined;
    return {
      ...(probe === undefined ? {} : { files: probe }),
      config: this.configFor(file),
      today: this.today(),
      ...(this.options.keepForReuse === false ? { keepForReuse: false } : {}),
    };
  }

  /**
   * Validates the application at `file` (absolute path) with its options, never throwing: `text`
   * when the caller has it (an editor buffer), else the file read from disk (strict UTF-8, at most
   * `maxBytes`).
   */
  validate(file: string, text?: string, maxBytes: number = MAX_APPLICATION_BYTES): HostValidation {
    let source = text;
    if (source === undefined) {
      const read = readApplicationText(file, maxBytes);
      if (!read.ok) return { ok: false, failure: read };
      source = read.text;
    }
    return { ok: true, text: source, ...validateSafelyWith(source, this.optionsFor(file)) };
  }
}
