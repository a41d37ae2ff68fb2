import assert from 'node:assert/strict';
import { getCompletions } from '../../src/service/completion.js';
import { getHover } from '../../src/service/hover.js';
import { toDiagnostics } from '../../src/service/diagnostics.js';
import { prepareRename, rename } from '../../src/service/rename.js';
import { getCodeActions } from '../../src/service/codeActions.js';
import { normaliseSettings, DEFAULT_SETTINGS } from '../../src/server/settings.js';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../../src/core/index.js';
import { cursor, workspace } from './helpers.js';

const BIB = `---
references:
  - id: tanaka2020
    author: [{ family: Tanaka, given: Yui }]
    title: Kerbside parking turnover
    issued: { date-parts: [[2020]] }
---
`;

function complete(source: string, extra: Record<string, string> = {}) {
  const { text, position } = cursor(source);
  const w = workspace({ 'essay.md': text, ...extra });
  return getCompletions(w.doc('essay.md'), position, w.ctx)?.items.map((i) => i.label) ?? null;
}

describe('service: completion contexts', () => {
  const essay = '# Notes\n\n<!-- claim #parking -->\nParking pays.\n\n## A plain heading\n\n';

  it('offers node ids after ](#, not plain heading slugs (VS Code Markdown has those)', () => {
    assert.deepEqual(complete(essay + 'See [it](#|'), ['parking']);
  });

  it('offers ids after =# inside a comment tag, and nothing after = in prose', () => {
    assert.deepEqual(complete(essay + '<!-- defense #d1 defends=#|'), ['parking']);
    assert.equal(complete(essay + 'x=#|'), null);
  });

  it('offers citation keys after [@ and @, but not inside an e-mail address', () => {
    assert.deepEqual(complete(BIB + 'As shown [@|'), ['tanaka2020']);
    assert.deepEqual(complete(BIB + 'As @ta| wrote'), ['tanaka2020']);
    assert.equal(complete(BIB + 'mail me@ta|'), null);
  });
});

describe('service: hover', () => {
  it('names a citation key that is in no bibliography', () => {
    const { text, position } = cursor('Claim: Parking pays [@nob|ody].\n');
    const w = workspace({ 'essay.md': text });
    const h = getHover(w.doc('essay.md'), position, w.ctx);
    assert.match((h!.contents as { value: string }).value, /@nobody\*\* is not in any bibliography/);
  });

  it('explains a sentence the heuristic detector flagged', () => {
    const text = 'Parking studies show that 73% of drivers circle for over ten minutes.\n';
    const w = workspace({ 'essay.md': text });
    const doc = w.doc('essay.md');
    const f = doc.findings.find((x) => x.ruleId === 'uncited-assertion');
    assert.ok(f, JSON.stringify(doc.findings));
    const h = getHover(doc, doc.lineIndex.positionAt(f.range.start + 3), w.ctx);
    const value = (h!.contents as { value: string }).value;
    assert.match(value, /^\*\*Assertion\*\* \(detected\) — 0 sources\n\n(Gives a number|States a research finding) \(“/, 'says what was seen, in the words seen');
    assert.match(value, new RegExp(`Confidence it needs a source: \\*\\*${(f.data!['confidence'] as number).toFixed(2)}\\*\\*`), 'shows the model’s probability');
  });

  it('answers on the whole line of a claim heading: the ### and the ** around it too', () => {
    const text = '# Notes\n\n### **Claim 1: Parking pays for itself.**\n\nNo links.\n';
    const w = workspace({ 'essay.md': text });
    const doc = w.doc('essay.md');
    const line = 2;
    const width = text.split('\n')[line]!.length;
    for (const character of [0, 2, 4, 5, width - 1, width]) {
      const h = getHover(doc, { line, character }, w.ctx);
      assert.match((h?.contents as { value: string } | undefined)?.value ?? '', /^\*\*Claim\*\* `#claim-1-parking-pays-for-itself`/, `character ${character}`);
    }
    assert.equal(getHover(doc, { line: 0, character: 0 }, w.ctx), null, 'an untagged heading still has no card');
  });

  const REFS = '\n\n## References\n\n1. Okafor, N. *Street trees and summer heat*, [city climate office](https://example.org/heat).\n2. Lindqvist, M. Canopy survey of twelve districts.\n';

  it('shows the reference list’s entry on a numbered reference, every entry of a group', () => {
    const one = cursor(`Shaded streets ran cooler in July [|1].${REFS}`);
    const w = workspace({ 'essay.md': one.text });
    const h = getHover(w.doc('essay.md'), one.position, w.ctx);
    assert.equal((h!.contents as { value: string }).value, '**[1]** Okafor, N. Street trees and summer heat, city climate office. <https://example.org/heat>');
    assert.deepEqual(h!.range, { start: { line: 0, character: 34 }, end: { line: 0, character: 37 } });
    const group = cursor(`Canopy rose in most districts [1, |2].${REFS}`);
    const g = workspace({ 'essay.md': group.text });
    const value = (getHover(g.doc('essay.md'), group.position, g.ctx)!.contents as { value: string }).value;
    assert.match(value, /^\*\*\[1\]\*\* Okafor[^\n]*\n\n\*\*\[2\]\*\* Lindqvist, M\. Canopy survey of twelve districts\.$/);
  });

  it('lists a numbered reference’s entry among a tagged claim’s sources', () => {
    const { text, position } = cursor(`Claim: Street |trees cool the streets they shade [2].${REFS}`);
    const w = workspace({ 'essay.md': text });
    const value = (getHover(w.doc('essay.md'), position, w.ctx)!.contents as { value: string }).value;
    assert.match(value, /^\*\*Claim\*\* .*1 source/);
    assert.match(value, /\*Sources\*\n- \*note · reference \\\[2\\\]\* — \[2\] Lindqvist, M\. Canopy survey of twelve districts\./);
  });

  it('shows each source’s kind and where it was read, and the claim’s evidence mix', () => {
    const { text, position } = cursor('Claim: Street |trees cool streets ([a preprint](https://arxiv.org/abs/2101.00001), [our notes](/notes/heat)).\n');
    const w = workspace({ 'essay.md': text });
    const value = (getHover(w.doc('essay.md'), position, w.ctx)!.contents as { value: string }).value;
    assert.match(value, /\*Evidence:\* 1 preprint · 1 same site\n/);
    assert.match(value, /\n- \*preprint · arxiv\.org\* — a preprint — <https:\/\/arxiv\.org\/abs\/2101\.00001>\n- \*same site · this site\* — our notes — <\/notes\/heat>|\n- \*preprint · arxiv\.org\* — a preprint — <https:\/\/arxiv\.org\/abs\/2101\.00001>\n- \*same site · this site\* — our notes/);
  });

  it('names a citation key’s kind from its bibliography entry', () => {
    const csl = '---\nreferences:\n  - id: lee2021\n    type: article-journal\n    title: River silt\n    container-title: Journal of Rivers\n---\n';
    const { text, position } = cursor(`${csl}Claim: Silt fell [@lee|2021].\n`);
    const w = workspace({ 'essay.md': text });
    const value = (getHover(w.doc('essay.md'), position, w.ctx)!.contents as { value: string }).value;
    assert.match(value, /\n\n\*paper · Journal of Rivers\*$/);
  });

  it('says what a detected sentence backed only by the page rests on', () => {
    const text = 'Roughly 40 percent of the stalls closed in the first winter, as [our diary](/diary/winter) records.\n';
    const w = workspace({ 'essay.md': text });
    const doc = w.doc('essay.md');
    const f = doc.findings.find((x) => x.ruleId === 'weak-support');
    assert.ok(f, JSON.stringify(doc.findings.map((x) => x.ruleId)));
    const value = (getHover(doc, doc.lineIndex.positionAt(f.range.start + 3), w.ctx)!.contents as { value: string }).value;
    assert.match(value, /^\*\*Assertion\*\* \(detected\) — backed only by a link to this site \(\/diary\/winter\): cite an independent source\n- \*same site · this site\* — our diary/);
  });

  it('returns nothing on untagged prose', () => {
    const { text, position } = cursor('Just a | sentence.\n');
    const w = workspace({ 'essay.md': text });
    assert.equal(getHover(w.doc('essay.md'), position, w.ctx), null);
  });
});

describe('service: diagnostics mapping', () => {
  it('applies severity overrides: off drops, warn and info map to LSP severities', () => {
    const w = workspace({ 'essay.md': '### Claim 1: Parking pays\n\nNo links here.\n' });
    const findings = w.doc('essay.md').findings;
    assert.ok(findings.some((f) => f.ruleId === 'unsupported-claim'));
    assert.equal(toDiagnostics(findings, w.ctx.rules, { 'unsupported-claim': 'off' }).filter((d) => d.code === 'unsupported-claim').length, 0);
    assert.equal(toDiagnostics(findings, w.ctx.rules, { 'unsupported-claim': 'info' }).find((d) => d.code === 'unsupported-claim')!.severity, 3);
    assert.equal(toDiagnostics(findings, w.ctx.rules, { 'unsupported-claim': 'warn' }).find((d) => d.code === 'unsupported-claim')!.severity, 2);
  });
});

describe('service: rename', () => {
  it('rejects an invalid id and renames a valid one everywhere', () => {
    const { text, position } = cursor('<!-- claim #par|king -->\nParking pays.\n\n<!-- defense #d defends=#parking -->\nDefense: It does.\n');
    const w = workspace({ 'essay.md': text, 'other.md': '[see](essay.md#parking)\n' });
    const doc = w.doc('essay.md');
    assert.equal(prepareRename(doc, position, w.ctx)!.placeholder, 'parking');
    assert.throws(() => rename(doc, position, 'two words', w.ctx), /not a valid id/);
    const edit = rename(doc, position, '#kerb-parking', w.ctx)!;
    assert.equal(edit.changes!['file:///ws/essay.md']!.length, 2);
    assert.equal(edit.changes!['file:///ws/other.md']!.length, 1);
    assert.ok(edit.changes!['file:///ws/other.md']!.every((e) => e.newText === 'kerb-parking'));
  });

  // Counting edits and checking newText does not notice an edit that lands in the wrong place:
  // apply the whole workspace edit to every file and compare the texts that result.
  const files = {
    'essay.md': '---\nbibliography: refs.bib\n---\n# Parking\n\n<!-- claim #parking -->\nParking pays [@tanaka2020].\n\n<!-- defense #d defends=#parking -->\nDefense: It does, says @tanaka2020.\n',
    'other.md': '# Other\n\nAs [the essay](essay.md#parking) says, and [again](essay.md#parking).\n\n<!-- evidence #e supports=essay.md#parking -->\nEvidence: Meters filled [@tanaka2020, p. 4].\n',
    'refs.bib': '% kerbside\n@article{tanaka2020,\n  author = {Tanaka, Yui},\n  title = {Kerbside parking turnover},\n  year = {2020}\n}\n',
  };

  function applyEverywhere(edit: WorkspaceEdit, texts: Record<string, string>): Record<string, string> {
    const out = { ...texts };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const name = uri.replace('file:///ws/', '');
      assert.ok(name in out, `an edit for a file that does not exist: ${uri}`);
      const index = new LineIndex(out[name]!);
      const sorted = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
      for (const e of sorted) out[name] = out[name]!.slice(0, e.start) + e.text + out[name]!.slice(e.end);
    }
    return out;
  }

  it('renames an id in other files exactly where it is used', () => {
    const { text, position } = cursor(files['essay.md'].replace('#parking -->', '#par|king -->'));
    const w = workspace({ ...files, 'essay.md': text });
    const after = applyEverywhere(rename(w.doc('essay.md'), position, 'kerb-parking', w.ctx)!, files);
    assert.deepEqual(after, {
      ...files,
      'essay.md': files['essay.md'].replaceAll('#parking', '#kerb-parking'),
      'other.md': files['other.md'].replaceAll('essay.md#parking', 'essay.md#kerb-parking'),
    });
  });

  it('renames a citation key in other files and in the bibliography exactly where it is used', () => {
    const { text, position } = cursor(files['essay.md'].replace('[@tanaka2020]', '[@tana|ka2020]'));
    const w = workspace({ ...files, 'essay.md': text });
    const after = applyEverywhere(rename(w.doc('essay.md'), position, 'tanaka2020a', w.ctx)!, files);
    assert.deepEqual(after, {
      ...files,
      'essay.md': files['essay.md'].replaceAll('@tanaka2020', '@tanaka2020a'),
      'other.md': files['other.md'].replace('@tanaka2020', '@tanaka2020a'),
      'refs.bib': files['refs.bib'].replace('{tanaka2020,', '{tanaka2020a,'),
    });
  });
});

describe('service: rename to a name already taken', () => {
  const essay = '<!-- claim #par|king -->\nParking pays.\n\n<!-- claim #kerbs -->\nKerbs matter.\n\n## Street space\n\nText.\n';

  it('refuses an explicit id or heading slug of the same document, with where it is', () => {
    const { text, position } = cursor(essay);
    const w = workspace({ 'essay.md': text });
    const doc = w.doc('essay.md');
    assert.throws(() => rename(doc, position, '#kerbs', w.ctx), /"kerbs" is already an id in essay\.md:4/);
    assert.throws(() => rename(doc, position, 'street-space', w.ctx), /"street-space" is already an id in essay\.md:7/);
    assert.ok(rename(doc, position, 'parking', w.ctx), 'renaming to its own name is harmless');
    assert.ok(rename(doc, position, 'kerb-parking', w.ctx));
  });

  it('refuses, from a reference in another file, an id the target file already has', () => {
    const { text, position } = cursor('[see](essay.md#par|king)\n');
    const w = workspace({ 'essay.md': essay.replace('|', ''), 'other.md': text });
    assert.throws(() => rename(w.doc('other.md'), position, 'kerbs', w.ctx), /already an id in essay\.md:4/);
  });

  it('refuses a citation key the bibliography already holds', () => {
    const bib = BIB.replace('---\n', '---\nreferences:\n  - id: lee2021\n').replace('references:\n  - id: tanaka2020', '  - id: tanaka2020');
    const { text, position } = cursor(bib + 'Claim: Parking pays [@tana|ka2020].\n');
    const w = workspace({ 'essay.md': text });
    assert.throws(() => rename(w.doc('essay.md'), position, 'lee2021', w.ctx), /"lee2021" is already a citation key/);
  });
});

describe('service: quick fixes', () => {
  it('puts the citation inside the sentence, before its full stop, in a list-item claim', () => {
    const text = BIB + '- Claim: Kerbside parking turns over fast.\n';
    const w = workspace({ 'essay.md': text });
    const doc = w.doc('essay.md');
    const d = toDiagnostics(doc.findings, w.ctx.rules).find((x) => x.code === 'unsupported-claim')!;
    const actions = getCodeActions(doc, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } }, w.ctx);
    const cite = actions.find((a) => a.title.startsWith('Cite @tanaka2020'))!;
    const e = cite.edit!.changes![doc.uri]![0]!;
    const offset = doc.lineIndex.offsetAt(e.range.start);
    assert.equal(text.slice(0, offset) + e.newText + text.slice(offset), BIB + '- Claim: Kerbside parking turns over fast [@tanaka2020].\n');
    assert.equal(cite.isPreferred, true);
  });

  it('offers a citation and a placeholder for a claim backed only by a note (weak-support)', () => {
    const text = BIB + 'Claim: Kerbside parking turns over fast.[^1]\n\n[^1]: As the wardens told me.\n';
    const w = workspace({ 'essay.md': text });
    const doc = w.doc('essay.md');
    const d = toDiagnostics(doc.findings, w.ctx.rules).find((x) => x.code === 'weak-support');
    assert.ok(d, JSON.stringify(doc.findings.map((f) => f.ruleId)));
    const actions = getCodeActions(doc, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } }, w.ctx);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Insert "[citation needed]" placeholder'), titles.join('\n'));
    const cite = actions.find((a) => a.title.startsWith('Cite @tanaka2020'))!;
    const e = cite.edit!.changes![doc.uri]![0]!;
    const offset = doc.lineIndex.offsetAt(e.range.start);
    assert.match(text.slice(0, offset) + e.newText + text.slice(offset), /Claim: Kerbside parking turns over fast\.\[\^1\] \[@tanaka2020\]\n/);
  });

  it('hides the disable actions when the setting is off', () => {
    const w = workspace({ 'essay.md': '### Claim 1: Parking pays\n' }, { disableRuleComments: false });
    const doc = w.doc('essay.md');
    const d = toDiagnostics(doc.findings, w.ctx.rules)[0]!;
    const titles = getCodeActions(doc, { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d] } }, w.ctx).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Disable')), titles.join('\n'));
    assert.ok(titles.includes('Show documentation for unsupported-claim'));
  });
});

describe('server settings', () => {
  it('reads VS Code nested sections, dotted keys, and ignores junk', () => {
    assert.equal(normaliseSettings({ codeAction: { disableRuleComment: { enable: false } } }).disableRuleComments, false);
    assert.equal(normaliseSettings({ 'codeAction.disableRuleComment.enable': false }).disableRuleComments, false);
    assert.deepEqual(normaliseSettings(null), DEFAULT_SETTINGS);
    assert.equal(normaliseSettings({ run: 'sometimes', debounce: -1 }).run, 'onType');
    assert.equal(normaliseSettings({ run: 'onSave', debounce: 0 }).debounce, 0);
  });
});
