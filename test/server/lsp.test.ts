import assert from 'node:assert/strict';
import type { CodeAction, CompletionList, Diagnostic, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { at, fixtureText, fixtureUri, startHarness, type Harness } from './harness.js';

const LANES = fixtureUri('lanes.md');
const REPLIES = fixtureUri('replies.md');
const lanes = fixtureText('lanes.md');

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const hoverText = (h: Hover | null): string => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('server: diagnostics (push, for clients without pull such as Neovim 0.7)', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.close());

  it('publishes unsupported-claim on the claim that has no links, and nowhere else', async () => {
    const p = h.nextDiagnostics(LANES);
    h.open(LANES, lanes);
    const { diagnostics, version } = await p;
    assert.equal(version, 1);
    const unsupported = diagnostics.filter((d) => d.code === 'unsupported-claim');
    assert.equal(unsupported.length, 1, JSON.stringify(diagnostics, null, 1));
    const d = unsupported[0]!;
    assert.equal(d.range.start.line, at(lanes, 'Claim 3').line);
    assert.equal(d.source, 'warrant');
    assert.match(d.codeDescription!.href, /docs\/rules\/unsupported-claim\.md$/);
    assert.equal(d.severity, 2);
    // the heading text, not the whole section
    assert.equal(d.range.start.line, d.range.end.line);
  });

  it('re-lints on change and publishes for the new version', async () => {
    const broken = lanes.replace('[a merchant survey](https://example.org/merchant-survey)', 'a merchant survey').replace(' [@rivera2019]', '');
    const p = h.nextDiagnostics(LANES, (x) => x.version === 2);
    h.change(LANES, 2, broken);
    const { diagnostics } = await p;
    const lines = diagnostics.filter((d) => d.code === 'unsupported-claim').map((d) => d.range.start.line);
    // Claim 2 is still defended from replies.md, so only Claim 3 is unsupported
    assert.deepEqual(lines, [at(broken, 'Claim 3').line]);
  });

  it('clears diagnostics on close', async () => {
    const p = h.nextDiagnostics(LANES, (x) => x.diagnostics.length === 0);
    void h.client.sendNotification('textDocument/didClose', { textDocument: { uri: LANES } });
    await p;
  });
});

describe('server: pull diagnostics (VS Code)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ pull: true });
    h.open(LANES, lanes);
  });
  after(() => h.close());

  it('answers textDocument/diagnostic with the same findings as push mode', async () => {
    const items = await h.pull(LANES);
    assert.deepEqual(
      items.filter((d) => d.code === 'unsupported-claim').map((d) => d.range.start.line),
      [at(lanes, 'Claim 3').line],
    );
    assert.ok(h.published.every((p) => p.uri !== LANES), 'no pushed diagnostics for an open document in pull mode');
  });

  it('reports unchanged when the client already has the result', async () => {
    const first = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: LANES } })) as { resultId: string };
    const second = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: LANES }, previousResultId: first.resultId })) as { kind: string };
    assert.equal(second.kind, 'unchanged');
  });
});

describe('server: hover on a numbered reference', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ pull: true })));
  after(() => h.close());

  it('shows the entry of the document’s numbered reference list', async () => {
    const uri = fixtureUri('numbered-hover-scratch.md');
    const text = 'Kerbside trees shade a third of the footway by noon [3].\n\n## Sources\n\n1. First note.\n2. Second note.\n3. Park, J. Noon shade on city footways, <https://example.org/noon-shade>.\n';
    h.open(uri, text);
    await h.pull(uri);
    const hover = (await h.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(text, '[3]', 1) })) as Hover;
    assert.equal(hoverText(hover), '**[3]** Park, J. Noon shade on city footways, https://example.org/noon-shade.');
    assert.deepEqual(hover.range, { start: at(text, '[3]'), end: at(text, '[3]', 3) });
  });
});

describe('server: hover, lens, completion, navigation, symbols, quick fixes', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ pull: true });
    h.open(LANES, lanes);
    await h.pull(LANES);
  });
  after(() => h.close());

  it('hover on a cited claim heading lists its section links and a status line', async () => {
    const hover = (await h.client.sendRequest('textDocument/hover', { textDocument: { uri: LANES }, position: at(lanes, 'Claim 1', 3) })) as Hover;
    const text = hoverText(hover);
    assert.match(text, /^\*\*Claim\*\* `#claim-1-protected-lanes-cut-serious-injuries` — 2 sources · 1 objection\n/);
    assert.ok(text.includes('https://example.org/lyon-corridors'), text);
    assert.ok(text.includes('https://example.org/crash-register'), text);
    // Each source's kind and the claim's evidence mix (issue 23).
    assert.match(text, /\*Evidence:\* 2 web\n/);
    assert.match(text, /- \*web · example\.org\* — corridor redesigns in Lyon — <https:\/\/example\.org\/lyon-corridors>/);
    // The objection is a comment tag merged with its `Objection:` label: shown without the label.
    assert.match(text, /\*Objections\*\n- \[Concrete kerbs/);
  });

  it('hover shows a defense written in another file', async () => {
    const text = hoverText((await h.client.sendRequest('textDocument/hover', { textDocument: { uri: LANES }, position: at(lanes, 'Claim 2', 2) })) as Hover);
    assert.match(text, /2 sources · 1 defense/);
    assert.ok(text.includes('replies.md'), text);
    assert.ok(text.includes('Rivera & Holm (2019)') || text.includes('Rivera'), text);
  });

  it('hover on [@key] shows the bibliography entry', async () => {
    const text = hoverText((await h.client.sendRequest('textDocument/hover', { textDocument: { uri: LANES }, position: at(lanes, '@rivera2019', 3) })) as Hover);
    assert.match(text, /\*\*@rivera2019\*\*.*Street redesign and retail takings/);
    assert.ok(text.includes('doi.org/10.5555/juc.2019.14'), text);
    assert.match(text, /\n\n\*paper · Journal of Urban Commerce\*$/);
  });

  it('code lens above each claim with the counts', async () => {
    const lenses = (await h.client.sendRequest('textDocument/codeLens', { textDocument: { uri: LANES } })) as { range: { start: { line: number } }; command: { title: string } }[];
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l.command.title]));
    assert.equal(byLine.get(at(lanes, 'Claim 1').line), '2 sources · 1 objection');
    assert.equal(byLine.get(at(lanes, 'Claim 2').line), '2 sources · 1 defense');
    assert.equal(byLine.get(at(lanes, 'Claim 3').line), '0 sources');
  });

  it('completes heading ids after ](#claim-2-', async () => {
    const text = lanes + '\nSee [the retail claim](#claim-2-';
    h.change(LANES, 2, text);
    const lines = text.split('\n');
    const list = (await h.client.sendRequest('textDocument/completion', {
      textDocument: { uri: LANES },
      position: { line: lines.length - 1, character: lines.at(-1)!.length },
    })) as CompletionList;
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('claim-2-shops-on-redesigned-streets-keep-their-takings'), labels.join());
    const item = list.items.find((i) => i.label.startsWith('claim-2'))!;
    assert.equal((item.textEdit as TextEdit).range.start.character, lines.at(-1)!.length - 'claim-2-'.length);
    h.change(LANES, 3, lanes);
  });

  it('completes ids in another file after ](replies.md# and after =#', async () => {
    const text = lanes + '\n[reply](replies.md#\n<!-- evidence #e1 supports=#';
    h.change(LANES, 4, text);
    const lines = text.split('\n');
    const first = (await h.client.sendRequest('textDocument/completion', { textDocument: { uri: LANES }, position: { line: lines.length - 2, character: lines.at(-2)!.length } })) as CompletionList;
    assert.deepEqual(first.items.map((i) => i.label), ['maintenance']);
    const second = (await h.client.sendRequest('textDocument/completion', { textDocument: { uri: LANES }, position: { line: lines.length - 1, character: lines.at(-1)!.length } })) as CompletionList;
    assert.ok(second.items.some((i) => i.label === 'cost'));
    h.change(LANES, 5, lanes);
  });

  it('completes citation keys after [@, best title match first', async () => {
    const text = lanes.replace('Drivers read paint as a suggestion, and riders know it.', 'Painted lines do little for injuries [@');
    h.change(LANES, 6, text);
    const list = (await h.client.sendRequest('textDocument/completion', { textDocument: { uri: LANES }, position: at(text, 'injuries [@', 11) })) as CompletionList;
    assert.equal(list.items[0]!.label, 'okafor2021');
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['lindqvist2018', 'okafor2021', 'rivera2019']);
    h.change(LANES, 7, lanes);
  });

  it('definition of an explicit id and of a citation key', async () => {
    const def = (await h.client.sendRequest('textDocument/definition', { textDocument: { uri: LANES }, position: at(lanes, 'defends=#cost', 10) })) as Location[];
    assert.equal(def[0]!.uri, LANES);
    assert.deepEqual(def[0]!.range.start, at(lanes, '#cost attacks', 1));
    const bib = (await h.client.sendRequest('textDocument/definition', { textDocument: { uri: LANES }, position: at(lanes, '@rivera2019', 2) })) as Location[];
    assert.equal(bib[0]!.uri, fixtureUri('refs.bib'));
    assert.equal(bib[0]!.range.start.line, 0);
  });

  it('references of an explicit id across files', async () => {
    const replies = fixtureText('replies.md');
    h.open(REPLIES, replies);
    const refs = (await h.client.sendRequest('textDocument/references', {
      textDocument: { uri: LANES },
      position: at(lanes, '#cost', 2),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.equal(refs.length, 2);
    assert.deepEqual(refs.map((r) => r.range.start), [at(lanes, '#cost', 1), at(lanes, '=#cost', 2)]);
  });

  it('rename an explicit id rewrites the declaration and every reference', async () => {
    const prep = (await h.client.sendRequest('textDocument/prepareRename', { textDocument: { uri: LANES }, position: at(lanes, '#cost', 2) })) as { placeholder: string };
    assert.equal(prep.placeholder, 'cost');
    const edit = (await h.client.sendRequest('textDocument/rename', { textDocument: { uri: LANES }, position: at(lanes, '#cost', 2), newName: 'kerb-cost' })) as WorkspaceEdit;
    assert.deepEqual(Object.keys(edit.changes!), [LANES]);
    assert.equal(applyEdits(lanes, edit.changes![LANES]!), lanes.replace('#cost attacks=', '#kerb-cost attacks=').replace('defends=#cost -->', 'defends=#kerb-cost -->'));
  });

  it('rename a citation key rewrites citations and the bibliography entry', async () => {
    const edit = (await h.client.sendRequest('textDocument/rename', { textDocument: { uri: LANES }, position: at(lanes, '@rivera2019', 2), newName: 'rivera2019a' })) as WorkspaceEdit;
    assert.deepEqual(Object.keys(edit.changes!).sort(), [LANES, fixtureUri('refs.bib')].sort());
    assert.equal(applyEdits(lanes, edit.changes![LANES]!), lanes.replace('[@rivera2019]', '[@rivera2019a]'));
    assert.equal(applyEdits(fixtureText('refs.bib'), edit.changes![fixtureUri('refs.bib')]!), fixtureText('refs.bib').replace('@article{rivera2019,', '@article{rivera2019a,'));
  });

  it('no rename on plain heading anchors (VS Code Markdown owns them)', async () => {
    const prep = await h.client.sendRequest('textDocument/prepareRename', { textDocument: { uri: REPLIES }, position: at(fixtureText('replies.md'), 'lanes.md#claim-2', 10) });
    assert.equal(prep, null);
  });

  it('workspace symbols for nodes', async () => {
    const symbols = (await h.client.sendRequest('workspace/symbol', { query: 'painted' })) as { name: string; location: Location }[];
    assert.ok(symbols.some((s) => s.name === 'Claim: Painted lines alone do little' && s.location.uri === LANES), JSON.stringify(symbols));
    const all = (await h.client.sendRequest('workspace/symbol', { query: '' })) as { name: string }[];
    assert.ok(all.some((s) => s.name.startsWith('Defense: Sweeping')), 'nodes of files not open are listed too');
  });

  describe('quick fixes on unsupported-claim', () => {
    let diagnostic: Diagnostic;
    let actions: CodeAction[];
    before(async () => {
      diagnostic = (await h.pull(LANES)).find((d) => d.code === 'unsupported-claim')!;
      actions = (await h.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri: LANES },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
    });

    it('offers the expected actions in order', () => {
      const titles = actions.map((a) => a.title);
      assert.match(titles[0]!, /^Cite @okafor2021: /);
      assert.ok(titles.includes('Insert "[citation needed]" placeholder'));
      assert.ok(titles.some((t) => t.startsWith('Link defense "Phased builds')) || titles.some((t) => t.startsWith('Link defense')), titles.join('\n'));
      assert.ok(titles.includes('Add an objection and a defense under this claim'));
      assert.ok(titles.includes('Disable unsupported-claim for this line'));
      assert.ok(titles.includes('Disable unsupported-claim for this file'));
      assert.ok(titles.includes('Show documentation for unsupported-claim'));
    });

    it('inserting the best citation removes the finding', async () => {
      const fixed = applyEdits(lanes, actions[0]!.edit!.changes![LANES]!);
      assert.ok(fixed.includes('### Claim 3: Painted lines alone do little [@okafor2021]'), fixed);
      h.change(LANES, 10, fixed);
      assert.deepEqual((await h.pull(LANES)).filter((d) => d.code === 'unsupported-claim'), []);
    });

    it('the placeholder keeps the finding', async () => {
      const action = actions.find((a) => a.title.startsWith('Insert "[citation needed]"'))!;
      const text = applyEdits(lanes, action.edit!.changes![LANES]!);
      assert.ok(text.includes('alone do little [citation needed]'));
      h.change(LANES, 11, text);
      assert.equal((await h.pull(LANES)).filter((d) => d.code === 'unsupported-claim').length, 1);
    });

    it('linking a defense removes the finding', async () => {
      const action = actions.find((a) => a.title.startsWith('Link defense'))!;
      const text = applyEdits(lanes, action.edit!.changes![LANES]!);
      h.change(LANES, 12, text);
      assert.deepEqual((await h.pull(LANES)).filter((d) => d.code === 'unsupported-claim'), [], text);
    });

    it('disable-next-line goes above the block and silences it', async () => {
      const action = actions.find((a) => a.title === 'Disable unsupported-claim for this line')!;
      const text = applyEdits(lanes, action.edit!.changes![LANES]!);
      assert.ok(text.includes('<!-- warrant-disable-next-line unsupported-claim -->\n### Claim 3'));
      h.change(LANES, 13, text);
      assert.deepEqual((await h.pull(LANES)).filter((d) => d.code === 'unsupported-claim'), []);
    });

    it('disable-file goes after the front matter and silences it', async () => {
      const action = actions.find((a) => a.title === 'Disable unsupported-claim for this file')!;
      const text = applyEdits(lanes, action.edit!.changes![LANES]!);
      assert.ok(text.startsWith('---\nbibliography: refs.bib\n---\n<!-- warrant-disable-file unsupported-claim -->\n'));
      h.change(LANES, 14, text);
      assert.deepEqual((await h.pull(LANES)).filter((d) => d.code === 'unsupported-claim'), []);
    });

    it('the scaffold adds an objection and a defense that answer each other', async () => {
      const action = actions.find((a) => a.title.startsWith('Add an objection'))!;
      const text = applyEdits(lanes, action.edit!.changes![LANES]!);
      assert.ok(text.includes('<!-- objection #claim-3-painted-lines-alone-do-little-objection attacks=#claim-3-painted-lines-alone-do-little -->'));
      h.change(LANES, 15, text);
      const items = await h.pull(LANES);
      assert.deepEqual(items.filter((d) => d.code === 'unanswered-objection' || d.code === 'dangling-reference'), []);
      h.change(LANES, 16, lanes);
    });
  });
});

describe('server: custom requests used by the VS Code commands', () => {
  it('warrant/rules, warrant/configTemplate and warrant/lintWorkspace', async () => {
    const h = await startHarness();
    try {
      const rules = (await h.client.sendRequest('warrant/rules', {})) as { id: string; docsUrl: string }[];
      assert.ok(rules.some((r) => r.id === 'unsupported-claim' && r.docsUrl.endsWith('/unsupported-claim.md')));
      const template = (await h.client.sendRequest('warrant/configTemplate', {})) as string;
      assert.match(template, /unsupported-claim: warning/);
      const notes = h.nextDiagnostics(fixtureUri('notes.md'), (p) => p.diagnostics.length > 0);
      const result = (await h.client.sendRequest('warrant/lintWorkspace', {})) as { files: number; unsupportedClaims: number };
      assert.equal(result.files, 3);
      assert.equal(result.unsupportedClaims, 2);
      await notes;
    } finally {
      h.close();
    }
  });
});

describe('server: settings', () => {
  it('severityOverrides and hiding the disable actions', async () => {
    const h = await startHarness({ pull: true, configuration: true, settings: { severityOverrides: { 'unsupported-claim': 'error' }, codeAction: { disableRuleComment: { enable: false } } } });
    try {
      h.open(LANES, lanes);
      const d = (await h.pull(LANES)).find((x) => x.code === 'unsupported-claim')!;
      assert.equal(d.severity, 1);
      const actions = (await h.client.sendRequest('textDocument/codeAction', { textDocument: { uri: LANES }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      assert.ok(!actions.some((a) => a.title.startsWith('Disable')));
      h.settings.severityOverrides = { 'unsupported-claim': 'off' };
      void h.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual((await h.pull(LANES)).filter((x) => x.code === 'unsupported-claim'), []);
      assert.ok(h.refreshes() > 0, 'asks the client to pull again after a settings change');
    } finally {
      h.close();
    }
  });

  it('run: onSave publishes on open and save, not while typing', async () => {
    const h = await startHarness({ settings: { run: 'onSave' } });
    try {
      const first = h.nextDiagnostics(LANES);
      h.open(LANES, lanes);
      await first;
      const broken = lanes.replace(/\[corridor redesigns in Lyon\]\([^)]*\) and\n\[the regional crash register\]\([^)]*\)/, 'corridor redesigns and crash data');
      h.change(LANES, 2, broken);
      const saved = h.nextDiagnostics(LANES, (p) => p.version === 2);
      void h.client.sendNotification('textDocument/didSave', { textDocument: { uri: LANES } });
      const { diagnostics } = await saved;
      assert.equal(diagnostics.filter((d) => d.code === 'unsupported-claim').length, 2);
      assert.equal(h.published.filter((p) => p.uri === LANES).length, 2, 'nothing published for the change itself');
    } finally {
      h.close();
    }
  });
});

describe('server: focus mode hides prose findings on the line being typed', () => {
  const claim3 = at(lanes, 'Claim 3').line;
  const endOfClaim3 = { line: claim3, character: lanes.split('\n')[claim3]!.length };
  // what VS Code sends while the writer types a citation with auto-closed brackets
  const typing = { start: endOfClaim3, end: endOfClaim3 };
  const onClaim3 = (ds: readonly Diagnostic[]) => ds.filter((d) => d.range.start.line === claim3).map((d) => String(d.code));

  it('pull: hidden right after an edit on its line, shown again after save', async () => {
    const h = await startHarness({ pull: true });
    try {
      h.open(LANES, lanes);
      assert.deepEqual(onClaim3(await h.pull(LANES)), ['unsupported-claim']);
      h.edit(LANES, 2, typing, ' [@oka]');
      const whileTyping = await h.pull(LANES);
      assert.deepEqual(onClaim3(whileTyping), [], 'nothing flashes on the line being typed');
      assert.ok(whileTyping.some((d) => d.code === 'uncited-assertion'), 'findings on other lines stay');
      const refreshes = h.refreshes();
      h.save(LANES);
      assert.deepEqual(onClaim3(await h.pull(LANES)), ['unknown-citation-key'], 'after save the half-typed key is reported');
      assert.ok(h.refreshes() > refreshes, 'asks the client to pull again after save');
    } finally {
      h.close();
    }
  });

  it('pull: an edit on another line shows the finding again', async () => {
    const h = await startHarness({ pull: true });
    try {
      h.open(LANES, lanes);
      h.edit(LANES, 2, typing, ' [@oka]');
      assert.deepEqual(onClaim3(await h.pull(LANES)), []);
      const next = at(lanes, 'Drivers read paint');
      h.edit(LANES, 3, { start: next, end: next }, 'Honestly, ');
      assert.deepEqual(onClaim3(await h.pull(LANES)), ['unknown-citation-key']);
    } finally {
      h.close();
    }
  });

  it('push: hidden in the publish for the edit, published again on save', async () => {
    const h = await startHarness();
    try {
      const opened = h.nextDiagnostics(LANES);
      h.open(LANES, lanes);
      assert.deepEqual(onClaim3((await opened).diagnostics), ['unsupported-claim']);
      const edited = h.nextDiagnostics(LANES, (p) => p.version === 2);
      h.edit(LANES, 2, typing, ' [@oka]');
      assert.deepEqual(onClaim3((await edited).diagnostics), []);
      const saved = h.nextDiagnostics(LANES, (p) => p.version === 2 && onClaim3(p.diagnostics).length > 0);
      h.save(LANES);
      assert.deepEqual(onClaim3((await saved).diagnostics), ['unknown-citation-key']);
    } finally {
      h.close();
    }
  });

  it('focusMode: false shows findings while typing', async () => {
    const h = await startHarness({ pull: true, settings: { focusMode: false } });
    try {
      h.open(LANES, lanes);
      h.edit(LANES, 2, typing, ' [@oka]');
      assert.deepEqual(onClaim3(await h.pull(LANES)), ['unknown-citation-key']);
    } finally {
      h.close();
    }
  });
});
