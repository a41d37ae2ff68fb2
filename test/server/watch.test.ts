/**
 * Diagnostics follow changes outside the document: a `.warrant.yaml` edited on disk, a broken
 * config (its problems are reported on the config file), and a bibliography gaining an entry.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtureText, startOnFixtureCopy, type Harness } from './harness.js';

describe('server: config and bibliography changes on disk', () => {
  let dir: string;
  let h: Harness;
  let uri: string;
  const changed = (file: string) =>
    h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, file)).href, type: 2 }] });

  let close: () => void;

  before(async () => {
    ({ h, dir, uri, close } = await startOnFixtureCopy('warrant-watch-'));
  });
  after(() => close());

  it('a new .warrant.yaml changes severities', async () => {
    writeFileSync(join(dir, '.warrant.yaml'), 'rules:\n  unsupported-claim: error\n');
    const next = h.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unsupported-claim' && d.severity === 1));
    void changed('.warrant.yaml');
    await next;
  });

  it('a broken config is reported on the config file, and linting goes on', async () => {
    writeFileSync(join(dir, '.warrant.yaml'), 'rules:\n  no-such-rule: error\n');
    const configUri = pathToFileURL(join(dir, '.warrant.yaml')).href;
    const onConfig = h.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    const onDoc = h.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unsupported-claim' && d.severity === 2));
    void changed('.warrant.yaml');
    const config = await onConfig;
    assert.equal(config.diagnostics[0]!.code, 'invalid-config');
    assert.match(String(config.diagnostics[0]!.message), /no-such-rule/);
    await onDoc;
    const cleared = h.nextDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    rmSync(join(dir, '.warrant.yaml'));
    void h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    await cleared;
  });

  it('a bibliography entry added on disk resolves an unknown citation key', async () => {
    const text = fixtureText('lanes.md').replace('riders know it.', 'riders know it [@moreau2022].');
    const unknown = h.nextDiagnostics(uri, (p) => p.version === 2);
    h.change(uri, 2, text);
    assert.ok((await unknown).diagnostics.some((d) => d.code === 'unknown-citation-key'));
    writeFileSync(join(dir, 'refs.bib'), fixtureText('refs.bib') + '\n@misc{moreau2022,\n  author = {Moreau, Lea},\n  title = {Paint and posts},\n  year = {2022}\n}\n');
    const known = h.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unknown-citation-key'));
    void changed('refs.bib');
    const after = await known;
    assert.ok(!after.diagnostics.some((d) => d.code === 'unsupported-claim'), 'Claim 3 is cited now');
  });
});
