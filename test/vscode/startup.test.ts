/**
 * The server's start in a real VS Code: the client hands the server a code-cache folder inside the
 * extension's global storage (client/src/extension.ts → server/src/boot/code-cache.ts), and the
 * server, once running, writes its V8 code cache there — so the next start of the editor skips
 * compiling the bundle. Read from the server process's environment (Linux /proc; skipped elsewhere).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openAndWaitForPublish, readyApi, sampleUri, serverPids, until } from './helpers';

/** The value of `name` in the environment of process `pid`. */
function environmentOf(pid: number, name: string): string | undefined {
  const entries = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  const entry = entries.find((e) => e.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}

describe('server start (code cache in the extension storage)', function () {
  before(function () {
    if (process.platform !== 'linux') this.skip();
  });

  it('the server gets a cache folder in the global storage and writes its code cache there', async function () {
    const api = await readyApi();
    await openAndWaitForPublish(api, sampleUri('complete', '杭州云声.app95.yaml'));
    const [pid] = serverPids();
    assert.ok(pid !== undefined, 'the server process runs');
    const dir = environmentOf(pid, 'MIIT95_CODE_CACHE_DIR');
    assert.ok(dir !== undefined, 'the client passes MIIT95_CODE_CACHE_DIR');
    const parts = dir.split(path.sep);
    assert.ok(parts.includes('globalStorage'), `inside the global storage: ${dir}`);
    assert.ok(parts.includes('miit95.miit95'), `inside this extension's storage: ${dir}`);
    assert.equal(path.basename(dir), 'code-cache');
    const cacheFiles = (): string[] =>
      fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cache')) : [];
    await until(() => cacheFiles().length > 0, 20_000, `a code cache file in ${dir}`);
    const [cacheFile = ''] = cacheFiles();
    assert.match(cacheFile, /^server-[0-9a-f]{24}-.+\.cache$/);
    assert.ok(fs.statSync(path.join(dir, cacheFile)).size > 100_000);
  });
});
