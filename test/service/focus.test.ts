import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { FOCUS_RULES, hideWhileEditing, toDiagnostics } from '../../src/service/diagnostics.js';
import { editedLines } from '../../src/server/editedLines.js';
import { normaliseSettings } from '../../src/server/settings.js';
import { workspace } from './helpers.js';

/** `code@line` for each diagnostic, the shape the assertions compare. */
const lines = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.code}@${d.range.start.line}`).sort();

const ESSAY = [
  '---', //                                                        0
  'references:', //                                                1
  '  - id: tanaka2020', //                                         2
  '    title: Kerbside parking turnover', //                       3
  '---', //                                                        4
  '', //                                                           5
  '### Claim 1: Parking pays for itself [@tana]', //               6  unknown-citation-key: the key is half typed
  '', //                                                           7
  '<!-- claim #dup -->', //                                        8
  'Kerbs are cheap.', //                                           9  unsupported-claim
  '', //                                                          10
  '<!-- claim #dup -->', //                                       11  duplicate-id
  'Posts are cheaper.', //                                        12  unsupported-claim
  '',
].join('\n');

describe('focus mode: hideWhileEditing', () => {
  const w = workspace({ 'essay.md': ESSAY });
  const all = toDiagnostics(w.doc('essay.md').findings, w.ctx.rules);

  it('the fixture has prose and structural findings on the lines under test', () => {
    const got = lines(all);
    for (const want of ['unknown-citation-key@6', 'unsupported-claim@9', 'duplicate-id@11', 'unsupported-claim@12']) assert.ok(got.includes(want), got.join(', '));
  });

  it('hides the prose findings on the edited line while the citation is typed', () => {
    for (const line of [6, 9]) {
      const shown = lines(hideWhileEditing(all, [line]));
      assert.deepEqual(shown, lines(all.filter((d) => d.range.start.line !== line)), `editing line ${line}`);
    }
  });

  it('never hides structural findings, even on the edited line', () => {
    assert.deepEqual(lines(hideWhileEditing(all, [11])), lines(all));
  });

  it('no edited lines, or lines without findings: everything is shown', () => {
    assert.deepEqual(hideWhileEditing(all, []), all);
    assert.deepEqual(hideWhileEditing(all, [0, 5, 7]), all);
  });

  it('a multi-line finding is hidden when any of its lines is edited, but not by the line its range ends at column 0', () => {
    const d = (start: [number, number], end: [number, number]): Diagnostic => ({
      range: { start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } },
      code: 'uncited-assertion',
      message: 'm',
    });
    const para = d([3, 0], [5, 12]);
    assert.deepEqual(hideWhileEditing([para], [4]), []);
    assert.deepEqual(hideWhileEditing([para], [5]), []);
    assert.deepEqual(hideWhileEditing([para], [6]), [para]);
    const toNextLine = d([3, 0], [4, 0]);
    assert.deepEqual(hideWhileEditing([toNextLine], [4]), [toNextLine]);
    assert.deepEqual(hideWhileEditing([toNextLine], [3]), []);
  });

  it('covers the rules that fire while a citation is typed, and only those', () => {
    assert.deepEqual([...FOCUS_RULES].sort(), ['uncited-assertion', 'unknown-citation-key', 'unsourced-evidence', 'unsupported-claim']);
  });

  it('the setting defaults to on and reads false', () => {
    assert.equal(normaliseSettings({}).focusMode, true);
    assert.equal(normaliseSettings({ focusMode: false }).focusMode, false);
  });
});

describe('focus mode: editedLines from didChange', () => {
  const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

  it('typing on a line is that line', () => {
    assert.deepEqual(editedLines([{ range: r(6, 40, 6, 40), text: '[' }]), [6]);
  });

  it('a newline or a pasted block covers the lines it writes', () => {
    assert.deepEqual(editedLines([{ range: r(6, 40, 6, 40), text: '\n' }]), [6, 7]);
    assert.deepEqual(editedLines([{ range: r(6, 0, 6, 0), text: 'a\r\nb\nc' }]), [6, 7, 8]);
  });

  it('deleting lines leaves the line they collapse onto', () => {
    assert.deepEqual(editedLines([{ range: r(6, 3, 9, 0), text: '' }]), [6]);
  });

  it('several changes in one batch: earlier lines move with later changes', () => {
    // multi-cursor typing on lines 2 and 8, then a line inserted above both
    assert.deepEqual(
      editedLines([
        { range: r(2, 0, 2, 0), text: 'x' },
        { range: r(8, 0, 8, 0), text: 'x' },
        { range: r(0, 0, 0, 0), text: 'new line\n' },
      ]),
      [0, 1, 3, 9],
    );
  });

  it('a whole-document replacement is not typing: no focus', () => {
    assert.equal(editedLines([{ text: 'everything' }]), undefined);
    assert.equal(editedLines([{ range: r(1, 0, 1, 0), text: 'x' }, { text: 'everything' }]), undefined);
  });
});
