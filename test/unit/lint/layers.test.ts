/**
 * The layers and the no-loop rule as `npm run lint` applies them (eslint.config.mjs with the local
 * rules of eslint-rules/): probe files written into the source tree for the run, linted with the
 * project's own configuration, must fail on a forbidden import (type imports included), on an
 * import loop, and pass when they follow the layers.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO = path.resolve(__dirname, '../../..');

interface Probe {
  readonly file: string;
  readonly text: string;
}

async function lint(probes: readonly Probe[]): Promise<Map<string, string[]>> {
  const absolute = probes.map((p) => path.join(REPO, p.file));
  try {
    probes.forEach((p, i) => writeFileSync(absolute[i]!, p.text));
    const eslint = new ESLint({ cwd: REPO });
    const results = await eslint.lintFiles(absolute);
    return new Map(
      results.map((r) => [
        path.relative(REPO, r.filePath).split(path.sep).join('/'),
        r.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`),
      ]),
    );
  } finally {
    for (const file of absolute) rmSync(file, { force: true });
  }
}

const rulesOf = (messages: string[] | undefined): string[] => (messages ?? []).map((m) => m.split(':')[0]!);

describe('lint: layers and import loops', function () {
  this.timeout(120_000);
  const tag = `lint-probe-${process.pid}`;

  it('fails on forbidden imports, type imports included, and passes allowed ones', async function () {
    const results = await lint([
      {
        file: `server/src/core/${tag}-a.ts`,
        text: "import type { ValidationHost } from '../host/validation-host';\nexport type A = ValidationHost;\n",
      },
      {
        file: `server/src/host/${tag}-b.ts`,
        text: "import { SETTINGS_SECTION } from '../lsp/config-sync';\nexport const B = SETTINGS_SECTION;\n",
      },
      {
        file: `client/src/${tag}-c.ts`,
        text: "import { localDate } from '../../server/src/core/local-date';\nexport const C = localDate;\n",
      },
      {
        file: `client/src/${tag}-d.ts`,
        text: "import { localDate } from '../../server/src/editor-protocol';\nexport const D = localDate;\n",
      },
      {
        file: `server/src/cli/${tag}-e.ts`,
        text: "import { DEFAULTS_ONLY } from '../host/validation-host';\nexport const E = DEFAULTS_ONLY;\n",
      },
    ]);
    const of = (name: string): string[] | undefined => results.get(name);
    assert.deepEqual(rulesOf(of(`server/src/core/${tag}-a.ts`)), ['miit95/layers']);
    assert.match(of(`server/src/core/${tag}-a.ts`)![0]!, /Layer 'core' may not import layer 'host'/);
    assert.deepEqual(rulesOf(of(`server/src/host/${tag}-b.ts`)), ['miit95/layers']);
    assert.match(of(`server/src/host/${tag}-b.ts`)![0]!, /Layer 'host' may not import layer 'lsp'/);
    assert.deepEqual(rulesOf(of(`client/src/${tag}-c.ts`)), ['miit95/layers']);
    assert.match(of(`client/src/${tag}-c.ts`)![0]!, /Layer 'client' may not import layer 'core'/);
    assert.deepEqual(of(`client/src/${tag}-d.ts`), [], 'the client may import the protocol module');
    assert.deepEqual(of(`server/src/cli/${tag}-e.ts`), [], 'the CLI may import the host');
  });

  it('fails on an import loop made of type imports', async function () {
    const a = `server/src/core/${tag}-loop-a.ts`;
    const b = `server/src/core/${tag}-loop-b.ts`;
    const results = await lint([
      { file: a, text: `import type { B } from './${tag}-loop-b';\nexport interface A { readonly b?: B }\n` },
      { file: b, text: `import type { A } from './${tag}-loop-a';\nexport interface B { readonly a?: A }\n` },
    ]);
    for (const file of [a, b]) {
      assert.deepEqual(rulesOf(results.get(file)), ['miit95/no-cycle'], file);
      assert.match(results.get(file)![0]!, /Import loop: server\/src\/core\/lint-probe-\d+-loop-[ab]\.ts → /);
    }
  });
});
