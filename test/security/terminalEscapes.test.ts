/**
 * Claim text and file names come from documents, and a document can hold terminal control
 * sequences: `ESC ] 0 ; title BEL` retitles the terminal, a C1 CSI recolours it, a CR rewrites
 * the line. No output of the CLI may carry them raw: text formats show them as `\xHH`, JSON
 * formats as `\u` escapes (so the parsed values are still the document's text).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warrant } from '../cli/helpers.js';
import { visibleControls } from '../../src/core/index.js';

const HOSTILE = 'Vendors \u001b]0;pwned\u0007ship \u009b31mred\u007f text\rover it';
/** Any control character a terminal may act on (tab and line feed are fine). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const FILE = 'esc\u001b[7mname.md';

/** Every string inside a parsed JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('terminal escapes never reach the output raw', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-esc-'));
    writeFileSync(join(dir, FILE), `# Notes\n\n**Claim:** ${HOSTILE} every year.\n\n**Claim:** Plain words [support it](#notes).\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]): string => {
    const r = warrant(args, { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.ok(r.stdout.length > 0);
    return r.stdout;
  };

  for (const format of ['stylish', 'compact', 'gnu', 'github', 'junit']) {
    it(`lint -f ${format} shows the escapes visibly`, () => {
      const out = run(['lint', '.', '-f', format]);
      assert.doesNotMatch(out, RAW_CONTROL);
      assert.ok(out.includes('\\x1b]0;pwned\\x07'), out);
      assert.ok(out.includes('\\x9b31m'), out);
      assert.ok(out.includes('esc\\x1b[7mname.md'), out);
    });
  }

  for (const format of ['json', 'sarif']) {
    it(`lint -f ${format} escapes them and still parses to the document's text`, () => {
      const out = run(['lint', '.', '-f', format]);
      assert.doesNotMatch(out, RAW_CONTROL);
      assert.ok(strings(JSON.parse(out)).some((x) => x.includes('\u001b]0;pwned\u0007ship \u009b31mred\u007f')), out);
    });
  }

  it('claims -f table and -f json', () => {
    const table = run(['claims', '.', '-f', 'table']);
    assert.doesNotMatch(table, RAW_CONTROL);
    assert.ok(table.includes('\\x1b]0;pwned\\x07'), table);
    const json = run(['claims', '.', '-f', 'json']);
    assert.doesNotMatch(json, RAW_CONTROL);
    assert.ok(strings(JSON.parse(json)).some((x) => x.includes('\u001b]0;pwned\u0007ship \u009b31mred\u007f')), json);
  });

  for (const format of ['mermaid', 'dot', 'json', 'aif']) {
    it(`graph -f ${format}`, () => {
      const out = run(['graph', '.', '-f', format]);
      assert.doesNotMatch(out, RAW_CONTROL);
      assert.ok(out.includes('pwned'), out);
    });
  }

  it('visibleControls keeps tab and line feed and escapes C0, DEL and C1', () => {
    assert.equal(visibleControls('a\tb\nc\u0000\u001b\u007f\u0085\u009f\u00a0'), 'a\tb\nc\\x00\\x1b\\x7f\\x85\\x9f\u00a0');
  });
});
