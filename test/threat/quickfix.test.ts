import assert from 'node:assert/strict';
import { getCodeActions } from '../../src/service/codeActions.js';
import { toDiagnostics } from '../../src/service/diagnostics.js';
import { configFrom } from '../helpers/memory.js';
import { workspace } from '../service/helpers.js';

const AI_RISK = configFrom('extends: warrant:ai-risk\n');

/** Apply the unrated-risk quick fix of the first finding; return the new text and its findings' rules. */
function fixFirst(text: string): { title: string; fixed: string; rules: string[] } {
  const w = workspace({ 'essay.md': text }, {}, AI_RISK);
  const doc = w.doc('essay.md');
  const d = toDiagnostics(doc.findings, w.ctx.rules).find((x) => x.code === 'unrated-risk');
  assert.ok(d, `no unrated-risk in:\n${text}`);
  const action = getCodeActions(doc, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } }, w.ctx).find((a) => a.title.startsWith('Add the threat-model attributes'));
  assert.ok(action, 'no quick fix');
  const e = action.edit!.changes![doc.uri]![0]!;
  const offset = doc.lineIndex.offsetAt(e.range.start);
  const fixed = text.slice(0, offset) + e.newText + text.slice(offset);
  const after = workspace({ 'essay.md': fixed }, {}, AI_RISK).doc('essay.md');
  return { title: action.title, fixed, rules: after.findings.map((f) => f.ruleId) };
}

const OTHER = '\n<!-- risk #other adversary=skilled harm=intentional -->\nA crew retrains weights.\n';

describe('quick fix: unrated-risk', () => {
  it('writes the most common values into a comment tag', () => {
    const r = fixFirst('<!-- risk #drift -->\nAnswers drift over time.\n' + OTHER);
    assert.equal(r.title, 'Add the threat-model attributes (adversary=skilled harm=intentional)');
    assert.match(r.fixed, /^<!-- risk #drift adversary=skilled harm=intentional -->\n/);
    assert.ok(!r.rules.includes('unrated-risk') && !r.rules.includes('invalid-tag'), r.rules.join());
  });

  it('writes into Pandoc braces', () => {
    const r = fixFirst('[Answers drift over time]{.risk #drift}.\n' + OTHER);
    assert.match(r.fixed, /^\[Answers drift over time\]\{\.risk #drift adversary=skilled harm=intentional\}\./);
    assert.ok(!r.rules.includes('unrated-risk'), r.rules.join());
  });

  it('adds an invisible attribute comment at the end of a label’s line, or to the one it has', () => {
    const r = fixFirst('### Risk: Answers drift over time\n\nMore text.\n' + OTHER);
    assert.match(r.fixed, /^### Risk: Answers drift over time <!-- adversary=skilled harm=intentional -->\n/);
    assert.ok(!r.rules.includes('unrated-risk') && !r.rules.includes('invalid-tag'), r.rules.join());
    const p = fixFirst('Risk: Answers drift over time.\nThey drift more each month.\n<!-- severity=low -->\n' + OTHER);
    assert.match(p.fixed, /<!-- severity=low adversary=skilled harm=intentional -->/);
    assert.ok(!p.rules.includes('unrated-risk'), p.rules.join());
  });

  it('uses the first declared values when no risk is rated yet', () => {
    const r = fixFirst('- Risk: Answers drift over time.\n');
    assert.match(r.fixed, /^- Risk: Answers drift over time\. <!-- adversary=none harm=accidental -->\n/);
    assert.ok(!r.rules.includes('unrated-risk'), r.rules.join());
  });
});

describe('quick fix: unrated-risk as a snippet', () => {
  it('offers each value as a choice, the suggested one first, when the client applies snippet edits', () => {
    const text = 'Risk: Answers drift over time.\n' + OTHER;
    const w = workspace({ 'essay.md': text }, { snippetEdits: true }, AI_RISK);
    const doc = w.doc('essay.md');
    const d = toDiagnostics(doc.findings, w.ctx.rules).find((x) => x.code === 'unrated-risk')!;
    const action = getCodeActions(doc, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } }, w.ctx).find((a) => a.title.startsWith('Add the threat-model attributes'))!;
    assert.equal(action.edit!.changes, undefined);
    const change = action.edit!.documentChanges![0] as { textDocument: { uri: string; version: number | null }; edits: { range: { start: { line: number; character: number } }; snippet: { kind: string; value: string } }[] };
    assert.deepEqual(change.textDocument, { uri: doc.uri, version: 1 });
    assert.deepEqual(change.edits[0]!.range.start, { line: 0, character: 30 });
    assert.equal(change.edits[0]!.snippet.value, ' <!-- adversary=${1|skilled,none,casual,well-resourced|} harm=${2|intentional,accidental|} -->');
  });
});

describe('editor severity overrides and the info cap', () => {
  it('an override raises alignment-only-defense, but not a finding that rests on an inferred value', () => {
    const text = [
      '<!-- risk #a adversary=skilled -->', 'A crew retrains weights.', '',
      '<!-- defense defends=#a layer=model -->', 'Refusals.', '',
      '<!-- risk #b -->', 'A crew fine-tunes an open model.', '',
      '<!-- defense defends=#b layer=model -->', 'Refusals too.', '',
    ].join('\n');
    const w = workspace({ 'essay.md': text }, {}, AI_RISK);
    const doc = w.doc('essay.md');
    const found = doc.findings.filter((f) => f.ruleId === 'alignment-only-defense');
    assert.deepEqual(found.map((f) => [f.severity, f.maxSeverity]), [['warning', undefined], ['info', 'info']]);
    const shown = toDiagnostics(found, w.ctx.rules, { 'alignment-only-defense': 'error' }).map((d) => d.severity);
    assert.deepEqual(shown, [1, 3]); // Error, Information
  });
});
