/**
 * A lean server (#13): typing reads nothing from disk and re-lints no closed file; the file
 * watcher is what sends a file on disk back to the index, and then only that file.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeDeps } from '../../src/server/nodeDeps.js';
import { fixtureText, startOnFixtureCopy, type Harness } from './harness.js';

describe('server: the workspace index is read once, then follows the watcher', () => {
  let dir: string;
  let h: Harness;
  let uri: string;
  const reads: string[] = [];

  let close: () => void;

  before(async () => {
    const real = nodeDeps();
    ({ h, dir, uri, close } = await startOnFixtureCopy('warrant-lean-', {
      settings: { debounce: 0 },
      deps: { ...real, readFile: (u) => (reads.push(u), real.readFile(u)) },
    }));
  });
  after(() => close());

  it('reads each Markdown file once at start, then nothing while typing', async () => {
    const markdownReads = () => reads.filter((u) => u.endsWith('.md'));
    assert.ok(markdownReads().some((u) => u.endsWith('/notes.md')), 'the index read the closed files');
    const before = markdownReads().length;
    let text = fixtureText('lanes.md');
    for (let v = 2; v <= 8; v++) {
      // type a word into the first line, changing ids too (a heading), one keystroke at a time
      const next = h.nextDiagnostics(uri, (p) => p.version === v);
      h.edit(uri, v, { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, 'x');
      text = text.slice(0, 2) + 'x' + text.slice(2);
      await next;
    }
    assert.equal(markdownReads().length, before, `read while typing: ${markdownReads().slice(before).join(', ')}`);
  });

  it('a watched change re-reads that file, and only it', async () => {
    const before = reads.length;
    writeFileSync(join(dir, 'notes.md'), `${fixtureText('notes.md')}\nOne more line.\n`);
    const next = h.nextDiagnostics(uri, (p) => (p.version ?? 0) >= 8);
    void h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'notes.md')).href, type: 2 }] });
    await next;
    const again = reads.slice(before).filter((u) => u.endsWith('.md'));
    assert.deepEqual([...new Set(again)].map((u) => u.split('/').pop()), ['notes.md']);
  });
});
