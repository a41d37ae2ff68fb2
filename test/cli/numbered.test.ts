import assert from 'node:assert/strict';
import { warrant } from './helpers.js';

interface Record {
  line: number;
  syntax: string;
  status: string;
  sources: { kind: string; line: number; key?: string; text?: string; url?: string }[];
}

/** End to end through the built CLI: plain numbered references `[1]` against a `## References` list. */
describe('warrant claims: numbered references', () => {
  it('-f json gives each call the entry’s text and link as its source', () => {
    const r = warrant(['claims', '-f', 'json', 'numbered/essay.md']);
    assert.equal(r.status, 0, r.stderr);
    const records = JSON.parse(r.stdout) as Record[];
    const at = (line: number) => records.find((x) => x.line === line)!;

    // A tagged claim cites entry 1: its text and its link.
    assert.equal(at(3).syntax, 'label');
    assert.equal(at(3).status, 'supported');
    assert.deepEqual(at(3).sources, [
      { kind: 'numbered', type: 'web', where: 'example.org', line: 3, key: '1', url: 'https://example.org/canopy-temps', text: 'Okafor, N. (2022). Surface temperatures under urban canopy. Municipal climate unit.' },
    ]);
    // A detected sentence citing [2, 3]: two sources; entry 2 has no link.
    assert.equal(at(5).status, 'cited');
    assert.deepEqual(
      at(5).sources.map((s) => [s.key, s.text, s.url ?? null]),
      [
        ['2', 'Lindqvist, M. (2024). Household energy bills in the pilot districts.', null],
        ['3', 'Ruiz, P. (2024). Cooling demand after planting, second survey. https://example.org/cooling-survey', 'https://example.org/cooling-survey'],
      ],
    );
    // [4-5] is a range: both entries.
    assert.deepEqual(at(6).sources.map((s) => s.key), ['4', '5']);
    // The statistic in its own paragraph has nothing to cite it.
    assert.equal(at(8).status, 'uncited');
    // The reference list's entries are sources, not claims.
    assert.ok(records.every((x) => x.line < 10), JSON.stringify(records.map((x) => x.line)));
  });

  it('the table counts them, and lint reports only the uncited statistic', () => {
    const table = warrant(['claims', '-f', 'table', 'numbered/essay.md']).stdout.split('\n');
    assert.match(table.find((l) => l.startsWith('numbered/essay.md:3:1'))!, /claim +supported +1 /);
    assert.match(table.find((l) => l.startsWith('numbered/essay.md:5:1'))!, /claim +cited +2 /);
    const lint = warrant(['lint', '-f', 'json', 'numbered/essay.md']);
    const [file] = JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number }[] }[];
    assert.deepEqual(file!.messages.map((m) => `${m.ruleId}@${m.line}`), ['uncited-assertion@8']);
  });
});
