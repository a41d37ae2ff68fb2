/**
 * Headless TextMate tokenizer for the grammar tests: VS Code's Markdown grammar (from the
 * `tm-grammars` package) with our injection grammar injected into `text.html.markdown`, run by
 * vscode-textmate + vscode-oniguruma exactly as VS Code does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
export const INJECTION_PATH = `${root}syntaxes/warrant.markdown.tmLanguage.json`;

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
    const markdown = JSON.parse(readFileSync(require.resolve('tm-grammars/grammars/markdown.json'), 'utf8'));
    const injection = JSON.parse(readFileSync(INJECTION_PATH, 'utf8'));
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === 'text.html.markdown') return markdown;
        if (scopeName === injection.scopeName) return injection;
        return null; // embedded languages (html, js, …) are not needed for our scopes
      },
      getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : undefined),
    });
  })();
  return registryPromise;
}

/** Tokenize Markdown text; every token with its full scope stack. */
export async function tokenize(text: string): Promise<ScopedToken[]> {
  const grammar = await (await registry()).loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('markdown grammar did not load');
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
