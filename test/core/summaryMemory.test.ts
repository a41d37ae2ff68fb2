/**
 * A summary (`Engine.summarize`: what the server's workspace index keeps of a file nobody has
 * open) holds one copy of its document, not two. The tree's strings are slices of what the parser
 * was handed, and a slice keeps its whole parent alive: handed a rebuilt copy of the text, the
 * headings and sources a summary kept held a second document each (#20: about 45 MB of a
 * 1,008-file workspace's 298 MB). Besides the text it keeps what other documents read, not what
 * only the document's own lint does (#20 again: 253 MB). Measured in a fresh process with a forced
 * collection, against the size of the texts themselves; the margins are wide.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CORE = join(import.meta.dirname, '..', '..', 'src', 'core', 'index.ts');

describe('engine: a summary keeps one copy of its document and little else', function () {
  this.timeout(120_000);

  it('forty 100 KB documents, summarized: the heap grows by about the texts, not twice them', () => {
    const script = `
      const { createEngine, MemoryWorkspace } = require(${JSON.stringify(CORE)});
      const engine = createEngine({ workspace: new MemoryWorkspace({}) });
      // Warm up: the first analysis loads the parser and rules.
      engine.analyze('file:///w/warm.md', '# Warm\\n\\nA line.\\n');
      gc(); gc();
      const before = process.memoryUsage().heapUsed;
      let bytes = 0;
      for (let i = 0; i < 40; i++) {
        // Front matter (the parser was handed it and the body joined again), two-byte text (curly
        // quotes), long paragraphs: the text dominates what a summary keeps.
        let text = '---\\ntitle: Essay ' + i + '\\n---\\n\\n# Essay ' + i + ' on “bus lanes”\\n\\nSee [the survey](https://example.org/survey-' + i + ').\\n\\n';
        while (text.length < 100000) text += 'Bus lanes in town ' + i + ' “cut” journey times for riders on most routes, and the trial went on. '.repeat(20) + '\\n\\n';
        engine.analyze('file:///w/' + i + '.md', text);
        engine.summarize('file:///w/' + i + '.md');
        bytes += text.length * 2;
      }
      gc(); gc();
      console.log(JSON.stringify({ grew: process.memoryUsage().heapUsed - before, bytes }));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { grew, bytes } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { grew: number; bytes: number };
    assert.ok(grew < bytes * 1.5, `the heap grew by ${(grew / 1e6).toFixed(1)} MB for ${(bytes / 1e6).toFixed(1)} MB of text: the summaries hold a second copy`);
  });

  it('a hundred documents of 20 headings and 200 sources, summarized: under 500 bytes a source besides the text (was about 780)', () => {
    // What a summary kept besides its text (#20): each heading's tree node, the front matter, the
    // footnotes again, and a hidden class for every source (about 800 bytes a source in all); now
    // the sources themselves and little else.
    const script = `
      const { createEngine, MemoryWorkspace } = require(${JSON.stringify(CORE)});
      const engine = createEngine({ workspace: new MemoryWorkspace({}) });
      const essay = (i) => {
        let text = '---\\ntitle: Essay ' + i + '\\nsummary: What essay ' + i + ' says\\n---\\n\\n# Essay ' + i + '\\n\\n';
        for (let j = 0; j < 20; j++) {
          text += '## Section ' + j + ' of essay ' + i + '\\n\\n';
          for (let k = 0; k < 5; k++) text += 'Bus lanes cut journey times, says [survey ' + k + '](https://example.org/' + i + '/' + j + '/' + k + '), on most routes.[^' + j + '-' + k + ']\\n\\n';
        }
        for (let j = 0; j < 20; j++) for (let k = 0; k < 5; k++) text += '[^' + j + '-' + k + ']: A note.\\n';
        return text;
      };
      // Warm up on the same shape of document, so that compiled code is not counted.
      for (let i = 0; i < 10; i++) engine.analyze('file:///warm/' + i + '.md', essay(i)), engine.summarize('file:///warm/' + i + '.md');
      gc(); gc();
      const before = process.memoryUsage().heapUsed;
      let bytes = 0;
      let sources = 0;
      for (let i = 0; i < 100; i++) {
        const text = essay(100 + i); // one-byte text: a byte a character
        const summary = (engine.analyze('file:///w/' + i + '.md', text), engine.summarize('file:///w/' + i + '.md'));
        bytes += text.length;
        sources += summary.sources.length;
      }
      gc(); gc();
      console.log(JSON.stringify({ grew: process.memoryUsage().heapUsed - before, bytes, sources }));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { grew, bytes, sources } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { grew: number; bytes: number; sources: number };
    assert.equal(sources, 100 * 200);
    const perSource = (grew - bytes) / sources;
    assert.ok(perSource < 500, `the heap grew by ${(grew / 1e6).toFixed(1)} MB for ${(bytes / 1e6).toFixed(1)} MB of text: ${perSource.toFixed(0)} bytes a source besides the text`);
  });
});
