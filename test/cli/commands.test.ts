import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText, RULE_IDS } from '../../src/core/index.js';
import { REPO, scratch, warrant } from './helpers.js';

describe('warrant init, explain, --print-config', () => {
  it('init writes a commented .warrant.yaml that parses cleanly, and refuses to overwrite it', () => {
    const s = scratch();
    try {
      const r = warrant(['init'], { cwd: s.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      const text = readFileSync(join(s.dir, '.warrant.yaml'), 'utf8');
      assert.match(text, /^# Warrant configuration/);
      assert.match(text, /unsupported-claim: warning/);
      assert.deepEqual(parseConfigText(text, 'file:///x/.warrant.yaml', RULE_IDS).problems, []);
      const again = warrant(['init'], { cwd: s.dir });
      assert.equal(again.status, 2);
      assert.match(again.stderr, /already exists/);
      assert.equal(readFileSync(join(s.dir, '.warrant.yaml'), 'utf8'), text);
      // The written config lints.
      assert.equal(warrant(['lint', '--no-error-on-unmatched-pattern'], { cwd: s.dir }).status, 0);
    } finally {
      s.done();
    }
  });

  it('explain prints the rule docs page; an unknown rule exits 2', () => {
    const r = warrant(['explain', 'unsupported-claim']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, readFileSync(join(REPO, 'docs', 'rules', 'unsupported-claim.md'), 'utf8'));
    assert.equal(warrant(['explain', 'no-such-rule']).status, 2);
  });

  it('explain uncited-assertion <file>[:line] shows each flag’s confidence, tier and what was seen', () => {
    const s = scratch();
    try {
      const essay = [
        'Researchers found that 73% of the harbour ferries in 2021 ran late by over ten minutes.',
        '',
        'The Northport pilots’ union says the tide tables were wrong for 14 weeks in a row.',
        '',
      ].join('\n');
      writeFileSync(join(s.dir, 'essay.md'), essay);
      const r = warrant(['explain', 'uncited-assertion', 'essay.md:1'], { cwd: s.dir });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^essay\.md:1:1 {2}confidence 0\.\d\d {2}(info|hint)\n {2}[A-Z].* with no source in its paragraph/);
      assert.match(r.stdout, /\n {2}seen: .*“[^”]+”/);
      assert.doesNotMatch(r.stdout, /essay\.md:3:/, 'only the line asked for');
      const ranked = JSON.parse(warrant(['claims', '--rank', 'essay.md'], { cwd: s.dir }).stdout) as { line: number; confidence?: number; score: number }[];
      assert.ok(ranked.length >= 2);
      const keys = ranked.map((x) => x.confidence ?? x.score);
      assert.deepEqual(keys, [...keys].sort((a, b) => b - a), 'most likely to need a source first');
    } finally {
      s.done();
    }
  });

  it('--print-config prints the config in force for a file as JSON', () => {
    const r = warrant(['--print-config', 'badconfig/essay.md']);
    assert.equal(r.status, 2, 'the config has a problem');
    const config = JSON.parse(r.stdout);
    assert.match(config.configFile, /badconfig\/\.warrant\.yaml$/);
    const ok = JSON.parse(warrant(['--print-config', 'clean/essay.md', '--rule', 'orphan-node:error']).stdout);
    assert.equal(ok.rules['orphan-node'], 'error');
    assert.equal(ok.rules['unsupported-claim'], 'warning');
  });
});

describe('docs/cli.md (issue #22)', () => {
  const doc = readFileSync(join(REPO, 'docs', 'cli.md'), 'utf8');
  const synopsis = doc.slice(doc.indexOf('```sh'), doc.indexOf('```', doc.indexOf('```sh') + 5));

  it('the synopsis names every command that has a section, and each section is about its own command', () => {
    const sections = [...doc.matchAll(/^## `warrant (\w+)/gm)].map((m) => m[1]!);
    assert.ok(sections.includes('matrix'));
    for (const command of sections) assert.match(synopsis, new RegExp(`^warrant ${command}\\b`, 'm'), `synopsis lacks warrant ${command}`);
    // A section's prose names no other command as its subject (the init sentence sat under claims).
    for (const [, command, body] of doc.matchAll(/^## `warrant (\w+)[^\n]*\n([\s\S]*?)(?=^## |$(?![\s\S]))/gm)) {
      for (const other of sections.filter((c) => c !== command)) {
        assert.doesNotMatch(body!, new RegExp(`^\`warrant ${other}\` (writes|prints|lints)`, 'm'), `a sentence about ${other} under ${command}`);
      }
    }
  });
});
