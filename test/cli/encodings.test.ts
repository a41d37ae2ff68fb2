/**
 * Text that is not UTF-8 is one `file-skipped` error saying what it is and what to do, from a file
 * or from `--stdin` alike (issue #21): a UTF-16 file with a byte-order mark was called "looks
 * binary" (a warning, exit 0), and Latin-1 on standard input was decoded with U+FFFD and linted
 * silently.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warrant } from './helpers.js';

const TEXT = '# Prices\n\nClaim: Bread costs more every winter.\n';
const utf16be = (s: string): Buffer => Buffer.from(Buffer.from(s, 'utf16le').map((_, i, b) => b[i ^ 1]!));

describe('encodings (built CLI)', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'warrant-encodings-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a UTF-16 file with a byte-order mark: an error naming it, and how to fix it', () => {
    writeFileSync(join(dir, 'le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]));
    writeFileSync(join(dir, 'be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]));
    const r = warrant(['lint', 'le.md', 'be.md', '-f', 'gnu'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').sort(), [
      'be.md:1:1: error: Not linted: this path is UTF-16 (big-endian) text with a byte-order mark, not UTF-8: save it as UTF-8 [file-skipped]',
      'le.md:1:1: error: Not linted: this path is UTF-16 (little-endian) text with a byte-order mark, not UTF-8: save it as UTF-8 [file-skipped]',
    ]);
  });

  it('--stdin that is not UTF-8: the same error as such a file, never U+FFFD', () => {
    const latin1 = Buffer.from('# Caf\xe9s\n\nClaim: Na\xefve claims need sources.\n', 'latin1');
    writeFileSync(join(dir, 'latin1.md'), latin1);
    const file = warrant(['lint', 'latin1.md', '-f', 'gnu'], { cwd: dir });
    const stdin = warrant(['lint', '--stdin', '--stdin-filename', 'latin1.md', '-f', 'gnu'], { cwd: dir, input: latin1 });
    assert.equal(stdin.status, 1, stdin.stderr);
    assert.equal(stdin.stdout, file.stdout);
    assert.match(stdin.stdout, /^latin1\.md:1:6: error: Not linted: this path is not UTF-8 text \(byte 0xE9 at line 1, column 6; Latin-1 or Windows-1252\?\): save it as UTF-8 \[file-skipped\]$/m);
    assert.doesNotMatch(stdin.stdout, /\uFFFD/);
  });

  it('--stdin in UTF-16 with a byte-order mark: the UTF-16 error', () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const r = warrant(['lint', '--stdin', '--stdin-filename', 'in.md', '-f', 'gnu'], { cwd: dir, input });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, 'in.md:1:1: error: Not linted: this path is UTF-16 (little-endian) text with a byte-order mark, not UTF-8: save it as UTF-8 [file-skipped]\n');
  });

  it('--stdin in UTF-8, with or without a byte-order mark, is linted as before', () => {
    for (const input of [Buffer.from(TEXT), Buffer.from(`\ufeff${TEXT}`)]) {
      const r = warrant(['lint', '--stdin', '--stdin-filename', 'in.md', '-f', 'gnu'], { cwd: dir, input });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^in\.md:3:1: warning: .*\[unsupported-claim\]$/m);
      assert.doesNotMatch(r.stdout, /file-skipped/);
    }
  });
});
