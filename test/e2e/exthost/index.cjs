/**
 * Extension tests run inside VS Code's own (Node) extension host in code-server: the real
 * vscode-languageclient talking to the bundled server over IPC. Loaded through the
 * `extensionTestsPath` payload; VS Code calls `run()` and exits with its result.
 * Dependency-free runner; prints one "exthost: N passed, N failed" line.
 */
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

function waitFor(describe, check, timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (value, error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      error ? reject(error) : resolve(value);
    };
    const tryNow = () => {
      try {
        const v = check();
        if (v) finish(v);
      } catch (e) {
        finish(undefined, e);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(tryNow);
    const timer = setTimeout(() => finish(undefined, new Error(`timed out waiting for ${describe}`)), timeoutMs);
    tryNow();
  });
}

const warrantDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'warrant');
const codeOf = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const hoverText = (hovers) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

async function settle(promiseFactory, accept, timeoutMs = 20000) {
  // providers answer once the server has the latest text; retry until the answer is the expected one
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await promiseFactory();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

let ws, lanesUri, doc, editor;

test('extension activates on a Markdown file and registers its commands', async () => {
  ws = vscode.workspace.workspaceFolders[0].uri;
  lanesUri = vscode.Uri.joinPath(ws, 'lanes.md');
  doc = await vscode.workspace.openTextDocument(lanesUri);
  editor = await vscode.window.showTextDocument(doc);
  const ext = vscode.extensions.getExtension('warrant-dev.warrant');
  assert.ok(ext, 'extension warrant-dev.warrant is installed');
  await ext.activate();
  const commands = await vscode.commands.getCommands(true);
  for (const c of ['warrant.lintWorkspace', 'warrant.restart', 'warrant.createConfig', 'warrant.openRuleDocs']) {
    assert.ok(commands.includes(c), `command ${c}`);
  }
});

test('diagnostics: unsupported-claim on the uncited claim heading, with docs link', async () => {
  const diags = await waitFor('warrant diagnostics on lanes.md', () => {
    const d = warrantDiagnostics(lanesUri);
    return d.length > 0 ? d : undefined;
  });
  const unsupported = diags.filter((d) => codeOf(d) === 'unsupported-claim');
  assert.strictEqual(unsupported.length, 1, JSON.stringify(diags.map((d) => [codeOf(d), d.range.start.line, d.message])));
  const line = doc.lineAt(unsupported[0].range.start.line).text;
  assert.ok(line.startsWith('### Claim 3:'), line);
  assert.ok(String(unsupported[0].code.target).includes('unsupported-claim'), String(unsupported[0].code.target));
  assert.strictEqual(unsupported[0].severity, vscode.DiagnosticSeverity.Warning);
});

test('hover on a cited claim shows its source URLs', async () => {
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('### Claim 1:'));
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', lanesUri, new vscode.Position(line, 6));
  const text = hoverText(hovers);
  assert.ok(text.includes('https://example.org/lyon-corridors'), text);
  assert.ok(text.includes('2 sources'), text);
  // each source's kind and where it was read, and the claim's evidence mix (issue 23)
  assert.ok(text.includes('*web · example.org* — corridor redesigns in Lyon'), text);
  assert.ok(text.includes('*Evidence:* 2 web'), text);
});

test('hover on [@key] shows the bibliography entry', async () => {
  const text = doc.getText();
  const pos = doc.positionAt(text.indexOf('@rivera2019') + 3);
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', lanesUri, pos);
  assert.ok(hoverText(hovers).includes('Street redesign and retail takings'), hoverText(hovers));
  assert.ok(hoverText(hovers).includes('*paper · Journal of Urban Commerce*'), hoverText(hovers));
});

test('code lens shows counts above claims', async () => {
  const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', lanesUri);
  const titles = lenses.map((l) => l.command && l.command.title).filter(Boolean);
  assert.ok(titles.includes('0 sources'), JSON.stringify(titles));
  assert.ok(titles.some((t) => t.startsWith('2 sources')), JSON.stringify(titles));
});

test('completion offers heading ids after ](#claim-2- and keys after [@', async () => {
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.edit((e) => e.insert(end, '\nSee [the retail claim](#claim-2-'));
  const pos = doc.lineAt(doc.lineCount - 1).range.end;
  const list = await settle(
    () => vscode.commands.executeCommand('vscode.executeCompletionItemProvider', lanesUri, pos),
    (l) => l.items.some((i) => (i.label.label || i.label) === 'claim-2-shops-on-redesigned-streets-keep-their-takings'),
  );
  const labels = list.items.map((i) => i.label.label || i.label);
  assert.ok(labels.includes('claim-2-shops-on-redesigned-streets-keep-their-takings'), labels.slice(0, 20).join(', '));
  await editor.edit((e) => e.replace(doc.lineAt(doc.lineCount - 1).range, 'Cited as [@'));
  const pos2 = doc.lineAt(doc.lineCount - 1).range.end;
  const keys = await settle(
    () => vscode.commands.executeCommand('vscode.executeCompletionItemProvider', lanesUri, pos2),
    (l) => l.items.some((i) => (i.label.label || i.label) === 'okafor2021'),
  );
  assert.ok(keys.items.some((i) => (i.label.label || i.label) === 'okafor2021'));
  // undo both edits
  const last = doc.lineCount - 1;
  await editor.edit((e) => e.delete(new vscode.Range(doc.lineAt(last - 1).range.end, doc.lineAt(last).range.end)));
});

test('quick fix: insert the best-matching citation; the finding goes away', async () => {
  const diag = await waitFor('unsupported-claim again', () =>
    warrantDiagnostics(lanesUri).find((d) => codeOf(d) === 'unsupported-claim'),
  );
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', lanesUri, diag.range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.map((a) => a.title);
  const cite = actions.find((a) => a.title.startsWith('Cite @okafor2021'));
  assert.ok(cite, titles.join('\n'));
  assert.ok(titles.includes('Show documentation for unsupported-claim'), titles.join('\n'));
  assert.ok(titles.includes('Disable unsupported-claim for this line'), titles.join('\n'));
  assert.ok(await vscode.workspace.applyEdit(cite.edit));
  const line = doc.lineAt(diag.range.start.line).text;
  assert.ok(line.endsWith('Painted lines alone do little [@okafor2021]'), line);
  await waitFor('unsupported-claim to clear', () => !warrantDiagnostics(lanesUri).some((d) => codeOf(d) === 'unsupported-claim'));
});

test('go to definition of an explicit id and rename it', async () => {
  const text = doc.getText();
  const pos = doc.positionAt(text.indexOf('defends=#cost') + 10);
  const defs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', lanesUri, pos);
  assert.ok(defs.length >= 1);
  const target = defs[0].targetRange || defs[0].range;
  assert.ok(doc.lineAt(target.start.line).text.includes('<!-- objection #cost'), doc.lineAt(target.start.line).text);
  const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', lanesUri, pos, 'kerb-cost');
  const edits = edit.get(lanesUri);
  assert.strictEqual(edits.length, 2);
});

test('workspace symbols list nodes', async () => {
  const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'painted');
  assert.ok(symbols.some((s) => s.name.startsWith('Claim: Painted lines')), JSON.stringify(symbols.map((s) => s.name)));
});

test('lint workspace command fills Problems for files that are not open', async () => {
  await vscode.commands.executeCommand('warrant.lintWorkspace');
  const repliesUri = vscode.Uri.joinPath(ws, 'replies.md');
  // replies.md has no findings; notes.md (unopened) has an unsupported claim
  const notesUri = vscode.Uri.joinPath(ws, 'notes.md');
  await waitFor('diagnostics for unopened notes.md', () => warrantDiagnostics(notesUri).length > 0);
  assert.deepStrictEqual(warrantDiagnostics(repliesUri), []);
});

test('examples: multi-file essay gets its cross-file and bibliography findings', async () => {
  const uri = vscode.Uri.joinPath(ws, 'examples', 'multi-file', 'liability.md');
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    throw new Error('examples/ were not copied into the workspace');
  }
  const d = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(d);
  const diags = await waitFor('diagnostics on liability.md', () => {
    const x = warrantDiagnostics(uri);
    return x.some((y) => codeOf(y) === 'dangling-reference') ? x : undefined;
  });
  const codes = diags.map(codeOf).sort();
  assert.ok(codes.includes('unknown-citation-key'), codes.join());
  const claimLine = d.getText().split('\n').findIndex((l) => l.startsWith('### **Claim 1:'));
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(claimLine, 10));
  assert.match(hoverText(hovers), /\*\*Claim\*\*/);
});

const argumentMapTab = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('warrant.argumentMap'));

test('argument map: the command opens the map webview beside the essay, keeping the editor focused', async () => {
  const uri = vscode.Uri.joinPath(ws, 'examples', 'multi-file', 'liability.md');
  const d = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(d);
  assert.strictEqual(argumentMapTab(), undefined, 'no map before it is asked for');
  await vscode.commands.executeCommand('warrant.showArgumentMap');
  // the panel opens at once and is titled with the file once its first map is drawn
  const tab = await settle(async () => argumentMapTab(), (t) => t !== undefined && t.label === 'Argument Map: liability.md', 10000);
  assert.ok(tab, JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label))));
  assert.strictEqual(tab.label, 'Argument Map: liability.md');
  assert.strictEqual(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString(), uri.toString());
});

test('argument map: revealing a node of the other file selects its text (warrant.revealNode, the click path)', async () => {
  const uri = vscode.Uri.joinPath(ws, 'examples', 'multi-file', 'liability.md');
  const client = vscode.extensions.getExtension('warrant-dev.warrant').exports.client();
  const map = await client.sendRequest('warrant/argumentMap', { uri: uri.toString() });
  assert.ok(map.nodes.length > 3 && map.edges.length > 0, JSON.stringify(map.nodes.map((n) => n.label)));
  assert.ok(map.dot.startsWith('digraph warrant {'));
  const reply = map.nodes.find((n) => n.external && n.uri.endsWith('/replies.md'));
  assert.ok(reply, `a node of replies.md: ${JSON.stringify(map.nodes.map((n) => [n.uri, n.label]))}`);
  await vscode.commands.executeCommand('warrant.revealNode', reply.uri, reply.range);
  const ed = vscode.window.activeTextEditor;
  assert.ok(ed && ed.document.uri.path.endsWith('/replies.md'), ed && ed.document.uri.toString());
  const sel = ed.selection;
  assert.deepStrictEqual(
    [sel.start.line, sel.start.character, sel.end.line, sel.end.character],
    [reply.range.start.line, reply.range.start.character, reply.range.end.line, reply.range.end.character],
  );
  assert.ok(reply.label.length > 0 && ed.document.getText(sel).includes(reply.label.slice(0, 20)), `${ed.document.getText(sel)} / ${reply.label}`);
});

test('argument map: export as SVG (Graphviz in the extension host) and as Mermaid', async () => {
  const uri = vscode.Uri.joinPath(ws, 'examples', 'multi-file', 'liability.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const svgUri = vscode.Uri.joinPath(ws, 'liability.map.svg');
  const written = await vscode.commands.executeCommand('warrant.exportArgumentMap', 'svg', svgUri);
  assert.strictEqual(written && written.toString(), svgUri.toString());
  const svg = Buffer.from(await vscode.workspace.fs.readFile(svgUri)).toString('utf8');
  assert.match(svg, /<svg\b/);
  assert.match(svg, /class="node"/);
  const mmdUri = vscode.Uri.joinPath(ws, 'liability.map.mmd');
  await vscode.commands.executeCommand('warrant.exportArgumentMap', 'mermaid', mmdUri);
  const mmd = Buffer.from(await vscode.workspace.fs.readFile(mmdUri)).toString('utf8');
  assert.match(mmd, /^flowchart LR\n/);
  assert.ok(argumentMapTab(), 'the map is still open');
});

test('Warrant: Open Report writes the workspace report and shows it (a webview in a web window)', async () => {
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes('warrant.openReport'), 'command registered');
  const opened = await vscode.commands.executeCommand('warrant.openReport');
  assert.ok(opened && opened.file, JSON.stringify(opened));
  assert.strictEqual(opened.shownIn, vscode.env.uiKind === vscode.UIKind.Web || vscode.env.remoteName ? 'webview' : 'browser');
  const html = require('fs').readFileSync(opened.file, 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  assert.match(html, /Painted lines alone do little/);
  assert.match(html, /lanes\.md/);
  assert.match(html, /<svg /, 'the map drawn by dist/viz.cjs');
  assert.strictEqual((html.match(/<script/g) || []).length, 1);
  const reportTab = () =>
    vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Warrant Report' || (t.input && String(t.input.viewType || '').endsWith('warrant.report')));
  const tab = opened.shownIn === 'browser' || (await settle(async () => reportTab(), (t) => !!t, 10000));
  assert.ok(tab, `the report tab; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
  // the active file only
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lanesUri));
  const one = await vscode.commands.executeCommand('warrant.openReport', 'file');
  const only = require('fs').readFileSync(one.file, 'utf8');
  assert.match(only, /Warrant report: lanes\.md/);
});

test('threat model: the hover card of a risk shows its adversary, harm and defenses by layer (examples/ai-risk)', async () => {
  const uri = vscode.Uri.joinPath(ws, 'examples', 'ai-risk', 'essay.md');
  const d = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(d);
  // the preset is in force: alignment-only-defense fires on #kit, as the CLI says it does
  const diags = await waitFor('alignment-only-defense on ai-risk/essay.md', () => {
    const x = warrantDiagnostics(uri).filter((y) => codeOf(y) === 'alignment-only-defense');
    return x.length ? x : undefined;
  });
  assert.strictEqual(diags.length, 1, JSON.stringify(diags.map((x) => x.message)));
  assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Warning);
  const lines = d.getText().split('\n');
  const riskLine = lines.findIndex((l) => l.startsWith('Risk: A fraud ring'));
  assert.ok(riskLine > 0, 'the labelled risk of Claim 3');
  const hovers = await settle(
    () => vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(riskLine, 12)),
    (h) => /Threat model/.test(hoverText(h)),
  );
  const text = hoverText(hovers);
  assert.match(text, /\*\*Risk\*\* `#retune`/, text);
  assert.match(text, /- adversary: \*\*skilled\*\* \(inferred from "[^"]+"\)/, text);
  assert.match(text, /- harm: \*\*intentional\*\*/, text);
  assert.match(text, /- domain: \*\*malicious-use\*\*/, text);
  assert.match(text, /\*Defenses by layer\*/, text);
  assert.match(text, /- model: \[The base model.s RLHF still refuses the crudest requests\./, text);
  assert.match(text, /- ecosystem: \[Hosting platforms and payment processors/, text);
  // and the defense's own card names its layer
  const defenseLine = lines.findIndex((l) => l.startsWith('- Defense: Hosting platforms'));
  const dh = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(defenseLine, 6)));
  assert.match(dh, /\*Layer:\* \*\*ecosystem\*\*/, dh);
});

test('threat model: Show Threat Coverage opens its webview beside the essay', async () => {
  const uri = vscode.Uri.joinPath(ws, 'examples', 'ai-risk', 'essay.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await vscode.commands.executeCommand('warrant.showThreatCoverage');
  const tab = await settle(
    async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('warrant.threatCoverage')),
    (t) => t !== undefined && t.label === 'Threat Coverage: essay.md',
    10000,
  );
  assert.ok(tab && tab.label === 'Threat Coverage: essay.md', JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label))));
  const client = vscode.extensions.getExtension('warrant-dev.warrant').exports.client();
  const result = await client.sendRequest('warrant/threatMatrix', { uri: uri.toString() });
  assert.deepStrictEqual(result.byAdversary.rows.map((r) => r.value), ['none', 'casual', 'skilled', 'well-resourced']);
  assert.ok(result.locations['risk:0'], JSON.stringify(Object.keys(result.locations)));
});

test('threat model: the unrated-risk quick fix inserts the ratings as a snippet edit', async () => {
  const uri = vscode.Uri.joinPath(ws, 'examples', 'ai-risk', 'scratch-unrated.md');
  await vscode.workspace.fs.writeFile(uri, Buffer.from('# Scratch\n\nRisk: Answers drift over time.\n', 'utf8'));
  const d = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(d);
  const [unrated] = await waitFor('unrated-risk on scratch-unrated.md', () => {
    const x = warrantDiagnostics(uri).filter((y) => codeOf(y) === 'unrated-risk');
    return x.length ? x : undefined;
  });
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, unrated.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title.startsWith('Add the threat-model attributes'));
  assert.ok(fix && fix.edit, actions.map((a) => a.title).join('\n'));
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
  // VS Code's client advertises snippet edits, so the values come as a snippet: its first
  // placeholder (the adversary, a choice with the suggested value first) is selected in the editor
  const ed = vscode.window.activeTextEditor;
  assert.strictEqual(ed && ed.document.getText(ed.selection), 'none', 'the first snippet placeholder is selected');
  const line = d.lineAt(2).text;
  assert.match(line, /^Risk: Answers drift over time\. <!-- adversary=none harm=accidental -->$/, line);
  await waitFor('unrated-risk to clear', () => !warrantDiagnostics(uri).some((y) => codeOf(y) === 'unrated-risk'));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

const citationLinkDiagnostics = (uri, d) =>
  vscode.languages.getDiagnostics(uri).filter((x) => codeOf(x) === 'link.no-such-reference' && /^-?@/.test(d.getText(x.range)));
let citationFlagged = false;

test("coexistence: VS Code's Markdown validation flags [@key]; Warrant offers the one-click fix", async () => {
  await vscode.window.showTextDocument(doc);
  await vscode.workspace.getConfiguration('markdown').update('validate.enabled', true, vscode.ConfigurationTarget.Workspace);
  const [flagged] = await waitFor("VS Code's link.no-such-reference on a citation in lanes.md", () => {
    const found = citationLinkDiagnostics(lanesUri, doc);
    return found.length > 0 ? found : undefined;
  }, 60000);
  citationFlagged = true;
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', lanesUri, flagged.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title.startsWith('Let Warrant check citations'));
  assert.ok(fix, actions.map((a) => a.title).join('\n'));
  assert.strictEqual(fix.command.command, 'warrant.configureMarkdownValidation');
});

test('coexistence: "Let Warrant Check Citations" writes the workspace setting; VS Code stops flagging citations', async () => {
  await vscode.commands.executeCommand('warrant.configureMarkdownValidation');
  const inspected = vscode.workspace.getConfiguration('markdown').inspect('validate.referenceLinks.enabled');
  assert.strictEqual(inspected.workspaceValue, 'ignore', JSON.stringify(inspected));
  assert.strictEqual(inspected.globalValue, undefined, 'user settings untouched');
  if (citationFlagged) await waitFor('the citation link diagnostics to clear', () => citationLinkDiagnostics(lanesUri, doc).length === 0, 60000);
});

test('MCP: the extension offers `warrant mcp` for the folder, and the definition it offers starts and lists the tools', async () => {
  const api = vscode.extensions.getExtension('warrant-dev.warrant').exports;
  const { registered, servers } = api.mcpServers();
  assert.strictEqual(registered, true, 'this VS Code has the MCP API: the provider is registered');
  assert.strictEqual(servers.length, 1, JSON.stringify(servers));
  const server = servers[0];
  assert.strictEqual(server.cwd, ws.fsPath);
  assert.ok(server.args[0].endsWith(path.join('dist', 'mcp.cjs')), server.args[0]);
  // Start it exactly as VS Code would, and speak MCP to it over stdio.
  const { spawn } = require('child_process');
  const child = spawn(server.command, server.args, { cwd: server.cwd, env: { ...process.env, ...server.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    const replies = [];
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        replies.push(JSON.parse(buffer.slice(0, nl)));
        buffer = buffer.slice(nl + 1);
      }
    });
    const send = (m) => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...m }) + '\n');
    const reply = async (id) => {
      for (let i = 0; i < 200; i++) {
        const r = replies.find((x) => x.id === id);
        if (r) return r;
        await new Promise((r2) => setTimeout(r2, 50));
      }
      throw new Error(`no reply ${id}`);
    };
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'exthost-test', version: '1' } } });
    assert.strictEqual((await reply(1)).result.serverInfo.name, 'warrant');
    send({ method: 'notifications/initialized' });
    send({ id: 2, method: 'tools/list' });
    assert.deepStrictEqual((await reply(2)).result.tools.map((t) => t.name).sort(), ['claims', 'explain', 'lint', 'matrix']);
    send({ id: 3, method: 'tools/call', params: { name: 'lint', arguments: { paths: ['lanes.md'] } } });
    const lint = (await reply(3)).result.structuredContent;
    // The file on disk (earlier tests edit the buffer): linted, with findings in the tool's shape.
    assert.strictEqual(lint.files[0].file, 'lanes.md', JSON.stringify(lint));
    assert.ok(Array.isArray(lint.files[0].findings) && typeof lint.warningCount === 'number', JSON.stringify(lint));
  } finally {
    child.kill();
  }
});

module.exports.run = async function run() {
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    const start = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`ok - ${t.name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${t.name}\n  ${String((e && e.stack) || e).split('\n').slice(0, 4).join('\n  ')}`);
    }
  }
  console.log(`exthost: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
};
void path;
