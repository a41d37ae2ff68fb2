import assert from 'node:assert/strict';
import { warrant } from './helpers.js';

/** ESLint's exit codes: 0 no errors, 1 errors or too many warnings, 2 config error or nothing matched. */
describe('exit codes (built CLI)', () => {
  const cases: [string, string[], number][] = [
    ['clean', ['lint', 'clean'], 0],
    ['warnings only', ['lint', 'warnings'], 0],
    ['warnings within --max-warnings', ['lint', 'warnings', '--max-warnings', '2'], 0],
    ['warnings over --max-warnings', ['lint', 'warnings', '--max-warnings', '1'], 1],
    ['warnings under --frail', ['lint', 'warnings', '--frail'], 1],
    ['errors', ['lint', 'errors'], 1],
    ['errors hidden by --quiet still fail? no: --quiet keeps errors', ['lint', 'errors', '--quiet'], 1],
    ['bad config', ['lint', 'badconfig'], 2],
    ['unknown rule in --rule', ['lint', 'clean', '--rule', 'no-such-rule:error'], 2],
    ['unknown option', ['lint', 'clean', '--no-such-flag'], 2],
    ['unknown format', ['lint', 'clean', '-f', 'nope'], 2],
    ['a pattern that matches nothing', ['lint', 'clean', 'nothing-here/*.md'], 2],
    ['a named file that does not exist', ['lint', 'missing.md'], 2],
    ['unmatched pattern with --no-error-on-unmatched-pattern', ['lint', 'clean', 'nothing-here/*.md', '--no-error-on-unmatched-pattern'], 0],
    ['info findings never fail', ['lint', 'links', '--rule', 'unsupported-claim:info', '--rule', 'circular-support:info', '--max-warnings', '0'], 0],
  ];
  for (const [name, args, code] of cases) {
    it(`${name} → ${code}`, () => {
      const r = warrant(args);
      assert.equal(r.status, code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
    });
  }

  it('a broken .warrant.yaml is a finding at the bad line of the config file', () => {
    const r = warrant(['lint', 'badconfig', '-f', 'gnu']);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /badconfig\/\.warrant\.yaml:2:22: error: Invalid severity for `unsupported-claim`: use off, hint, info, warning or error \[invalid-config\]/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('too many warnings says so on stderr, not stdout', () => {
    const r = warrant(['lint', 'warnings', '--max-warnings', '0', '-f', 'json']);
    assert.match(r.stderr, /too many warnings \(maximum: 0\)/);
    JSON.parse(r.stdout);
  });

  it('--min-severity and --minAlertLevel hide findings below the level', () => {
    const all = warrant(['lint', 'links', '-f', 'gnu']);
    assert.match(all.stdout, /: note: /);
    for (const flag of ['--min-severity', '--minAlertLevel']) {
      const r = warrant(['lint', 'links', '-f', 'gnu', flag, 'warning']);
      assert.doesNotMatch(r.stdout, /: note: /);
      assert.match(r.stdout, /: warning: /);
    }
  });

  it('-v prints the version; -h prints usage with examples', () => {
    const v = warrant(['-v']);
    assert.equal(v.status, 0);
    assert.match(v.stdout, /^\d+\.\d+\.\d+/);
    const h = warrant(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /Examples:/);
    for (const flag of ['--cache-strategy', '--suppress-all', '--print-config', '--concurrency', 'warrant graph', 'warrant explain']) assert.ok(h.stdout.includes(flag), flag);
  });

  it('--stdin with --stdin-filename', () => {
    const r = warrant(['lint', '--stdin', '--stdin-filename', 'warnings/piped.md', '-f', 'gnu'], { input: 'Claim: Nothing backs this sentence.\n' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^warnings\/piped\.md:1:1: warning: .+\[unsupported-claim\]\n$/);
  });
});
