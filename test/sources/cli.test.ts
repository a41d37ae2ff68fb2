/** Source kinds through the built CLI: `warrant claims -f json` and `--print-config` (issue 23). */
import { strict as assert } from 'node:assert';
import { warrant } from '../cli/helpers.js';

interface Record {
  readonly line: number;
  readonly syntax: string;
  readonly findings: readonly string[];
  readonly sources: readonly { kind: string; type: string; where?: string }[];
}

describe('cli: source kinds', () => {
  it('claims -f json gives each source a `type` beside its syntactic `kind`, with the config’s host entry', () => {
    const r = warrant(['claims', 'kinds/essay.md', '-f', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const records = JSON.parse(r.stdout) as Record[];
    const sourcesAt = (line: number) => records.find((x) => x.line === line)!.sources.map((s) => [s.kind, s.type, s.where]);
    assert.deepEqual(sourcesAt(7), [['citation', 'preprint', 'arXiv']]);
    assert.deepEqual(sourcesAt(9), [['link', 'official', 'gazette.river-board.example']]);
    const sentence = records.find((x) => x.line === 11 && x.syntax === 'heuristic')!;
    assert.deepEqual(sentence.sources.map((s) => [s.kind, s.type, s.where]), [['link', 'same-site', 'this site'], ['footnote', 'note', 'footnote [^1]']]);
    assert.deepEqual(sentence.findings, ['weak-support']);
  });

  it('--print-config shows the sources settings', () => {
    const r = warrant(['--print-config', 'kinds/essay.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).sources, { kinds: { 'river-board.example': 'official' } });
  });
});
