/**
 * Headless TextMate tokenizer for the grammar tests: VS Code's Markdown grammar (from the
 * `tm-grammars` package) with our injection grammar injected into `text.html.markdown`, run by
 * vscode-textmate + vscode-oniguruma exactly as VS Code does.
 *
 * Quarto's grammar (`text.html.quarto`, from the Quarto extension) is not on npm; it is derived
 * from VS Code's Markdown grammar and names its scopes the same way with a `.quarto` suffix
 * (`markup.fenced_code.block.quarto`, `markup.inline.raw.string.quarto`). The `quarto` host is
 * that stand-in: the Markdown grammar renamed, so the injection selector's Quarto half is tested.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
export const INJECTION_PATH = `${root}syntaxes/warrant.markdown.tmLanguage.json`;
export const HOST_SCOPES = { markdown: 'text.html.markdown', quarto: 'text.html.quarto' } as const;
export type Host = keyof typeof HOST_SCOPES;

export interface ScopedToken {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let registryPromise: Promise<vsctm.Registry> | undefined;

function registry(): Promise<vsctm.Registry> {
  registryPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const source = readFileSync(require.resolve('tm-grammars/grammars/markdown.json'), 'utf8');
    const markdown = JSON.parse(source);
    const quarto = { ...(asQuarto(JSON.parse(source)) as object), scopeName: HOST_SCOPES.quarto };
    const injection = JSON.parse(readFileSync(INJECTION_PATH, 'utf8'));
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === HOST_SCOPES.markdown) return markdown;
        if (scopeName === HOST_SCOPES.quarto) return quarto;
        if (scopeName === injection.scopeName) return injection;
        return null; // embedded languages (html, js, …) are not needed for our scopes
      },
      // what package.json's `injectTo` does in VS Code
      getInjections: (scopeName: string) => (Object.values(HOST_SCOPES).includes(scopeName as never) ? [injection.scopeName] : undefined),
    });
  })();
  return registryPromise;
}

/** Rename `….markdown` scopes to `….quarto`, as Quarto's grammar names them. */
function asQuarto(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asQuarto);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, (k === 'name' || k === 'contentName') && typeof v === 'string' ? v.replace(/\.markdown\b/g, '.quarto') : asQuarto(v)]),
  );
}

/** Tokenize Markdown (or Quarto) text; every token with its full scope stack. */
export async function tokenize(text: string, host: Host = 'markdown'): Promise<ScopedToken[]> {
  const grammar = await (await registry()).loadGrammar(HOST_SCOPES[host]);
  if (!grammar) throw new Error(`${host} grammar did not load`);
  const out: ScopedToken[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) {
      out.push({ line: line + 1, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return out;
}

/**
 * The snapshot format: one line per token that carries a Warrant scope,
 * `L3  "Claim 1:"  keyword.other.label.warrant keyword.other.label.claim.warrant`.
 * Lines without Warrant tokens are absent, so a code block in a fixture shows up as nothing.
 */
export function snapshot(tokens: readonly ScopedToken[]): string {
  const rows: string[] = [];
  for (const t of tokens) {
    const ours = t.scopes.filter((s) => s.endsWith('.warrant') || s.includes('.warrant.'));
    if (ours.length === 0) continue;
    rows.push(`L${t.line}  ${JSON.stringify(t.text)}  ${ours.join(' ')}`);
  }
  return rows.join('\n') + '\n';
}
