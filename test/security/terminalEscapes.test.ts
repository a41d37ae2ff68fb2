/**
 * Claim text and file names come from documents, and a document can hold terminal control
 * sequences: `ESC ] 0 ; title BEL` retitles the terminal, a C1 CSI recolours it, a CR rewrites
 * the line. No output of the CLI may carry them raw: text formats show them as `\xHH`, JSON
 * formats as `\u` escapes (so the parsed values are still the document's text).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warrant } from '../cli/helpers.js';
import { safeOutput, visibleControls } from '../../src/core/index.js';

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

  describe('matrix, print-config, report and messages (issue #21: one escaping layer for every output)', () => {
    let risky = '';
    before(() => {
      risky = mkdtempSync(join(tmpdir(), 'warrant-esc-matrix-'));
      writeFileSync(join(risky, '.warrant.yaml'), 'extends: warrant:ai-risk\nroot: true\nvocabulary:\n  claim: ["Thesis\\e]0;t\\a\\u009b"]\n');
      writeFileSync(join(risky, 'risks.md'), `# Risks\n\n<!-- risk #r1 adversary=skilled -->\n${HOSTILE} for the fleet.\n\n<!-- defense #d1 defends=#r1 layer=model -->\nThe model refuses such requests.\n\n<!-- risk adversary=casual -->\n${HOSTILE}, again.\n`);
    });
    after(() => rmSync(risky, { recursive: true, force: true }));
    const runIn = (args: string[]): string => {
      const r = warrant(args, { cwd: risky });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.doesNotMatch(r.stderr, RAW_CONTROL);
      assert.ok(r.stdout.length > 0);
      return r.stdout;
    };

    for (const by of [[], ['--by', 'adversary']]) {
      for (const format of ['table', 'markdown', 'csv']) {
        it(`matrix ${by.join(' ')} -f ${format} shows them visibly`, () => {
          const out = runIn(['matrix', '.', '-f', format, ...by]);
          assert.doesNotMatch(out.replace(/\r\n/g, '\n'), RAW_CONTROL);
          if (!by.length) assert.ok(out.includes('\\x1b]0;pwned\\x07'), out); // (tables name an anonymous risk by its text)
        });
      }
      it(`matrix ${by.join(' ')} -f json escapes them and parses to the document's text`, () => {
        const out = runIn(['matrix', '.', '-f', 'json', ...by]);
        assert.doesNotMatch(out, RAW_CONTROL);
        const value: unknown = JSON.parse(out);
        if (!by.length) assert.ok(strings(value).some((x) => x.includes('\u001b]0;pwned\u0007ship \u009b31mred\u007f')), out);
      });
    }

    it('matrix -f csv keeps its CR LF line ends', () => {
      const out = runIn(['matrix', '.', '-f', 'csv']);
      assert.ok(out.endsWith('\r\n') && !/[^\r]\n/.test(out), JSON.stringify(out.slice(0, 200)));
    });

    it('-o files are escaped the same way', () => {
      for (const [format, file] of [['csv', 'm.csv'], ['json', 'm.json']]) {
        const r = warrant(['matrix', '.', '-f', format!, '-o', file!], { cwd: risky });
        assert.equal(r.status, 0, r.stderr);
      }
      for (const f of ['m.csv', 'm.json']) assert.doesNotMatch(readFileSync(join(risky, f), 'utf8').replace(/\r\n/g, '\n'), RAW_CONTROL, f);
    });

    it('--print-config escapes config values and still parses', () => {
      const out = runIn(['--print-config', 'risks.md']);
      assert.doesNotMatch(out, RAW_CONTROL);
      assert.ok(strings(JSON.parse(out)).some((x) => x.includes('Thesis\u001b]0;t\u0007\u009b')), out);
    });

    for (const args of [['report', '.', '-f', 'markdown'], ['report', '.'], ['claims', '.', '-f', 'table'], ['graph', '.', '-f', 'svg']]) {
      it(`${args.join(' ')} to stdout`, () => {
        assert.doesNotMatch(runIn(args), RAW_CONTROL);
      });
    }

    it('messages on stderr naming a file', () => {
      const r = warrant(['lint', 'missing\u001b]0;x\u0007.md'], { cwd: risky });
      assert.equal(r.status, 2);
      assert.doesNotMatch(r.stderr, RAW_CONTROL);
      assert.ok(r.stderr.includes('\\x1b]0;x\\x07'), r.stderr);
    });
  });

  it('safeOutput keeps tab, line feed, CR LF and (only when painting) SGR colours; escapes every other control', () => {
    assert.equal(safeOutput('a\tb\r\nc\rd\u001b[1;31me\u001b]0;t\u0007\u009b2J'), 'a\tb\r\nc\\x0dd\\x1b[1;31me\\x1b]0;t\\x07\\x9b2J');
    assert.equal(safeOutput('x\u001b[1;31my\u001b[0m', true), 'x\u001b[1;31my\u001b[0m');
    assert.equal(safeOutput('x\u001b[2Jy', true), 'x\\x1b[2Jy', 'a colour sequence only: no cursor or screen control');
  });

  it('visibleControls keeps tab and line feed and escapes C0, DEL and C1', () => {
    assert.equal(visibleControls('a\tb\nc\u0000\u001b\u007f\u0085\u009f\u00a0'), 'a\tb\nc\\x00\\x1b\\x7f\\x85\\x9f\u00a0');
  });
});
