/**
 * The params guard (server/src/lsp/params-guard.ts) on both transports the server speaks — the
 * editor's node IPC and stdio — through the real client library: a request with null params is
 * rejected with InvalidParams (-32602), and a well-formed one still answered. And the guard's table
 * covers every custom request of the protocol module that takes params, so a new request cannot be
 * added without its shape.
 */
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import * as protocol from '../../server/src/editor-protocol';
import { PARAMS_SHAPES } from '../../server/src/lsp/params-guard';
import { assertBundleFresh, LspClient, SERVER_BUNDLE } from './client';

/** The custom requests that take no params (anything sent is ignored). */
const WITHOUT_PARAMS = new Set([protocol.REVALIDATE_METHOD, protocol.RULES_METHOD, protocol.PORTFOLIO_METHOD]);

describe('params guard', function () {
  this.timeout(30_000);

  it('covers every custom request of editor-protocol.ts that takes params', function () {
    const methods = Object.entries(protocol)
      .filter(([name, value]) => name.endsWith('_METHOD') && typeof value === 'string')
      .map(([, value]) => value as string);
    assert.ok(methods.length >= 6, methods.join(', '));
    for (const method of methods) {
      if (WITHOUT_PARAMS.has(method)) assert.equal(PARAMS_SHAPES[method], undefined, method);
      else assert.ok(PARAMS_SHAPES[method] !== undefined, `${method} has no params shape in lsp/params-guard.ts`);
    }
  });

  for (const transport of ['ipc', 'stdio'] as const) {
    it(`over ${transport}: null params → InvalidParams; well-formed → answered`, async function () {
      assertBundleFresh(SERVER_BUNDLE);
      const client = LspClient.start(transport);
      try {
        await client.initialize({ locale: 'en' });
        for (const method of [protocol.FEE_PREVIEW_METHOD, protocol.FORM_MODEL_METHOD, 'textDocument/hover']) {
          await assert.rejects(
            client.request(method, null),
            (error: unknown) =>
              error instanceof ResponseError && error.code === -32602 && error.message.includes(`Invalid params for ${method}`),
            method,
          );
        }
        assert.equal(await client.request(protocol.FEE_PREVIEW_METHOD, { uri: 'file:///not/open.app95.yaml' }), null);
        assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'nothing logged as an error');
      } finally {
        assert.equal(await client.stop(), 0, `clean shutdown; stderr: ${client.stderr}`);
      }
    });
  }
});
