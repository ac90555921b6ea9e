/** The base of rule documentation links (host/docs-base.ts). */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveDocsBase } from '../../server/src/host/docs-base';

const ROOT = path.resolve(__dirname, '../..');
const ROOT_URL = `${pathToFileURL(ROOT).href}/`;

describe('docs base', function () {
  it('is the package root above dist/ as a file: URL by default', function () {
    assert.equal(resolveDocsBase(undefined, path.join(ROOT, 'dist')), ROOT_URL);
    assert.equal(resolveDocsBase({}, path.join(ROOT, 'server', 'src', 'handlers')), ROOT_URL);
  });

  it('takes an absolute docsBaseUri from the client, with a trailing slash', function () {
    assert.equal(
      resolveDocsBase({ docsBaseUri: 'https://x.example/miit95' }, path.join(ROOT, 'dist')),
      'https://x.example/miit95/',
    );
  });

  it('ignores a docsBaseUri that is not an absolute URL', function () {
    assert.equal(resolveDocsBase({ docsBaseUri: 'docs/' }, path.join(ROOT, 'dist')), ROOT_URL);
    assert.equal(resolveDocsBase({ docsBaseUri: 42 }, path.join(ROOT, 'dist')), ROOT_URL);
  });

  it('is undefined when no package root is found', function () {
    assert.equal(resolveDocsBase(undefined, path.parse(ROOT).root), undefined);
  });
});
