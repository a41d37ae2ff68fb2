/**
 * `.warrantcache` is input, not truth: anyone who can write the folder can write it. Valid JSON
 * of the wrong shape used to crash the run with a TypeError, and an entry whose hash matched
 * replayed whatever findings it held (unknown rules, positions outside the file). Now the whole
 * file is checked on load and every replayed finding must fit its file; anything off gives one
 * notice, then a clean run whose output is exactly a run without cache, and a rewritten cache.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { warrant } from '../cli/helpers.js';
import { cacheProblem } from '../../src/cli/cache.js';

const ESSAY = '# Notes\n\n**Claim:** Parking pays for itself within a decade.\n\n**Claim:** Cities [measured it](https://example.org/study).\n';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the cache is validated before anything in it is used', () => {
  let dir = '';
  let plain = '';
  let plainStatus: number | null = null;
  let uri = '';
  const cacheFile = (): string => join(dir, '.warrantcache');
  const lint = (...extra: string[]) => warrant(['lint', '.', '-f', 'json', ...extra], { cwd: dir });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-cache-'));
    writeFileSync(join(dir, 'essay.md'), ESSAY);
    uri = pathToFileURL(join(dir, 'essay.md')).href;
    const first = lint();
    plain = first.stdout;
    plainStatus = first.status;
    assert.match(plain, /unsupported-claim/);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Write a good cache, let `tamper` change it, run again: one notice, the plain output, a good cache after. */
  const check = (name: string, tamper: (cache: Json) => string | Json, notice: RegExp): void => {
    it(name, () => {
      rmSync(cacheFile(), { force: true });
      assert.equal(lint('--cache').stdout, plain);
      const good = JSON.parse(readFileSync(cacheFile(), 'utf8')) as Json;
      const bad = tamper(good);
      writeFileSync(cacheFile(), typeof bad === 'string' ? bad : JSON.stringify(bad));
      const r = lint('--cache', '--debug');
      assert.equal(r.status, plainStatus, r.stderr);
      assert.equal(r.stdout, plain);
      const notices = r.stderr.split('\n').filter((l) => l.includes('ignoring the cache'));
      assert.equal(notices.length, 1, r.stderr);
      assert.match(notices[0]!, notice);
      assert.match(r.stderr, /1 files, 0 from cache/);
      // The run wrote a good cache again: the next run uses it, silently.
      const again = lint('--cache', '--debug');
      assert.equal(again.stdout, plain);
      assert.doesNotMatch(again.stderr, /ignoring the cache/);
      assert.match(again.stderr, /1 files, 1 from cache/);
    });
  };

  check('"graph": 5', (c) => ({ ...c, graph: 5 }), /"graph" is not an object/);
  check('"graph": null', (c) => ({ ...c, graph: null }), /"graph" is not an object/);
  check('a graph entry that is not a list', (c) => ({ ...c, graph: { [uri]: 5 } }), /not a list of files/);
  check('a __proto__ entry', (c) => JSON.stringify(c).replace('"files":{', '"files":{"__proto__":{"hash":"x"},'), /"files" has an entry named "__proto__"/);
  check('a file entry that is null', (c) => ({ ...c, files: { ...c['files'], [uri]: null } }), /is not an object/);
  check('a finding with an unknown rule id', (c) => {
    c['files'][uri].findings[0].ruleId = 'made-up-rule';
    return c;
  }, /unknown rule "made-up-rule"/);
  check('a finding outside the file', (c) => {
    c['files'][uri].findings[0].range = { start: 100000, end: 100010 };
    return c;
  }, /lies outside the file/);
  check('a finding at a position its offsets do not give', (c) => {
    c['files'][uri].findings[0].position.start.line = 40;
    return c;
  }, /position its offsets do not give/);
  check('a finding with a bad severity', (c) => {
    c['files'][uri].findings[0].severity = 'fatal';
    return c;
  }, /no valid severity/);
  check('a file that is not JSON', () => '{"format": 1, ', /not valid JSON/);
  check('a finding that belongs to another file', (c) => {
    c['files'][uri].findings[0].uri = uri.replace(/essay\.md$/, 'other.md');
    return c;
  }, /belongs to another file/);

  it('a cache written under other lint options is not replayed (--no-inline-config)', () => {
    const sub = mkdtempSync(join(tmpdir(), 'warrant-cache-key-'));
    try {
      writeFileSync(join(sub, 'essay.md'), '# Notes\n\n<!-- warrant-disable-next-line unsupported-claim -->\n**Claim:** Parking pays for itself within a decade.\n');
      const run = (...extra: string[]) => warrant(['lint', '.', '-f', 'json', ...extra], { cwd: sub });
      assert.doesNotMatch(run('--cache').stdout, /unsupported-claim/);
      const want = run('--no-inline-config');
      assert.match(want.stdout, /unsupported-claim/);
      const got = run('--cache', '--no-inline-config', '--debug');
      assert.equal(got.stdout, want.stdout);
      assert.match(got.stderr, /1 files, 0 from cache/);
      // and back: the directive applies again
      assert.doesNotMatch(run('--cache').stdout, /unsupported-claim/);
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('a cache of another version is set aside silently', () => {
    rmSync(cacheFile(), { force: true });
    lint('--cache');
    const c = JSON.parse(readFileSync(cacheFile(), 'utf8')) as Json;
    writeFileSync(cacheFile(), JSON.stringify({ ...c, warrant: '0.0.0-old', graph: 5 }));
    const r = lint('--cache');
    assert.equal(r.stdout, plain);
    assert.equal(r.stderr, '');
  });

  it('cacheProblem accepts what a run writes', () => {
    rmSync(cacheFile(), { force: true });
    lint('--cache');
    assert.equal(cacheProblem(JSON.parse(readFileSync(cacheFile(), 'utf8'))), undefined);
  });
});
