/**
 * Summarizes application files on disk for the portfolio (the CLI's `portfolio` and `calendar`, the
 * server's background check): reads each file (size limit, strict UTF-8), validates it as `check`
 * does — attachments confined to its folder, the nearest `.miit95.yaml` (or one given) — and turns
 * the result into the core's ApplicationSummary. The configuration lookup is shared by the files of
 * a folder, so a scan of many files stats each folder's ancestors once, and the rules' inputs are
 * not recorded for reuse (each file is validated once).
 */
import * as path from 'node:path';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../core';
import { summarizeApplication, unreadableSummary, type ApplicationSummary } from '../../core/portfolio';
import { createFileProbe } from '../file-probe';
import { findConfigPath, readConfigFile } from '../find-config';
import { readFailureText } from '../read-failure-text';
import { MAX_APPLICATION_BYTES, readApplicationText } from '../read-text';
import { describeError, validateSafelyWith } from '../validate-safely';

export interface ScanOptions {
  /** 'YYYY-MM-DD'. */
  readonly today: string;
  readonly windowDays?: number;
  /** A configuration file for every application (`--config`); else the nearest one per folder. */
  readonly configPath?: string;
  /** Where the configuration search stops (the workspace folder), when the file is inside it. */
  readonly root?: string;
  readonly maxBytes?: number;
}

/** Summarizes files one at a time, remembering each folder's configuration for the next file. */
export class PortfolioScanner {
  private readonly folderConfigs = new Map<string, ResolvedConfig>();

  constructor(private readonly options: ScanOptions) {}

  /** The configuration for files of `folder`. */
  private configOf(folder: string): ResolvedConfig {
    const known = this.folderConfigs.get(folder);
    if (known !== undefined) return known;
    const configPath =
      this.options.configPath ??
      findConfigPath(
        path.join(folder, 'x.app95.yaml'),
        this.options.root !== undefined ? { root: this.options.root } : {},
      );
    const config = configPath === undefined ? DEFAULT_CONFIG : readConfigFile(configPath).loaded.config;
    this.folderConfigs.set(folder, config);
    return config;
  }

  /** Forgets the remembered configurations (a `.miit95.yaml` changed). */
  forgetConfigs(): void {
    this.folderConfigs.clear();
  }

  /** The summary of the file at `file` (absolute), named `id` in the result. */
  summarizeFile(file: string, id: string = file): ApplicationSummary {
    const maxBytes = this.options.maxBytes ?? MAX_APPLICATION_BYTES;
    const read = readApplicationText(file, maxBytes);
    if (!read.ok) return unreadableSummary(id, readFailureText(path.basename(file), read, maxBytes));
    return this.summarizeText(file, read.text, id);
  }

  /** The summary of `text` as the content of the file at `file` (an open document's unsaved text). */
  summarizeText(file: string, text: string, id: string = file): ApplicationSummary {
    const folder = path.dirname(file);
    const { findings, result, error } = validateSafelyWith(text, {
      files: createFileProbe(folder),
      config: this.configOf(folder),
      today: this.options.today,
      keepForReuse: false,
    });
    if (error !== undefined && result === undefined) {
      return unreadableSummary(id, {
        'zh-cn': `检查时发生内部错误：${describeError(error)}`,
        en: `internal error while checking: ${describeError(error)}`,
      });
    }
    return summarizeApplication({
      file: id,
      findings,
      document: result?.document,
      today: this.options.today,
      ...(this.options.windowDays !== undefined ? { windowDays: this.options.windowDays } : {}),
    });
  }
}
