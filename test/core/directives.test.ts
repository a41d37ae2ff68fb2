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
