/**
 * `npm run package` output: the .vsix holds the bundles, grammar, snippets, schema, icon, README,
 * LICENSE and CHANGELOG, and nothing else (no sources, tests, maps or node_modules). The file
 * list is a snapshot in vsix-files.txt; UPDATE_EXPECT=1 rewrites it, and a missing one fails.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readSnapshot, updateHint } from '../helpers/snapshot.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SNAPSHOT = fileURLToPath(new URL('./vsix-files.txt', import.meta.url));

interface ZipEntry {
  readonly name: string;
  read(): Buffer;
}

/** The central directory of a zip file (enough for vsce's output: no zip64, stored or deflated). */
function readZip(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    entries.push({
      name,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + size);
        return method === 0 ? Buffer.from(data) : inflateRawSync(data);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('packaging: warrant-<version>.vsix', function () {
  this.timeout(120000);
  let entries: ZipEntry[];
  let dir: string;

  before(() => {
    if (!existsSync(join(ROOT, 'dist/client.cjs')) || !existsSync(join(ROOT, 'dist/server.cjs'))) {
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    dir = mkdtempSync(join(tmpdir(), 'warrant-vsix-test-'));
    const out = join(dir, 'warrant.vsix');
    execFileSync(process.execPath, ['scripts/e2e-vsix.mjs', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    entries = readZip(readFileSync(out));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('file list matches the snapshot', () => {
    const names = entries.map((e) => e.name).sort().join('\n') + '\n';
    const options = { testFile: 'test/packaging/vsix.test.ts' };
    assert.equal(names, readSnapshot(SNAPSHOT, names, options), `vsix contents differ from ${updateHint(SNAPSHOT, options)}`);
  });

  it('ships bundles, grammar, schema, README, LICENSE, CHANGELOG and icon; no sources, tests, maps or node_modules', () => {
    const names = entries.map((e) => e.name);
    for (const required of [
      'extension/dist/client.cjs',
      'extension/dist/server.cjs',
      'extension/dist/viz.cjs',
      'extension/dist/mcp.cjs',
      'extension/dist/web/extension.js',
      'extension/dist/web/server.js',
      'extension/docs/rules/unsupported-claim.md',
      'extension/media/map.js',
      'extension/syntaxes/warrant.markdown.tmLanguage.json',
      'extension/schemas/warrant.schema.json',
      'extension/images/icon.png',
      'extension/package.json',
    ]) {
      assert.ok(names.includes(required), `missing ${required}`);
    }
    for (const doc of [/^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/license(\.txt|\.md)?$/i]) {
      assert.ok(names.some((n) => doc.test(n)), `missing ${doc}`);
    }
    const forbidden = names.filter((n) => /(^|\/)(src|test|node_modules)\/|\.map$|\.ts$/.test(n));
    assert.deepEqual(forbidden, []);
  });

  it('the packaged manifest points at the bundle and has no npm-only fields', () => {
    const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.read().toString('utf8'));
    assert.equal(manifest.main, './dist/client.cjs');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.type, undefined, 'the web worker host refuses a `type: module` extension');
    assert.equal(manifest.files, undefined);
    assert.equal(manifest.dependencies, undefined);
    // Linting runs no workspace code anywhere; only the MCP server waits for trust.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['warrant.mcp.enable']);
    assert.deepEqual(manifest.contributes.mcpServerDefinitionProviders, [{ id: 'warrant.mcp', label: 'Warrant' }]);
    assert.ok(manifest.contributes.yamlValidation[0].url.endsWith('schemas/warrant.schema.json'));
  });
});
