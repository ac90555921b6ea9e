/**
 * Summarizes application files for the portfolio (the CLI's `portfolio` and `calendar`, the
 * server's background check): each file is validated by a ValidationHost built from plain,
 * serialisable options (they cross to a worker thread) exactly as its caller validates — the CLI's
 * `--config` or nearest `.miit95.yaml`; in the server the workspace folders as search roots, the
 * editor's open `.miit95.yaml` texts before the disk's and the user's `miit95.rules` overrides, as
 * for the Problems view — and the result becomes the core's ApplicationSummary. The configuration
 * of a folder is looked up once for all its files, and nothing is kept for reuse (each file is
 * validated once).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocalizedText, ResolvedConfig } from '../../core';
import { summarizeApplication, unreadableSummary, type ApplicationSummary } from '../../core/portfolio';
import { readFailureText } from '../../node/read-failure-text';
import { MAX_APPLICATION_BYTES } from '../../node/read-text';
import { describeError } from '../../node/validate-safely';
import { CliConfigs } from '../cli-configs';
import { EditorConfigs, type OpenTexts } from '../editor-configs';
import type { UserRulesSnapshot } from '../folder-rules';
import { ValidationHost, type ConfigSource } from '../validation-host';

/** An open configuration document's editor text. */
export interface OpenConfigText {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/** What a scan needs to validate as its caller does; plain data only. */
export interface ScanOptions {
  /** 'YYYY-MM-DD'. */
  readonly today: string;
  readonly windowDays?: number;
  /** One configuration file for every application (`--config`, absolute); else the nearest one. */
  readonly configPath?: string;
  /** The workspace folders (paths): a file's configuration search stops at the deepest one holding it. */
  readonly roots?: readonly string[];
  /** The user's `miit95.rules` overrides (ValidationHost.userRulesSnapshot()). */
  readonly userRules?: UserRulesSnapshot;
  /** The open `.miit95.yaml` documents, whose editor text applies instead of the disk's. */
  readonly openConfigs?: readonly OpenConfigText[];
  readonly maxBytes?: number;
}

/** A ConfigSource that asks its source once per folder (a configuration depends only on the folder). */
class PerFolder implements ConfigSource {
  private readonly known = new Map<string, ResolvedConfig>();

  constructor(private readonly source: ConfigSource) {}

  configFor(file: string): ResolvedConfig {
    const folder = path.dirname(file);
    let config = this.known.get(folder);
    if (config === undefined) {
      config = this.source.configFor(file);
      this.known.set(folder, config);
    }
    return config;
  }
}

/** The open configuration texts as the editor's ConfigSource reads them. */
function openTextsOf(list: readonly OpenConfigText[]): OpenTexts {
  const byUri = new Map(list.map((t) => [t.uri, { version: t.version, getText: () => t.text }]));
  return { get: (uri) => byUri.get(uri), keys: () => [...byUri.keys()] };
}

/** The configuration source of a scan, or why the `--config` file cannot be used. */
function sourceOf(options: ScanOptions): ConfigSource | { problem: LocalizedText } {
  if (options.configPath !== undefined) {
    const explicit = CliConfigs.open(options.configPath, path.dirname(options.configPath));
    return explicit;
  }
  const editor = new EditorConfigs(openTextsOf(options.openConfigs ?? []));
  editor.setWorkspaceFolders((options.roots ?? []).map((root) => pathToFileURL(root).href));
  return editor;
}

/** The ValidationHost of a scan: its configurations, the user's overrides, its "today". */
export function scanHost(options: ScanOptions): ValidationHost | { problem: LocalizedText } {
  const source = sourceOf(options);
  if ('problem' in source) return source;
  const host = new ValidationHost({ configs: new PerFolder(source), today: options.today, keepForReuse: false });
  if (options.userRules !== undefined)
    host.setFolderRules(options.userRules.unscoped, new Map(options.userRules.byFolder));
  return host;
}

/** Summarizes files one at a time with one host. */
export class PortfolioScanner {
  private readonly host: ValidationHost | { problem: LocalizedText };

  constructor(private readonly options: ScanOptions) {
    this.host = scanHost(options);
  }

  /** The summary of the file at `file` (absolute), named `id` in the result. */
  summarizeFile(file: string, id: string = file): ApplicationSummary {
    return this.summarize(file, undefined, id);
  }

  /** The summary of `text` as the content of the file at `file` (an open document's unsaved text). */
  summarizeText(file: string, text: string, id: string = file): ApplicationSummary {
    return this.summarize(file, text, id);
  }

  private summarize(file: string, text: string | undefined, id: string): ApplicationSummary {
    if ('problem' in this.host) return unreadableSummary(id, this.host.problem);
    const maxBytes = this.options.maxBytes ?? MAX_APPLICATION_BYTES;
    const validated = this.host.validate(file, text, maxBytes);
    if (!validated.ok) return unreadableSummary(id, readFailureText(path.basename(file), validated.failure, maxBytes));
    const { findings, result, error } = validated;
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
