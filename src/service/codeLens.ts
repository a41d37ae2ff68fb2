/** A lens above every claim and risk with core's summary: "2 sources · 1 defense · 1 objection · 1 unanswered". */
import type { CodeLens } from 'vscode-languageserver';
import { backing, statusLine } from './graph.js';
import { toLocation, toRange } from './locate.js';
import { SHOW_REFERENCES_COMMAND } from './protocol.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

export function getCodeLenses(doc: AnalyzedDocument, ctx: ServiceContext): CodeLens[] {
  for (const _ of ctx.index.all()); // analyse the workspace so that links from other files count
  const graph = ctx.graph();
  const lenses: CodeLens[] = [];
  doc.model.nodes.forEach((node, index) => {
    const base = doc.baseKindOf(node.kind);
    if ((base !== 'claim' && base !== 'risk') || node.syntax === 'heuristic') return;
    const b = backing(graph, ctx.index, { doc, node, index });
    const range = toRange(doc, node.selectionRange);
    const locations = [
      ...b.sources.map((s) => toLocation(doc, s.range)),
      ...[...b.support, ...b.defenses, ...b.objections.map((o) => o.at)].map((n) => toLocation(n.doc, n.node.selectionRange)),
    ];
    lenses.push({
      range,
      command: {
        title: statusLine(b),
        command: locations.length > 0 ? SHOW_REFERENCES_COMMAND : '',
        arguments: [doc.uri, range.start, locations],
      },
    });
  });
  return lenses;
}
