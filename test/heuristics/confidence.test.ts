/**
 * Issue 24 item 5: every `uncited-assertion` finding carries the model's probability, says what
 * was seen, and falls in one of two tiers (`info` from `minConfidence`, else at most `hint`).
 * Sentences written for these tests.
 */
import assert from 'node:assert/strict';
import { SHIPPED_MODEL } from '../../src/core/heuristics/index.js';
import { lintText } from '../helpers/memory.js';

const DOC = [
  'Researchers found that 73% of the harbour ferries in 2021 ran late by over ten minutes.',
  '',
  'The Northport pilots’ union says the tide tables were wrong for 14 weeks in a row.',
  '',
  'Ferry trips across the bay take about an hour, sometimes a little more in winter.',
  '',
  'Most people in the town think the new timetable is much better than the old one.',
  '',
].join('\n');

const flags = (text: string) => lintText(text).findings.filter((f) => f.ruleId === 'uncited-assertion');
const withLine = (min: number) => `---\nwarrant:\n  rules:\n    uncited-assertion: [info, { minConfidence: ${min} }]\n---\n\n${DOC}`;

describe('uncited-assertion: confidence and tiers', () => {
  it('every finding carries the model’s probability and its tier', () => {
    const found = flags(DOC);
    assert.ok(found.length >= 2, JSON.stringify(found.map((f) => f.message)));
    for (const f of found) {
      const c = f.data?.['confidence'];
      assert.equal(typeof c, 'number');
      assert.ok((c as number) > 0 && (c as number) < 1);
      const tier = (c as number) >= SHIPPED_MODEL.thresholds.info ? 'info' : 'hint';
      assert.equal(f.data?.['tier'], tier);
      assert.equal(f.severity, tier, 'below the line a finding is at most a hint');
    }
  });

  it('minConfidence moves the line: 0 makes every flag info, 1 every flag a hint', () => {
    const low = flags(withLine(0));
    const high = flags(withLine(1));
    assert.ok(low.length >= 2);
    assert.equal(low.length, high.length, 'the line changes tiers, not which sentences are flagged');
    assert.deepEqual([...new Set(low.map((f) => f.severity))], ['info']);
    assert.deepEqual([...new Set(high.map((f) => f.severity))], ['hint']);
  });

  it('says what was seen, in the words seen, and no reason the sentence does not show', () => {
    const found = flags(DOC);
    const research = found.find((f) => f.range.start === 0);
    assert.ok(research);
    assert.match(research.message, /“(Researchers found|73%|2021)”/);
    assert.match(research.message, /with no source in its paragraph: add a link, footnote or citation$/, 'no jargon for a document with no tags');
    for (const f of found) {
      const sentence = DOC.slice(f.range.start, f.range.end);
      if (!/\b(1[5-9]\d\d|20\d\d)\b/.test(sentence)) assert.doesNotMatch(f.message, /dated event/, `no date in: ${sentence}`);
      for (const [, words] of f.message.matchAll(/“([^”]+)”/g)) assert.ok(sentence.includes(words!), `“${words}” is in: ${sentence}`);
    }
  });
});

describe('uncited-assertion: confidence in -f json', () => {
  it('each uncited-assertion message has a confidence field', async () => {
    const { json } = await import('../../src/cli/formatters/json.js');
    const findings = lintText(withLine(0)).findings;
    const out = JSON.parse(json([{ filePath: '/essay.md', findings }], { cwd: '/', color: false, rules: {}, warningsFail: false, maxRows: 10 } as never)) as { messages: { ruleId: string; confidence?: number }[] }[];
    const messages = out[0]!.messages.filter((m) => m.ruleId === 'uncited-assertion');
    assert.ok(messages.length >= 2);
    for (const m of messages) assert.equal(typeof m.confidence, 'number');
  });
});

describe('uncited-assertion: hints are left out of warrant lint’s default output and exit code', () => {
  it('shows a hint only with --min-severity hint', async () => {
    const { scratch, warrant } = await import('../cli/helpers.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const s = scratch();
    try {
      writeFileSync(join(s.dir, 'essay.md'), `---\nwarrant:\n  rules:\n    uncited-assertion: [warning, { minConfidence: 1 }]\n---\n\n${DOC}`);
      const quiet = warrant(['lint', 'essay.md', '-f', 'json'], { cwd: s.dir });
      assert.equal(quiet.status, 0, 'hints do not fail the run, even from a warning rule');
      assert.deepEqual(JSON.parse(quiet.stdout)[0].messages, []);
      const all = warrant(['lint', 'essay.md', '-f', 'json', '--min-severity', 'hint'], { cwd: s.dir });
      const shown = JSON.parse(all.stdout)[0].messages as { ruleId: string; severityName: string }[];
      assert.ok(shown.length >= 2 && shown.every((m) => m.ruleId === 'uncited-assertion' && m.severityName === 'hint'));
    } finally {
      s.done();
    }
  });
});
