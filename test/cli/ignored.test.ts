/**
 * Files that ignore files drop, when the user named them (issue #22 item 2): ESLint says "All files
 * matched by … are ignored" and warns about an ignored file it was given; Warrant says how many
 * were ignored and how to include them, and never drops a named file in silence.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warrant } from './helpers.js';

describe('ignored files named on the command line (built CLI)', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  const run = (...args: string[]) => warrant(args, { cwd: dir });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-ignored-'));
    mkdirSync(join(dir, '.git')); // a repository root, so .gitignore applies
    write('.gitignore', 'essays/\n');
    write('essays/one.md', '# One\n\nPlain text.\n');
    write('essays/two.md', '# Two\n\nPlain text.\n');
    write('drafts/three.md', '# Three\n\nPlain text.\n');
    write('.warrantignore', 'drafts/\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an ignored folder: says how many files are ignored and names --no-ignore (exit 2)', () => {
    const r = run('lint', 'essays');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /all 2 Markdown files in the folder "essays" are ignored .*: pass --no-ignore to lint them/);
    assert.doesNotMatch(r.stderr, /no Markdown files were found/);
    assert.equal(run('lint', 'essays', '--no-ignore').status, 0);
  });

  it('a glob whose every match is ignored says so too, for report as for lint', () => {
    for (const command of ['lint', 'report']) {
      const r = run(command, 'essays/*.md', '-o', join(dir, 'out.txt'));
      assert.equal(r.status, 2, `${command}: ${r.stderr}`);
      assert.match(r.stderr, /all 2 Markdown files matching "essays\/\*\.md" are ignored/, command);
    }
    const one = run('lint', 'drafts/*.md');
    assert.match(one.stderr, /the one Markdown file matching "drafts\/\*\.md" is ignored .*--no-ignore to lint it/);
  });

  it('an ignored file named on the command line gets a warning that says why, not silence', () => {
    const git = run('lint', 'essays/one.md');
    assert.equal(git.status, 0, git.stderr);
    assert.match(git.stderr, /warning: "essays\/one\.md" is ignored \(by a \.gitignore\) and was not linted: pass --no-ignore to lint it/);
    const own = run('lint', 'drafts/three.md');
    assert.match(own.stderr, /"drafts\/three\.md" is ignored \(by \.warrantignore or --ignore-pattern\)/);
    write('.warrant.yaml', 'ignores: ["notes/**"]\n');
    write('notes/four.md', '# Four\n');
    const config = run('lint', 'notes/four.md');
    assert.match(config.stderr, /"notes\/four\.md" is ignored \(by the `ignores` of its \.warrant\.yaml\)/);
  });
});
