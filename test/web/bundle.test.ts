/**
 * The built worker bundle (dist/web/server.js) in a sandbox shaped like a browser's dedicated
 * worker: `self`, `postMessage`, message events, timers, TextEncoder/Decoder, URL — and no
 * `require`, `process`, `Buffer` or `document`. It must load, answer `initialize`, and publish
 * diagnostics for an opened essay, asking the "client" for the files it needs. Catches a
 * dependency that reaches for Node or the DOM at run time, which a build does not.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'web', 'server.js');

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: { code?: string }[] };
  result?: { capabilities?: Record<string, unknown> };
}

describe('web worker bundle (dist/web/server.js) in a worker-like sandbox', function () {
  this.timeout(60_000);
  const sent: Message[] = [];
  let deliver: (message: unknown) => void;

  before(() => {
    if (!existsSync(BUNDLE)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    const listeners: ((e: { data: unknown }) => void)[] = [];
    // A browser's console: Node's also has `Console`, which a dependency would then build on process.stderr.
    const { log, info, warn, error, debug, trace } = console;
    const sandbox: Record<string, unknown> = {
      console: { log, info, warn, error, debug, trace },
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      URL,
      URLSearchParams,
      performance,
      postMessage: (m: Message) => sent.push(m),
      addEventListener: (type: string, l: (e: { data: unknown }) => void) => type === 'message' && listeners.push(l),
      removeEventListener: () => undefined,
    };
    sandbox['self'] = sandbox;
    sandbox['globalThis'] = sandbox;
    vm.createContext(sandbox);
    try {
      vm.runInContext(readFileSync(BUNDLE, 'utf8'), sandbox, { filename: BUNDLE });
    } catch (e) {
      // The minified line is huge: keep the message only.
      throw new Error(`the worker bundle fails to load without Node or the DOM: ${(e as Error).name}: ${(e as Error).message}`);
    }
    deliver = (data) => {
      for (const l of listeners) l({ data });
      (sandbox['onmessage'] as ((e: { data: unknown }) => void) | undefined)?.({ data });
    };
    for (const name of ['require', 'process', 'Buffer', 'document', 'window']) assert.equal(sandbox[name], undefined, `${name} leaked into the sandbox`);
  });

  const until = async (what: string, found: () => boolean): Promise<void> => {
    for (let i = 0; i < 400 && !found(); i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(found(), `no ${what}; sent: ${JSON.stringify(sent.map((m) => m.method ?? m.id))}`);
  };

  it('answers initialize', async () => {
    deliver({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await until('initialize result', () => sent.some((m) => m.id === 1 && m.result));
    const caps = sent.find((m) => m.id === 1)!.result!.capabilities!;
    assert.ok(caps['hoverProvider'] && caps['completionProvider'] && caps['renameProvider'], JSON.stringify(caps));
    deliver({ jsonrpc: '2.0', method: 'initialized', params: {} });
  });

  it('publishes unsupported-claim for an opened essay, asking the client for its config', async () => {
    const uri = 'vscode-vfs://github/o/r/essay.md';
    deliver({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Essay\n\nClaim: Nobody backed this.\n' } } });
    // Answer every warrant/readFile: nothing there.
    const answered = new Set<number>();
    await until('diagnostics', () => {
      for (const m of sent) {
        if (m.method === 'warrant/readFile' && m.id !== undefined && !answered.has(m.id)) {
          answered.add(m.id);
          deliver({ jsonrpc: '2.0', id: m.id, result: { text: null, kind: 'none' } });
        }
      }
      return sent.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && (m.params.diagnostics ?? []).length > 0);
    });
    const published = sent.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri).at(-1)!;
    assert.deepEqual(Array.from(published.params!.diagnostics!, (d) => d.code), ['unsupported-claim']);
    const asked = sent.filter((m) => m.method === 'warrant/readFile').map((m) => (m.params as { uri: string }).uri);
    assert.ok(asked.includes('vscode-vfs://github/o/r/.warrant.yaml'), asked.join('\n'));
  });
});
