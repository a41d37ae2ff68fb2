/**
 * The Node versions package.json declares are the ones every installed package supports, so that
 * `npm ci` on the lowest declared Node prints no EBADENGINE and the server (which runs inside
 * VS Code's own Node) never loads a dependency that refuses it. `scripts/node-min.sh` (run by
 * .ci/run) also runs the CLI tests on exactly that Node.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script, shared with scripts/node-min.sh
import { lowestDeclared, refusing } from '../../scripts/check-engines.mjs';

const REPO = join(import.meta.dirname, '..', '..');

describe('engines', () => {
  it('declares Node 20.19 as the lowest', () => {
    assert.equal(lowestDeclared(), '20.19.0');
  });

  it('every package npm ci installs supports the lowest declared Node and the one running the tests', () => {
    assert.deepEqual(refusing([lowestDeclared(), process.versions.node]), []);
  });

  it('the CLI bundles carry no subprocess and no network client from citation-js (needs npm run build)', () => {
    for (const bundle of ['cli.cjs', 'worker.cjs']) {
      const text = readFileSync(join(REPO, 'dist', bundle), 'utf8');
      assert.doesNotMatch(text, /require\("(node:)?child_process"\)/, `${bundle} requires child_process`);
      assert.ok(!text.includes("Failed to construct 'Blob'"), `${bundle} bundles node-fetch's polyfills`);
      assert.ok(text.includes('Warrant never fetches URLs'), `${bundle} lacks the fetch stub`);
    }
  });
});
