/** find-config: the nearest .miit95.yaml of a file, bounded by a root, cached by mtime and size. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  clearConfigCache,
  configFor,
  findConfigPath,
  loadConfigFor,
  readConfigFile,
} from '../../../server/src/node/find-config';
import { DEFAULT_CONFIG } from '../../../server/src/core';

describe('find-config', () => {
  let root: string;
  const at = (...parts: string[]) => path.join(root, ...parts);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  beforeEach(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'miit95-config-')));
    clearConfigCache();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the nearest configuration among the ancestors', () => {
    write(at('ws/.miit95.yaml'), 'rule_pack: latest\n');
    write(at('ws/team/.miit95.yml'), 'rule_pack: latest\n');
    const app = at('ws/team/apps/a.app95.yaml');
    write(app, 'apiVersion: miit95/v1\n');
    assert.equal(findConfigPath(app), at('ws/team/.miit95.yml'));
    assert.equal(findConfigPath(at('ws/other/b.app95.yaml')), at('ws/.miit95.yaml'));
  });

  it('prefers .miit95.yaml over .miit95.yml in one folder', () => {
    write(at('ws/.miit95.yml'), '');
    write(at('ws/.miit95.yaml'), '');
    assert.equal(findConfigPath(at('ws/a.app95.yaml')), at('ws/.miit95.yaml'));
  });

  it('stops at the root, which itself is searched', () => {
    write(at('.miit95.yaml'), '');
    assert.equal(findConfigPath(at('ws/apps/a.app95.yaml'), { root: at('ws') }), undefined);
    write(at('ws/.miit95.yaml'), '');
    assert.equal(findConfigPath(at('ws/apps/a.app95.yaml'), { root: at('ws') }), at('ws/.miit95.yaml'));
  });

  it('ignores a root the file is not inside', () => {
    write(at('.miit95.yaml'), '');
    assert.equal(findConfigPath(at('ws/a.app95.yaml'), { root: at('elsewhere') }), at('.miit95.yaml'));
  });

  it('skips a folder named like the configuration', () => {
    mkdirSync(at('ws/.miit95.yaml'), { recursive: true });
    write(at('.miit95.yml'), '');
    assert.equal(findConfigPath(at('ws/a.app95.yaml')), at('.miit95.yml'));
  });

  it('loads the configuration with its findings, and the defaults without one', () => {
    write(at('ws/.miit95.yaml'), 'thresholds:\n  schedule_months: 6\nrule_pack: nope\n');
    const found = loadConfigFor(at('ws/a.app95.yaml'), { root: at('ws') });
    assert.ok(found);
    assert.equal(found.path, at('ws/.miit95.yaml'));
    assert.equal(found.loaded.config.thresholds.scheduleMonths, 6);
    assert.deepEqual(
      found.loaded.findings.map((f) => f.code),
      ['config/unknown-rule-pack'],
    );
    assert.equal(loadConfigFor(at('other/a.app95.yaml'), { root: at('other') }), undefined);
    assert.equal(configFor(at('other/a.app95.yaml'), { root: at('other') }), DEFAULT_CONFIG);
  });

  it('reuses the loaded configuration until the file changes', () => {
    const file = at('.miit95.yaml');
    write(file, 'thresholds:\n  schedule_months: 6\n');
    const first = readConfigFile(file);
    assert.equal(readConfigFile(file), first, 'an unchanged file is not read again');

    write(file, 'thresholds:\n  schedule_months: 24\n');
    const second = readConfigFile(file);
    assert.notEqual(second, first);
    assert.equal(second.loaded.config.thresholds.scheduleMonths, 24);

    // Same size, different content: the modification time tells.
    write(file, 'thresholds:\n  schedule_months: 18\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    assert.equal(readConfigFile(file).loaded.config.thresholds.scheduleMonths, 18);
  });

  it('reports a file that cannot be read, with the defaults', () => {
    const found = readConfigFile(at('missing/.miit95.yaml'));
    assert.ok(found.error);
    assert.equal(found.loaded.config, DEFAULT_CONFIG);
    assert.deepEqual(found.loaded.findings, []);
  });
});
