/**
 * The CLI's ConfigSource, for every command that validates: the file given with `--config <file>`
 * for all applications, or else per application the nearest `.miit95.yaml`/`.yml` from its folder up
 * to the file-system root. Remembers which configuration files were used, so that each one's own
 * findings are reported once, against its own path.
 */
import * as path from 'node:path';
import { DEFAULT_CONFIG, type LocalizedText, type ResolvedConfig } from '../core';
import { loadConfigFor, readConfigFile, type FoundConfig } from '../node/find-config';
import { ValidationHost, type ConfigSource } from './validation-host';

export class CliConfigs implements ConfigSource {
  private readonly used = new Map<string, FoundConfig>();

  private constructor(private readonly explicit: FoundConfig | undefined) {
    if (explicit !== undefined) this.used.set(explicit.path, explicit);
  }

  /**
   * The configurations of a run: `--config` (relative to `cwd`) when given, else found per file.
   * A `--config` file that cannot be read is a usage problem, returned instead.
   */
  static open(explicitPath: string | undefined, cwd: string): CliConfigs | { problem: LocalizedText } {
    if (explicitPath === undefined) return new CliConfigs(undefined);
    const found = readConfigFile(path.resolve(cwd, explicitPath));
    if (found.error !== undefined) {
      return {
        problem: {
          'zh-cn': `无法读取配置文件：${explicitPath}（${found.error}）`,
          en: `cannot read the configuration file: ${explicitPath} (${found.error})`,
        },
      };
    }
    return new CliConfigs(found);
  }

  /** The configuration to validate the application at `file` (absolute) with. */
  configFor(file: string): ResolvedConfig {
    const found = this.explicit ?? loadConfigFor(file);
    if (found === undefined) return DEFAULT_CONFIG;
    if (!this.used.has(found.path)) this.used.set(found.path, found);
    return found.loaded.config;
  }

  /** Also report a configuration file given as an input (checked as a configuration, not an application). */
  addInput(file: string): FoundConfig {
    const found = readConfigFile(file);
    if (!this.used.has(found.path)) this.used.set(found.path, found);
    return found;
  }

  /** The configuration files used so far, in the order first used. */
  files(): FoundConfig[] {
    return [...this.used.values()];
  }
}

/** A CLI run's host: `--config` or the nearest `.miit95.yaml`, probes per folder, `--today` or the clock. */
export interface CliHost {
  readonly host: ValidationHost;
  readonly configs: CliConfigs;
}

/**
 * Opens the host of a CLI run that validates each file once. A `--config` file that cannot be read
 * is a usage problem, returned instead.
 */
export function openCliHost(
  explicitPath: string | undefined,
  cwd: string,
  today?: string,
): CliHost | { problem: LocalizedText } {
  const configs = CliConfigs.open(explicitPath, cwd);
  if (!(configs instanceof CliConfigs)) return configs;
  const host = new ValidationHost({ configs, keepForReuse: false, ...(today !== undefined ? { today } : {}) });
  return { host, configs };
}
