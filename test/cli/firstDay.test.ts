/**
 * What a first-day user tripped on (issue #12), through the built CLI on real files: bibliography
 * problems said once and as written, files that are not UTF-8, exit codes, JUnit, explain,
 * unknown commands, and what `init` writes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRuleMeta } from '../../src/core/index.js';
import { REPO, warrant } from './helpers.js';

describe('first-day defects (built CLI)', () => {
  let dir: string;
  const write = (name: string, text: string | Uint8Array) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  const lint = (...args: string[]) => warrant(['lint', ...args, '-f', 'gnu'], { cwd: dir });
  const rules = (out: string) => [...out.matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1]);
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'warrant-first-day-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('bibliographies', () => {
    it('three unreadable bibliographies are three findings, not one error per citation key', () => {
      const cites = Array.from({ length: 12 }, (_, i) => `Claim: Point ${i} holds [@key${i}].`).join('\n\n');
      write('essay.md', `---\nbibliography: [a.bib, b.bib, c.bib]\n---\n\n${cites}\n`);
      const r = lint('essay.md');
      assert.deepEqual(rules(r.stdout), ['invalid-bibliography', 'invalid-bibliography', 'invalid-bibliography'], r.stdout);
      assert.equal(r.status, 1);
    });

    it('keys are not checked while one of the bibliographies cannot be read, and are once it can', () => {
      write('refs.json', JSON.stringify([{ id: 'known', title: 'Known' }]));
      write('essay.md', '---\nbibliography: [refs.json, gone.bib]\n---\n\nClaim: One [@known] and [@maybe-in-gone].\n');
      assert.deepEqual(rules(lint('essay.md').stdout), ['invalid-bibliography']);
      write('essay.md', '---\nbibliography: [refs.json]\n---\n\nClaim: One [@known] and [@maybe-in-gone].\n');
      assert.deepEqual(rules(lint('essay.md').stdout), ['unknown-citation-key']);
    });

    it('a file with many problems is one finding that counts the rest', () => {
      write('bad.json', '[{"id": "a"}, 3, "x", null]');
      write('essay.md', '---\nbibliography: bad.json\n---\n\nClaim: One [@a].\n');
      const r = lint('essay.md');
      assert.deepEqual(rules(r.stdout), ['invalid-bibliography'], r.stdout);
    });

    it('names the path as written and the real reason', () => {
      write('notes/essay.md', '---\nbibliography: [/etc/passwd, /dev/zero, ../refs, missing.bib]\n---\n\nClaim: One [@a].\n');
      mkdirSync(join(dir, 'refs'));
      const r = lint('notes/essay.md');
      const messages = r.stdout.split('\n').filter((l) => l.includes('[invalid-bibliography]'));
      assert.equal(messages.length, 4, r.stdout);
      const all = messages.join('\n');
      assert.match(all, /error: \/etc\/passwd: unknown bibliography format/);
      assert.match(all, /error: \/dev\/zero: bibliography file is (a device|not a regular file)/);
      assert.match(all, /error: \.\.\/refs: bibliography file is a folder/);
      assert.match(all, /error: missing\.bib: bibliography file not found beside this file or in the search paths \(looked in these folders, relative to this file: \.\/, assets\/bibliography\/, /);
      // Named as written, never rewritten (the folders a bare name was looked for in may climb).
      for (const m of messages) assert.doesNotMatch(m.split(' (looked in')[0]!, /\.\.\/\.\.\//);
    });

    it('a Distill post on an al-folio site finds its bibliography in assets/bibliography/ (issue #22)', () => {
      write('site/_config.yml', 'title: A site\n');
      write('site/assets/bibliography/2025-01-01-post.bib', '@article{mitchell2019, title={Model cards for model reporting}, author={Mitchell, Margaret}, year={2019}}\n');
      write('site/_posts/2025-01-01-post.md', '---\nlayout: distill\nbibliography: 2025-01-01-post.bib\n---\n\nClaim: Models need reporting <d-cite key="mitchell2019"></d-cite>.\n');
      const r = lint('site/_posts/2025-01-01-post.md');
      assert.equal(r.status, 0, r.stdout);
      assert.deepEqual(rules(r.stdout), []);
    });

    it('a config bibliography is named as the config wrote it', () => {
      write('.warrant.yaml', 'bibliography: [./refs/none.bib]\n');
      write('sub/essay.md', 'Claim: One [@a].\n');
      assert.match(lint('sub/essay.md').stdout, /error: \.\/refs\/none\.bib: bibliography file not found/);
    });
  });

  describe('text that is not UTF-8', () => {
    it('is one finding at the first bad byte, not a file quietly full of U+FFFD', () => {
      const latin1 = Buffer.from('# Caf\xe9s\n\nClaim: Na\xefve claims need sources.\n', 'latin1');
      write('latin1.md', latin1);
      const r = lint('latin1.md');
      assert.match(r.stdout, /^latin1\.md:1:6: error: .*is not UTF-8 text \(byte 0xE9 at line 1, column 6; Latin-1 or Windows-1252\?\): save it as UTF-8 \[file-skipped\]$/m);
      assert.equal(rules(r.stdout).length, 1, r.stdout);
      assert.doesNotMatch(r.stdout, /\uFFFD/);
    });

    it('a UTF-8 file with a byte-order mark and a binary file are read as before', () => {
      write('bom.md', '\ufeffClaim: Fine [src](https://example.org).\n');
      write('blob.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
      const r = lint('bom.md', 'blob.md');
      assert.match(r.stdout, /^blob\.md:1:1: warning: File looks binary/m);
      assert.doesNotMatch(r.stdout, /bom\.md/);
    });
  });

  describe('JUnit', () => {
    const ESSAY = '## Background\n\nEvidence: Thresholds were proposed in 2023 ([p](https://example.org/p)).\n\n### Claim 1: Audits need access\n\nNo links here.\n';
    const suite = (xml: string) => {
      const m = /<testsuite [^>]*tests="(\d+)" errors="(\d+)" failures="(\d+)" skipped="(\d+)"/.exec(xml);
      assert.ok(m, xml);
      return { tests: +m[1]!, errors: +m[2]!, failures: +m[3]!, skipped: +m[4]! };
    };

    it('info findings and warnings that do not fail the run are skipped test cases, not failures', () => {
      write('essay.md', ESSAY);
      const r = warrant(['lint', 'essay.md', '-f', 'junit'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.deepEqual(suite(r.stdout), { tests: 3, errors: 0, failures: 0, skipped: 2 });
      assert.match(r.stdout, /<skipped type="info" message="Evidence/);
      assert.doesNotMatch(r.stdout, /<failure/);
    });

    it('warnings are failures when they fail the run', () => {
      write('essay.md', ESSAY);
      const r = warrant(['lint', 'essay.md', '-f', 'junit', '--max-warnings', '0'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.deepEqual(suite(r.stdout), { tests: 2, errors: 0, failures: 1, skipped: 1 });
      assert.match(r.stdout, /<failure type="warning"/);
    });
  });

  describe('exit codes for configuration errors', () => {
    it('front matter `warrant:` with an unknown rule exits 2, like .warrant.yaml', () => {
      write('fm.md', '---\nwarrant:\n  rules:\n    nope: error\n---\n\nText.\n');
      const r = lint('fm.md');
      assert.match(r.stdout, /^fm\.md:4:5: error: Front matter `warrant:`: .*nope.*\[invalid-config\]$/m);
      assert.equal(r.status, 2);
      write('.warrant.yaml', 'rules:\n  nope: error\n');
      write('plain.md', 'Text.\n');
      assert.equal(lint('plain.md').status, 2);
    });

    it('a disable comment naming an unknown rule exits 2 too; a clean file still exits 0', () => {
      write('directive.md', '<!-- warrant-disable-next-line no-such-rule -->\nText.\n');
      assert.equal(lint('directive.md').status, 2);
      write('clean.md', 'Text.\n');
      assert.equal(lint('clean.md').status, 0);
    });
  });

  describe('explain', () => {
    it('explains every id the tool can print: the rules, the system findings and the CLI\'s own', () => {
      // Every `ruleId: '…'` a finding is built with in src/, plus the registered rules.
      const src = join(REPO, 'src');
      const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
      const ids = new Set(allRuleMeta().map((m) => m.id));
      for (const f of files) for (const m of readFileSync(join(src, f), 'utf8').matchAll(/ruleId: '([a-z-]+)'/g)) ids.add(m[1]!);
      assert.ok(ids.has('unused-disable-directive'));
      for (const id of ids) {
        const r = warrant(['explain', id], { cwd: dir });
        assert.equal(r.status, 0, `${id}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^# ${id}\\b`), id);
      }
    });
  });

  describe('unknown commands', () => {
    it('a bare word that is no command and no file is an unknown command, exit 2', () => {
      const r = warrant(['frobnicate'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^warrant: unknown command "frobnicate" \(commands: lint, [a-z, ]*claims, [a-z, ]*explain, [a-z, ]*help; to lint a file, name it\)$/m);
      assert.doesNotMatch(r.stderr, /no files matching/);
      const typo = warrant(['claim', 'essay.md'], { cwd: dir });
      assert.equal(typo.status, 2);
      assert.match(typo.stderr, /unknown command "claim"; did you mean `warrant claims`\?/);
    });

    it('a bare word that names a file or folder is still linted', () => {
      write('drafts/essay.md', 'Claim: One [src](https://example.org).\n');
      write('NOTES', 'Claim: Two [src](https://example.org).\n');
      assert.equal(warrant(['drafts'], { cwd: dir }).status, 0);
      assert.equal(warrant(['NOTES'], { cwd: dir }).status, 0);
    });
  });

  describe('claims table and init', () => {
    it('a detected sentence cited by its paragraph or a link says so, not "cited 0"', () => {
      write('essay.md', [
        'Half of all firms already use automated hiring tools, twice as many as in 2019. Few of the tools were ever audited [survey](https://example.org/survey).',
        '',
        '<!-- defense #d -->',
        'Audits are cheap [src](https://example.org/a).',
        '',
        'Regulators fined three firms in 2023, as [the defense](#d) explains.',
        '',
      ].join('\n'));
      const table = warrant(['claims', 'essay.md', '-f', 'table'], { cwd: dir }).stdout;
      assert.match(table, /essay\.md:1:1 +claim +cited +paragraph +Half of all firms/);
      assert.match(table, /essay\.md:6:1 +claim +cited +link +Regulators fined/);
      assert.doesNotMatch(table, /cited +0 /);
      const json = JSON.parse(warrant(['claims', 'essay.md'], { cwd: dir }).stdout) as { line: number; cited_by?: string }[];
      assert.deepEqual(json.filter((r) => r.cited_by).map((r) => [r.line, r.cited_by]), [[1, 'paragraph'], [1, 'sentence'], [6, 'link']]);
    });

    it('init writes the real default maxFileSize (4 MiB)', () => {
      assert.equal(warrant(['init'], { cwd: dir }).status, 0);
      const written = readFileSync(join(dir, '.warrant.yaml'), 'utf8');
      assert.match(written, /^# maxFileSize: 4194304$/m);
      assert.match(written, /default: 4 MiB/);
    });
  });
});
