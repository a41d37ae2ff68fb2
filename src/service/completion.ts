/**
 * Completion of node ids after `](#`, `](file.md#` and `=#` (relation attributes), and of
 * citation keys after `[@` and `@`. Plain heading anchors are left to VS Code's Markdown support:
 * only tagged nodes are offered.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { resolveUri } from '../core/workspace.js';
import { capitalize, formatEntry, truncate } from './format.js';
import { titleOverlap } from './rank.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

const LINK_TARGET = /\]\(\s*<?([^()\s#<>]*)#([\w:.-]*)$/;
const ATTRIBUTE_TARGET = /\b[\w-]+=["']?([^\s"'#=]*)#([\w:.-]*)$/;
const CITATION = /(?:^|[^\w.@/])-?@([\w:.#$%&+?<>~/-]*)$/;

export function getCompletions(doc: AnalyzedDocument, position: Position, ctx: ServiceContext): CompletionList | null {
  const offset = doc.lineIndex.offsetAt(position);
  const lineStart = doc.lineIndex.lineStartOffset(position.line);
  const before = doc.text.slice(lineStart, offset);

  const target = LINK_TARGET.exec(before) ?? (isInAttributes(before) ? ATTRIBUTE_TARGET.exec(before) : null);
  if (target) {
    const [, file, prefix] = target as unknown as [string, string, string];
    const uri = file ? resolveUri(doc.uri, decodeURIComponent(file)) : doc.uri;
    const targetDoc = uri ? ctx.index.get(uri) : undefined;
    if (!targetDoc) return null;
    const range = { start: doc.lineIndex.positionAt(offset - prefix.length), end: position };
    const items: CompletionItem[] = [];
    const seen = new Set<string>();
    let filtered = false;
    for (const node of targetDoc.model.nodes) {
      if (!node.id || seen.has(node.id)) continue;
      // Clients that do not filter (plain LSP clients) get only matches; isIncomplete makes VS Code ask again.
      if (!matchesPrefix(node.id, prefix)) {
        filtered = true;
        continue;
      }
      seen.add(node.id);
      items.push({
        label: node.id,
        kind: CompletionItemKind.Reference,
        detail: `${capitalize(node.kind)}: ${truncate(node.text, 60)}`,
        textEdit: { range, newText: node.id },
        filterText: node.id,
      });
    }
    return { isIncomplete: filtered, items };
  }

  const cite = CITATION.exec(before);
  if (cite) {
    const prefix = cite[1]!;
    const range = { start: doc.lineIndex.positionAt(offset - prefix.length), end: position };
    // rank by the paragraph being written and the claim it sits in (heading claims cover their section)
    const paraStart = Math.max(doc.text.lastIndexOf('\n\n', offset), offset - 600, 0);
    const around = doc.model.nodes.filter((n) => n.range.start <= offset && offset <= n.range.end).map((n) => n.text.slice(0, 200));
    const paragraph = [doc.text.slice(paraStart, offset), ...around].join(' ');
    const all = [...doc.model.bibliography.values()];
    const entries = all.filter((e) => matchesPrefix(e.key, prefix));
    const items = entries
      .map((e) => ({ e, score: titleOverlap(e.title ?? '', paragraph) }))
      .sort((a, b) => b.score - a.score || a.e.key.localeCompare(b.e.key))
      .map(({ e }, i): CompletionItem => ({
        label: e.key,
        kind: CompletionItemKind.Reference,
        detail: truncate([e.authors[0], e.year, e.title].filter(Boolean).join(' · '), 70),
        documentation: { kind: MarkupKind.Markdown, value: formatEntry(e) },
        textEdit: { range, newText: e.key },
        sortText: String(i).padStart(5, '0'),
        filterText: e.key,
      }));
    return { isIncomplete: entries.length < all.length, items };
  }
  return null;
}

/** Inside `<!-- … -->` or `{…}` on this line: relation attributes live only there. */
function isInAttributes(before: string): boolean {
  const comment = before.lastIndexOf('<!--');
  if (comment >= 0 && before.indexOf('-->', comment) < 0) return true;
  const brace = before.lastIndexOf('{');
  return brace >= 0 && before.indexOf('}', brace) < 0;
}

const matchesPrefix = (candidate: string, prefix: string): boolean => candidate.toLowerCase().includes(prefix.toLowerCase());
