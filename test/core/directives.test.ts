import assert from 'node:assert/strict';
import { lintText, where } from '../helpers/memory.js';

const bare = (n: number) => `## Claim: bare claim number ${n}\n`;

describe('inline control comments', () => {
  it('disable-next-line silences only the next line and only the named rule', () => {
    const text = `<!-- warrant-disable-next-line unsupported-claim -->\n${bare(1)}\n${bare(2)}`;
    assert.deepEqual(where(lintText(text).findings), ['unsupported-claim@4:4']);
  });

  it('disable … enable, with commas or spaces and a reason, needs no blank lines', () => {
    const text = `<!-- warrant-disable unsupported-claim, duplicate-id -- drafts -->\n${bare(1)}<!-- warrant-enable unsupported-claim -->\n${bare(2)}`;
    assert.deepEqual(where(lintText(text).findings), ['unsupported-claim@4:4']);
  });

  it('disable-line applies to its own line; disable-file to the file; no list means all rules', () => {
    assert.deepEqual(where(lintText('## Claim: x <!-- warrant-disable-line -->\n').findings), []);
    assert.deepEqual(where(lintText(`${bare(1)}\n<!-- warrant-disable-file unsupported-claim -->\n${bare(2)}`).findings), []);
  });

  // Two rules fire on each `Claim: … [^n]` line (unsupported-claim at the label, missing-footnote
  // at the footnote): each directive must silence the rule it names and leave the other standing,
  // on the line it governs and on the line after.
  describe('silences only the rules it names, with another rule firing on the same line', () => {
    const claim = (n: number) => `Claim: number ${n} [^${n}]`;
    const both = (line: number) => [`unsupported-claim@${line}:1`, `missing-footnote@${line}:17`];

    it('disable-next-line', () => {
      const text = `<!-- warrant-disable-next-line missing-footnote -->\n${claim(1)}\n\n${claim(2)}\n`;
      assert.deepEqual(where(lintText(text).findings), ['unsupported-claim@2:1', ...both(4)]);
    });

    it('disable-line', () => {
      const text = `${claim(1)} <!-- warrant-disable-line unsupported-claim -->\n\n${claim(2)}\n`;
      assert.deepEqual(where(lintText(text).findings), ['missing-footnote@1:17', ...both(3)]);
    });

    it('disable … enable', () => {
      const text = `<!-- warrant-disable missing-footnote -->\n${claim(1)}\n\n${claim(2)}\n\n<!-- warrant-enable missing-footnote -->\n${claim(3)}\n`;
      assert.deepEqual(where(lintText(text).findings), ['unsupported-claim@2:1', 'unsupported-claim@4:1', ...both(7)]);
    });

    it('disable-file', () => {
      const text = `${claim(1)}\n\n<!-- warrant-disable-file unsupported-claim -->\n${claim(2)}\n`;
      assert.deepEqual(where(lintText(text).findings), ['missing-footnote@1:17', 'missing-footnote@4:17']);
    });
  });

  it('reports unused directives and unknown rule ids', () => {
    const result = lintText('<!-- warrant-disable-next-line duplicate-id -->\nPlain.\n\n<!-- warrant-disable no-such-rule -->\n');
    assert.deepEqual(result.unusedDirectives.map((d) => d.kind), ['disable-next-line', 'disable']);
    assert.deepEqual(where(result.findings), ['invalid-config@4:22']);
  });

  it('is ignored inside code', () => {
    const text = '```\n<!-- warrant-disable-file -->\n```\n\n## Claim: bare\n';
    assert.deepEqual(where(lintText(text).findings), ['unsupported-claim@5:4']);
  });
});
