/**
 * bin/compile-cache.cjs (#13): the bundle is compiled from V8 cached data kept next to it. The
 * cache must only ever make a start faster: written on the first run, reused after, and a
 * corrupt or foreign cache file is replaced, never a crash. Runs on a scratch copy of bin/ and
 * dist/cli.cjs so the checkout's own cache is untouched.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './helpers.js';

describe('bin: V8 code cache', function () {
  this.timeout(120_000);
  let dir: string;
  const hasNativeCache = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-cc-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist'));
    for (const f of ['warrant.cjs', 'compile-cache.cjs']) copyFileSync(join(REPO, 'bin', f), join(dir, 'bin', f));
    copyFileSync(join(REPO, 'dist', 'cli.cjs'), join(dir, 'dist', 'cli.cjs'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => {
    const { WARRANT_NO_COMPILE_CACHE: _, ...env } = process.env;
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'warrant.cjs'), '--version'], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };

  // Node ≥ 22.1 keeps its own cache (module.enableCompileCache): no file beside the bundle. Not a
  // skip: on each Node one of these two tests runs, and neither can pass without checking.
  it('on a Node with module.enableCompileCache: starts, and writes no cache beside the bundle', function () {
    if (!hasNativeCache) {
      assert.equal(Number(process.versions.node.split('.')[0]) > 22 || (process.versions.node.startsWith('22.') && Number(process.versions.node.split('.')[1]) >= 1), false);
      return;
    }
    assert.match(run(), /^\d+\.\d+\.\d+/);
    assert.match(run(), /^\d+\.\d+\.\d+/);
    assert.ok(!existsSync(join(dir, 'dist', 'cli.cjs.v8cache')), 'the native cache lives elsewhere');
  });

  it('on an older Node: writes the cache on the first run, reuses it, and survives a corrupt or foreign one', function () {
    if (hasNativeCache) {
      assert.ok(Number(process.versions.node.split('.')[0]) >= 22, process.versions.node);
      return;
    }
    const cache = join(dir, 'dist', 'cli.cjs.v8cache');
    const version = run();
    assert.match(version, /^\d+\.\d+\.\d+/);
    assert.ok(existsSync(cache), 'the first run writes the cache');
    const written = readFileSync(cache);
    const key = written.subarray(0, written.indexOf(10) + 1).toString();
    assert.ok(key.includes(process.versions.v8), key);

    assert.equal(run(), version, 'a cached start prints the same');
    assert.ok(readFileSync(cache).equals(written), 'an accepted cache is not rewritten');

    writeFileSync(cache, Buffer.concat([Buffer.from(key), Buffer.from('not V8 data at all')]));
    assert.equal(run(), version, 'rejected data: a plain compile');
    assert.ok(readFileSync(cache).length > 1000, 'and the cache is written afresh');

    writeFileSync(cache, 'v0.0.0 another node\n\u0000\u0001');
    assert.equal(run(), version, 'a foreign key: ignored');
    assert.ok(readFileSync(cache).toString('latin1').startsWith(key), 'and replaced');
  });

  it('on an older Node: a bundle required later from dist/ (nlp.cjs, on the first scored sentence) is cached too (#20)', function () {
    if (hasNativeCache) return; // module.enableCompileCache covers every module loaded after it
    copyFileSync(join(REPO, 'dist', 'nlp.cjs'), join(dir, 'dist', 'nlp.cjs'));
    writeFileSync(join(dir, 'note.md'), '# A note\n\nCycle lanes double the number of riders within a year.\n');
    const lint = () => {
      const { WARRANT_NO_COMPILE_CACHE: _, ...env } = process.env;
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'warrant.cjs'), 'lint', 'note.md', '--no-config-lookup', '-f', 'json'], { cwd: dir, encoding: 'utf8', env });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return r.stdout;
    };
    const cache = join(dir, 'dist', 'nlp.cjs.v8cache');
    const first = lint();
    assert.ok(existsSync(cache), 'the first run (its sentence scored, so nlp.cjs loaded) writes nlp.cjs.v8cache');
    const written = readFileSync(cache);
    assert.equal(lint(), first, 'a cached start finds the same');
    assert.ok(readFileSync(cache).equals(written), 'an accepted cache is not rewritten');
  });

  it('on an older Node: the language server reuses its cache (its V8 flag is set before the bundle compiles)', async function () {
    if (hasNativeCache) return; // module.enableCompileCache: Node's own cache, checked by Node
    copyFileSync(join(REPO, 'bin', 'warrant-language-server.cjs'), join(dir, 'bin', 'warrant-language-server.cjs'));
    copyFileSync(join(REPO, 'dist', 'server.cjs'), join(dir, 'dist', 'server.cjs'));
    const message = (m: object): string => {
      const body = JSON.stringify(m);
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    // initialize, answered; then shutdown and exit, so the cache is written at a normal exit.
    const start = () =>
      new Promise<void>((resolve, reject) => {
        const { WARRANT_NO_COMPILE_CACHE: _, ...env } = process.env;
        const child = spawn(process.execPath, [join(dir, 'bin', 'warrant-language-server.cjs'), '--stdio'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
        let out = '';
        let step = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (step === 0 && out.includes('"id":1,')) (step = 1), child.stdin.write(message({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
          if (step === 1 && out.includes('"id":2,')) (step = 2), child.stdin.end(message({ jsonrpc: '2.0', method: 'exit' }));
        });
        child.on('error', reject);
        child.on('exit', () => (/"id":1,"result":\{"capabilities"/.test(out) ? resolve() : reject(new Error(`no initialize answer: ${out.slice(0, 300)}`))));
        child.stdin.write(message({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      });
    const cache = join(dir, 'dist', 'server.cjs.v8cache');
    await start();
    assert.ok(existsSync(cache), 'the first start writes server.cjs.v8cache');
    const before = statSync(cache);
    await start();
    const after = statSync(cache);
    // A rejected cache is written afresh at exit (a new file renamed over the old one).
    assert.deepEqual([after.ino, after.mtimeMs], [before.ino, before.mtimeMs], 'the second start compiled from the cache: it was not rewritten');
  });
});
