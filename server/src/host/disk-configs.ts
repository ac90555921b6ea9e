/**
 * The ConfigSource of the disk alone: the nearest `.miit95.yaml`/`.yml` of each file, up to a root
 * folder (the workspace folder) when one is given, else up to the file-system root.
 */
import type { ResolvedConfig } from '../core';
import { configFor } from '../node/find-config';
import type { ConfigSource } from './validation-host';

export class DiskConfigs implements ConfigSource {
  constructor(private readonly root?: string) {}

  configFor(file: string): ResolvedConfig {
    return configFor(file, this.root === undefined ? {} : { root: this.root });
  }
}
