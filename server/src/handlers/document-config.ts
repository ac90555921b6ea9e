/**
 * The validation options of a document in the editor: its attachment probe, the configuration that
 * applies to it and today's date. The configuration is the nearest `.miit95.yaml`/`.yml` from the
 * document's folder up to its workspace folder — the editor's text of that file when it is open
 * (possibly unsaved), else the file on disk — with the user setting `miit95.rules` on top.
 * Owns choosing and combining those; finding and caching files on disk is node/find-config.ts,
 * parsing is the core's loadConfig.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_CONFIG,
  isConfigFileName,
  loadConfig,
  mergeSeverities,
  type LoadedConfig,
  type ResolvedConfig,
  type ValidateOptions,
} from '../core';
import { isInside } from '../node/file-probe';
import { findConfigPath, readConfigFile } from '../node/find-config';
import { localToday } from '../node/today';
import { probeForUri } from './document-probe';
import { FolderRules } from './folder-rules';

/** The open documents as the server holds them (TextDocuments fits). */
export interface OpenTexts {
  get(uri: string): { readonly version: number; getText(): string } | undefined;
  keys(): string[];
}

/** The file-system path of a `file:` URI, or undefined for other schemes and malformed URIs. */
export function fsPathOf(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** True when the URI names a miit95 configuration file (`.miit95.yaml`, `.miit95.yml`), any scheme. */
export function isConfigUri(uri: string): boolean {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const last = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  return isConfigFileName(name);
}

export class DocumentConfigs {
  private folders: readonly string[] = [];
  /** The `miit95.rules` setting: unscoped, and per workspace folder (a resource setting). */
  private readonly userRules = new FolderRules();
  /** Loaded editor texts of open configuration files, by URI, for their current version. */
  private readonly openLoaded = new Map<
    string,
    { readonly version: number; readonly loaded: LoadedConfig }
  >();

  constructor(
    private readonly open: OpenTexts,
    private readonly today: () => string = localToday,
  ) {}

  /** The workspace folders (URIs); a document's configuration search stops at the one holding it. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(fsPathOf).filter((p): p is string => p !== undefined);
  }

  /**
   * The user setting `miit95.rules` (untrusted JSON; invalid entries are dropped). Returns true when
   * the effective overrides changed, i.e. the open documents need validating again.
   */
  setUserRules(value: unknown): boolean {
    return this.userRules.replace(value, new Map());
  }

  /**
   * The setting read without a scope and for each workspace folder (folder URI → its value): an
   * application gets its folder's value. Returns true when anything changed.
   */
  setFolderRules(unscoped: unknown, byFolderUri: ReadonlyMap<string, unknown>): boolean {
    const byPath = new Map<string, unknown>();
    for (const [uri, value] of byFolderUri) {
      const folder = fsPathOf(uri);
      if (folder !== undefined) byPath.set(folder, value);
    }
    return this.userRules.replace(unscoped, byPath);
  }

  /** The deepest workspace folder holding `file`, where its configuration search stops. */
  rootFor(file: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      if (isInside(folder, file) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /** The configuration file that applies to the document at `uri`, if any (file: URIs only). */
  configPathFor(uri: string): string | undefined {
    const file = fsPathOf(uri);
    if (file === undefined) return undefined;
    const root = this.rootFor(file);
    return findConfigPath(file, root === undefined ? {} : { root });
  }

  /** The configuration to validate the document at `uri` with, the user setting included. */
  configFor(uri: string): ResolvedConfig {
    const configPath = this.configPathFor(uri);
    const base = configPath === undefined ? DEFAULT_CONFIG : this.load(configPath).config;
    const rules = this.userRules.rulesFor(fsPathOf(uri));
    if (Object.keys(rules).length === 0) return base;
    return { ...base, severities: mergeSeverities(base.severities, rules) };
  }

  /** The validate options of an application document: attachments, configuration, today. */
  optionsFor(uri: string): ValidateOptions {
    const files = probeForUri(uri);
    return {
      ...(files === undefined ? {} : { files }),
      config: this.configFor(uri),
      today: this.today(),
    };
  }

  /** Forgets the loaded editor text of a configuration document (closed). */
  forget(uri: string): void {
    this.openLoaded.delete(uri);
  }

  /** The configuration file's content: the open editor's text when it is open, else the disk's. */
  private load(configPath: string): LoadedConfig {
    const uri = this.openUriOf(configPath);
    const document = uri === undefined ? undefined : this.open.get(uri);
    if (uri === undefined || document === undefined) return readConfigFile(configPath).loaded;
    const cached = this.openLoaded.get(uri);
    if (cached !== undefined && cached.version === document.version) return cached.loaded;
    const loaded = loadConfig(document.getText());
    this.openLoaded.set(uri, { version: document.version, loaded });
    return loaded;
  }

  /** The URI of the open document for a path (URIs are compared as paths: encodings differ by client). */
  private openUriOf(file: string): string | undefined {
    for (const uri of this.open.keys()) {
      if (isConfigUri(uri) && fsPathOf(uri) === file) return uri;
    }
    return undefined;
  }
}
