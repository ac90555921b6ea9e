/**
 * The server's ConfigSource: the configuration of a document in the editor is the nearest
 * `.miit95.yaml`/`.yml` from its folder up to its workspace folder — the editor's text of that file
 * when it is open (possibly unsaved), else the file on disk. Owns choosing the file and preferring
 * the open text; finding and caching files on disk is node/find-config.ts, parsing the core's
 * loadConfig, the user's overrides and the rest of the options the ValidationHost's.
 */
import { DEFAULT_CONFIG, loadConfig, type LoadedConfig, type ResolvedConfig } from '../core';
import { isInside } from '../node/file-probe';
import { findConfigPath, readConfigFile } from '../node/find-config';
import { fsPathOf, isConfigUri } from './file-uri';
import type { ConfigSource } from './validation-host';

/** The open documents as the server holds them (TextDocuments fits). */
export interface OpenTexts {
  get(uri: string): { readonly version: number; getText(): string } | undefined;
  keys(): string[];
}

export class EditorConfigs implements ConfigSource {
  private folders: readonly string[] = [];
  /** Loaded editor texts of open configuration files, by URI, for their current version. */
  private readonly openLoaded = new Map<
    string,
    { readonly version: number; readonly loaded: LoadedConfig }
  >();

  constructor(private readonly open: OpenTexts) {}

  /** The workspace folders (URIs); a document's configuration search stops at the one holding it. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(fsPathOf).filter((p): p is string => p !== undefined);
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
    return file === undefined ? undefined : this.configPathOf(file);
  }

  /** The configuration of the application at `file` (absolute path), before the user's overrides. */
  configFor(file: string): ResolvedConfig {
    const configPath = this.configPathOf(file);
    return configPath === undefined ? DEFAULT_CONFIG : this.load(configPath).config;
  }

  /** Forgets the loaded editor text of a configuration document (closed). */
  forget(uri: string): void {
    this.openLoaded.delete(uri);
  }

  private configPathOf(file: string): string | undefined {
    const root = this.rootFor(file);
    return findConfigPath(file, root === undefined ? {} : { root });
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
