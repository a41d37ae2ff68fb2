/** Workspace symbols: every tagged node, as `Claim: first sentence` with its id. */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { capitalize, firstSentence } from './format.js';
import { toLocation } from './locate.js';
import type { ServiceContext } from './types.js';

const KIND: Readonly<Record<string, SymbolKind>> = {
  claim: SymbolKind.Class,
  risk: SymbolKind.Event,
  evidence: SymbolKind.Constant,
  defense: SymbolKind.Interface,
  objection: SymbolKind.Operator,
};

/** Characters of the query in order, case-insensitively (what VS Code's own filter does). */
function matches(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (ch === q[i]) i++;
  return i >= q.length;
}

export function getWorkspaceSymbols(query: string, ctx: ServiceContext, limit = 500): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const doc of ctx.index.all()) {
    for (const node of doc.model.nodes) {
      if (node.syntax === 'heuristic') continue;
      const sentence = firstSentence(node.text, 80);
      // paragraph nodes keep their label in the text (`Defense: …`); headings do not
      const name = /^[\p{L}-]+(\s+\S{1,12})?:\s/u.test(sentence) ? sentence : `${capitalize(node.kind)}: ${sentence}`;
      if (!matches(query, name) && !(node.id && matches(query, node.id))) continue;
      out.push({
        name,
        kind: KIND[doc.baseKindOf(node.kind)] ?? SymbolKind.Object,
        location: toLocation(doc, node.selectionRange),
        ...(node.id ? { containerName: `#${node.id}` } : {}),
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
