/**
 * The server's configuration plumbing without a connection (host/editor-configs.ts, the
 * ValidationHost of host/validation-host.ts and lsp/config-sync.ts): which URIs are configuration files, where the search stops, how the
 * user setting combines with the file, and which open documents a file event revalidates.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigSync } from '../../server/src/lsp/config-sync';
import { EditorConfigs, type OpenTexts } from '../../server/src/host/editor-configs';
import { fsPathOf, isConfigUri } from '../../server/src/host/file-uri';
import { ValidationHost } from '../../server/src/host/validation-host';
import { clearConfigCache } from '../../server/src/node/find-config';
import { fileUri } from './client';

class FakeOpen implements OpenTexts {
  readonly docs = new Map<string, { version: number; text: string }>();
  get(uri: string): { version: number; getText(): string } | undefined {
    const doc = this.docs.get(uri);
    return doc === undefined ? undefined : { version: doc.version, getText: () => doc.text };
  }
  keys(): string[] {
    return [...this.docs.keys()];
  }
}

describe('document configuration (server)', function () {
  let work: string;
  let open: FakeOpen;
  let configs: EditorConfigs;
  let host: ValidationHost;
  /** The configuration the server validates the document at `uri` with (the user's overrides included). */
  const configFor = (uri: string) => host.configFor(fsPathOf(uri));
  const app = (...segments: string[]): string => fileUri(path.join(work, ...segments));

  beforeEach(function () {
    work = mkdtempSync(path.join(tmpdir(), 'miit95-doc-config-'));
    mkdirSync(path.join(work, 'ws', 'a', 'b'), { recursive: true });
    open = new FakeOpen();
    configs = new EditorConfigs(open);
    host = new ValidationHost({ configs, clock: () => new Date(2026, 2, 1, 23, 30) });
    configs.setWorkspaceFolders([fileUri(path.join(work, 'ws'))]);
    clearConfigCache();
  });

  afterEach(function () {
    rmSync(work, { recursive: true, force: true });
  });

  const table: [string, boolean][] = [
    ['file:///w/.miit95.yaml', true],
    ['file:///w/sub/.miit95.yml', true],
    ['file:///w/.MIIT95.YAML', true],
    ['untitled:/.miit95.yaml', true],
    ['file:///w/%2Emiit95.yaml', true],
    ['file:///w/miit95.yaml', false],
    ['file:///w/.miit95.yaml.bak', false],
    ['file:///w/x.app95.yaml', false],
    ['file:///w/.miit95.yaml/x.app95.yaml', false],
  ];
  for (const [uri, expected] of table) {
    it(`isConfigUri(${uri}) is ${String(expected)}`, function () {
      assert.equal(isConfigUri(uri), expected);
    });
  }

  it('finds the nearest configuration, not above the workspace folder', function () {
    writeFileSync(path.join(work, '.miit95.yaml'), 'rules:\n  R-TECH-001: off\n');
    const uri = app('ws', 'a', 'b', 'x.app95.yaml');
    assert.equal(configs.configPathFor(uri), undefined);
    assert.deepEqual(configFor(uri).severities, {});
    writeFileSync(path.join(work, 'ws', 'a', '.miit95.yml'), 'rules:\n  R-TECH-001: info\n');
    assert.equal(configs.configPathFor(uri), path.join(work, 'ws', 'a', '.miit95.yml'));
    assert.deepEqual(configFor(uri).severities, { 'R-TECH-001': 'info' });
  });

  it('searches up to the file-system root for a file outside every workspace folder', function () {
    writeFileSync(path.join(work, '.miit95.yaml'), 'rules:\n  R-TECH-001: off\n');
    mkdirSync(path.join(work, 'elsewhere'));
    assert.deepEqual(configFor(app('elsewhere', 'x.app95.yaml')).severities, { 'R-TECH-001': 'off' });
  });

  it('uses the open editor text of the configuration, per version', function () {
    const file = path.join(work, 'ws', '.miit95.yaml');
    writeFileSync(file, 'rules:\n  R-TECH-001: off\n');
    const uri = app('ws', 'a', 'x.app95.yaml');
    open.docs.set(fileUri(file), { version: 1, text: 'rules:\n  R-TECH-001: warning\n' });
    assert.deepEqual(configFor(uri).severities, { 'R-TECH-001': 'warning' });
    open.docs.set(fileUri(file), { version: 2, text: 'rules:\n  R-TECH-001: error\n' });
    assert.deepEqual(configFor(uri).severities, { 'R-TECH-001': 'error' });
    open.docs.delete(fileUri(file));
    configs.forget(fileUri(file));
    assert.deepEqual(configFor(uri).severities, { 'R-TECH-001': 'off' });
  });

  it('puts the miit95.rules setting on top of the file, dropping invalid entries', function () {
    writeFileSync(path.join(work, 'ws', '.miit95.yaml'), 'rules:\n  R-TECH-001: off\n  R-TECH-002: info\n');
    const uri = app('ws', 'x.app95.yaml');
    assert.equal(host.setUserRules({ 'R-TECH-001': 'error', 'R-X': 'off', 'R-TECH-003': 'loud' }), true);
    assert.deepEqual(configFor(uri).severities, { 'R-TECH-001': 'error', 'R-TECH-002': 'info' });
    assert.equal(host.setUserRules({ 'R-TECH-001': 'error' }), false, 'the same overrides: no change');
    assert.equal(host.setUserRules(undefined), true);
    assert.deepEqual(configFor(uri).severities, { 'R-TECH-001': 'off', 'R-TECH-002': 'info' });
  });

  it('gives application options with the probe, the configuration and today', function () {
    const options = host.optionsFor(fsPathOf(app('ws', 'x.app95.yaml')));
    assert.equal(options.today, '2026-03-01');
    assert.ok(options.files !== undefined);
    assert.ok(options.config !== undefined);
    assert.equal(host.optionsFor(fsPathOf('untitled:Untitled-1')).files, undefined);
  });

  describe('ConfigSync', function () {
    let calls: string[];
    let sync: ConfigSync;

    beforeEach(function () {
      calls = [];
      sync = new ConfigSync({
        configs,
        host,
        open,
        analyses: {
          invalidateAll: () => calls.push('invalidateAll'),
          delete: (uri) => calls.push(`delete ${path.basename(uri)}`),
        },
        diagnostics: {
          revalidateAll: (debounced) => calls.push(`revalidateAll${debounced === true ? ' debounced' : ''}`),
          revalidate: (uris) => calls.push(`revalidate ${[...uris].map((u) => path.basename(u)).join(',')}`),
        },
        pullSettings: () => Promise.resolve({}),
        log: (message) => calls.push(`log ${message}`),
      });
      for (const uri of [
        app('ws', 'a', 'one.app95.yaml'),
        app('ws', 'c', 'two.app95.yaml'),
        'untitled:Untitled-1',
      ])
        open.docs.set(uri, { version: 1, text: '' });
    });

    it('revalidates everything when a configuration file changes', function () {
      sync.watchedFilesChanged([{ uri: app('ws', 'a', '.miit95.yaml'), type: 2 }]);
      assert.deepEqual(calls, ['invalidateAll', 'revalidateAll']);
    });

    it('revalidates only the applications whose folder holds a changed attachment', function () {
      sync.watchedFilesChanged([{ uri: app('ws', 'a', '附件', 'x.pdf'), type: 3 }]);
      assert.deepEqual(calls, ['delete one.app95.yaml', 'revalidate one.app95.yaml']);
      calls.length = 0;
      sync.watchedFilesChanged([
        { uri: app('ws', 'c', 'deep', 'x.png'), type: 1 },
        { uri: app('ws', 'a', 'y.pdf'), type: 2 },
      ]);
      assert.deepEqual(calls, [
        'delete one.app95.yaml',
        'delete two.app95.yaml',
        'revalidate one.app95.yaml,two.app95.yaml',
      ]);
      calls.length = 0;
      sync.watchedFilesChanged([{ uri: app('ws', 'x.pdf'), type: 1 }]);
      assert.deepEqual(calls, [], 'outside every open application folder');
    });

    it('revalidates after typing pauses in an open configuration, and at once when it closes', function () {
      sync.configDocumentChanged(app('ws', 'a', 'one.app95.yaml'));
      assert.deepEqual(calls, [], 'an application edit is not a configuration change');
      sync.configDocumentChanged(app('ws', '.miit95.yaml'));
      assert.deepEqual(calls, ['invalidateAll', 'revalidateAll debounced']);
      calls.length = 0;
      sync.configDocumentClosed(app('ws', '.miit95.yaml'));
      assert.deepEqual(calls, ['invalidateAll', 'revalidateAll']);
    });

    it('takes pushed settings without workspace/configuration, and revalidates only on a real change', async function () {
      sync.initialize({ processId: null, rootUri: null, capabilities: {} });
      await sync.settingsChanged({ miit95: { rules: { 'R-TECH-001': 'off' } } });
      assert.deepEqual(calls, ['invalidateAll', 'revalidateAll']);
      calls.length = 0;
      await sync.settingsChanged({ miit95: { rules: { 'R-TECH-001': 'off' } } });
      await sync.settingsChanged(undefined);
      assert.deepEqual(calls, []);
    });
  });
});
