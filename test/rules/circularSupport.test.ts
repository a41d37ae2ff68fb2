/**
 * A long loop of support is named by its first four and last two claims (issue #21): one message
 * naming every claim of a ring of thousands made the stylish table, padded to its longest
 * message, grow with the square of the ring. Every claim of the loop is still a related location.
 * (In memory rather than a fixture, so the findings parity snapshot stays as it is.)
 */
import assert from 'node:assert/strict';
import { lintText } from '../helpers/memory.js';

const ring = (names: readonly string[]): string =>
  names.map((name, i) => `<!-- claim #${name} supports=#${names[(i + 1) % names.length]} -->\nThe ${name} shape what comes next.\n`).join('\n');

describe('circular-support: the message of a long loop', () => {
  it('ten claims: the first four, how many are left out, the last two, and back to the first', () => {
    const names = ['tides', 'harbours', 'fleets', 'trade', 'taxes', 'roads', 'markets', 'towns', 'farms', 'rain'];
    const found = lintText(ring(names)).findings.filter((f) => f.ruleId === 'circular-support');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.message, 'Circular support: Claim `tides` → Claim `harbours` → Claim `fleets` → Claim `trade` → … (4 more) → Claim `farms` → Claim `rain` → Claim `tides`: ground one of them in a source');
    assert.equal(found[0]!.related.length, 9);
  });

  it('eight claims or fewer are all named', () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
    const found = lintText(ring(names)).findings.filter((f) => f.ruleId === 'circular-support');
    assert.equal(found[0]!.message, `Circular support: ${[...names, 'a1'].map((n) => `Claim \`${n}\``).join(' → ')}: ground one of them in a source`);
  });

  it('a ring of 3,000: one message of bounded length', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `c${i}`);
    const found = lintText(ring(names)).findings.filter((f) => f.ruleId === 'circular-support');
    assert.equal(found.length, 1);
    assert.ok(found[0]!.message.length < 200, found[0]!.message.slice(0, 300));
    assert.match(found[0]!.message, /… \(2,994 more\)/);
  });
});
