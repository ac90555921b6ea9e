/**
 * Finds and reads the `.miit95.yaml` (or `.miit95.yml`) that applies to a file, for the server and
 * the CLI: the nearest one in the file's folder or an ancestor, stopping at a given root (the
 * workspace folder) or the file-system root. Loaded configurations are cached by path and
 * invalidated by modification time and size, so a validation on every keystroke costs a few `stat`s.
 * Owns lookup and caching; the parsing is the core's `loadConfig`.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  DEFAULT_CONFIG,
  loadConfig,
  type LoadedConfig,
  type ResolvedConfig,
} from '../core';
import { isInside } from './file-probe';

export interface FoundConfig {
  /** The absolute path of the configuration file. */
  readonly path: string;
  /** Its text; empty when it could not be read. */
  readonly text: string;
  /** The configuration and the findings in the file (defaults and no findings when unreadable). */
  readonly loaded: LoadedConfig;
  /** Why the file could not be read, if it could not. */
  readonly error?: string;
}

export interface FindConfigOptions {
  /**
   * The folder where the search stops (inclusive), normally the workspace folder. Ignored when the
   * file does not lie inside it; the search then goes up to the file-system root.
   */
  readonly root?: string;
}

/** The configuration file that applies to `file` (a file path), or undefined when there is none. */
export function findConfigPath(file: string, options: FindConfigOptions = {}): string | undefined {
  const start = path.dirname(path.resolve(file));
  const root = options.root !== undefined ? path.resolve(options.root) : undefined;
  const stopAt = root !== undefined && isInside(root, start) ? root : undefined;
  let dir = start;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (stopAt !== undefined && dir === stopAt) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly found: FoundConfig;
}

const cache = new Map<string, CacheEntry>();

/**
 * The configuration that applies to `file`: found, read and loaded, or from the cache when the
 * configuration file has not changed. Undefined when there is no configuration file (the defaults
 * apply). Never throws.
 */
export function loadConfigFor(file: string, options: FindConfigOptions = {}): FoundConfig | undefined {
  const configPath = findConfigPath(file, options);
  return configPath === undefined ? undefined : readConfigFile(configPath);
}

/** Reads and loads one configuration file, using the cache when its mtime and size are unchanged. */
export function readConfigFile(configPath: string): FoundConfig {
  const absolute = path.resolve(configPath);
  let stats: { mtimeMs: number; size: number };
  try {
    stats = statSync(absolute);
  } catch (error) {
    cache.delete(absolute);
    return unreadable(absolute, error);
  }
  const cached = cache.get(absolute);
  if (cached !== undefined && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size)
    return cached.found;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    cache.delete(absolute);
    return unreadable(absolute, error);
  }
  const found: FoundConfig = { path: absolute, text, loaded: loadConfig(text) };
  cache.set(absolute, { mtimeMs: stats.mtimeMs, size: stats.size, found });
  return found;
}

/** The configuration to validate `file` with: the found file's, or the defaults. */
export function configFor(file: string, options: FindConfigOptions = {}): ResolvedConfig {
  return loadConfigFor(file, options)?.loaded.config ?? DEFAULT_CONFIG;
}

/** Forgets every cached configuration (e.g. when the server's file watcher reports a change). */
export function clearConfigCache(): void {
  cache.clear();
}

function unreadable(file: string, error: unknown): FoundConfig {
  return {
    path: file,
    text: '',
    loaded: { config: DEFAULT_CONFIG, findings: [] },
    error: error instanceof Error ? error.message : String(error),
  };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
