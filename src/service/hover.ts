/**
 * The hover card on a node's label, heading or sentence, on a citation key, or on a numbered
 * reference (`[3]`, which shows the reference list's entry 3): kind and id, one
 * status line, its sources, defenses and objections, each linking to where it is written.
 * Kept compact because VS Code stacks hovers from several extensions.
 */
import type { Hover, Position } from 'vscode-languageserver';
import { backing, statusLine, type NodeAt } from './graph.js';
import { capitalize, codeSpan, escapeMd, firstSentence, formatEntry, formatSource, locationLink, mdLink, truncate } from './format.js';
import { contains, nodeAt, sourceAt, toRange } from './locate.js';
import { describeSeen } from '../core/heuristics/reasons.js';
import { countTypes, describeTypes, typeLine } from '../core/sources/kinds.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';
import type { ArgNode } from '../core/model/types.js';
import { attributeValue } from '../core/model/attributes.js';
import { layerNames, linkedDefenses, RISK_ATTRIBUTES } from '../core/model/threat.js';

const MAX_ITEMS = 6;

export function getHover(doc: AnalyzedDocument, position: Position, ctx: ServiceContext): Hover | null {
  const offset = doc.lineIndex.offsetAt(position);

  const source = sourceAt(doc, offset);
  if (source && (source.kind === 'citation' || source.kind === 'dcite') && source.key) {
    const entry = source.entry ?? doc.model.bibliography.get(source.key);
    const value = entry
      ? `**@${escapeMd(source.key)}** ${formatEntry(entry)}${source.locator ? ` — ${escapeMd(source.locator)}` : ''}\n\n*${escapeMd(typeLine(source))}*`
      : `**@${escapeMd(source.key)}** is not in any bibliography`;
    return { contents: { kind: 'markdown', value }, range: toRange(doc, source.range) };
  }

  // `[3, 4]`: every entry the call names, as its reference list writes them.
  const numbered = doc.model.sources.filter((s) => s.kind === 'numbered' && contains(s.range, offset));
  if (numbered.length) {
    const value = numbered.map((s) => `**[${s.key}]** ${escapeMd(truncate(s.text ?? '', 200))}${s.url && !s.text?.includes(s.url) ? ` <${s.url}>` : ''}`).join('\n\n');
    return { contents: { kind: 'markdown', value }, range: toRange(doc, numbered[0]!.range) };
  }

  const hit = nodeAt(doc, offset);
  if (!hit) return detectedHover(doc, offset);
  const at: NodeAt = { doc, node: hit.node, index: hit.index };
  for (const _ of ctx.index.all()); // analyse the workspace so that links from other files count
  const b = backing(ctx.graph(), ctx.index, at);
  const lines: string[] = [];
  const kind = capitalize(hit.node.kind);
  const id = hit.node.id ? ` ${codeSpan(`#${hit.node.id}`)}` : '';
  const detected = hit.node.syntax === 'heuristic' ? ' (detected)' : '';
  lines.push(`**${kind}**${id}${detected} — ${statusLine(b)}`);

  const list = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    const shown = items.slice(0, MAX_ITEMS);
    if (items.length > shown.length) shown.push(`… ${items.length - shown.length} more`);
    lines.push('', `*${title}*`, ...shown.map((s) => `- ${s}`));
  };
  if (b.sources.length > 1) lines.push('', `*Evidence:* ${describeTypes(countTypes(b.sources))}`);
  list('Sources', b.sources.map(formatSource));
  const nodeOf = (uri: string, index: number): NodeAt | undefined => {
    const d = ctx.index.get(uri);
    const n = d?.model.nodes[index];
    return d && n ? { doc: d, node: n, index } : undefined;
  };
  const nodeLine = (n: NodeAt, prefix = ''): string =>
    `${prefix}${mdLink(escapeMd(firstSentence(n.node.text) || capitalize(n.node.kind)), locationLink(n.doc, n.node.selectionRange))}${
      n.doc.uri !== doc.uri ? ` — ${escapeMd(n.doc.uri.slice(n.doc.uri.lastIndexOf('/') + 1))}` : ''
    }`;
  list('Support', b.support.map((n) => nodeLine(n)));
  const graph = ctx.graph();
  const config = graph.model(doc.uri)?.config;
  const base = doc.baseKindOf(hit.node.kind);
  // Declared by a config or preset (the built-in vocabularies, which apply everywhere, do not count).
  const declared = (k: string): boolean => !!config?.attributes[k] && !config.attributes[k]!.builtin;
  const threat = base === 'risk' && (declared('adversary') || RISK_ATTRIBUTES.some((k) => attributeValue(hit.node, k)));
  if (threat) {
    // The threat model: each rating, where it comes from, then the defenses by layer.
    const rows = RISK_ATTRIBUTES.filter((k) => declared(k) || attributeValue(hit.node, k)).map((k) => `${k}: ${reading(hit.node, k)}`);
    list('Threat model', rows);
    const defenses = linkedDefenses(graph, { uri: doc.uri, index: hit.index });
    const layers = [...layerNames(config?.attributes['layer']?.values), 'unrated'];
    const byLayer = layers
      .map((layer) => {
        const here = defenses.filter((d) => (d.layer?.value ?? 'unrated') === layer);
        const links = here.map((d) => {
          const at = nodeOf(d.handle.uri, d.handle.index);
          const link = at ? nodeLine(at) : escapeMd(firstSentence(d.node.text));
          return d.layer?.inferred ? `${link} (inferred from "${escapeMd(d.layer.inferred)}")` : link;
        });
        return `${layer}: ${links.length ? links.join('; ') : '—'}`;
      })
      .filter((line, i) => i < layers.length - 1 || !line.endsWith('—'));
    list('Defenses by layer', byLayer);
  } else list('Defenses', b.defenses.map((n) => nodeLine(n)));
  if (base === 'defense') {
    const layer = attributeValue(hit.node, 'layer');
    if (layer || declared('layer')) lines.push('', `*Layer:* ${reading(hit.node, 'layer')}`);
  }
  const shown = new Set<string>(threat ? RISK_ATTRIBUTES : base === 'defense' ? ['layer'] : []);
  const others = Object.keys({ ...hit.node.attributes, ...hit.node.inferred }).filter((k) => !shown.has(k));
  if (others.length) lines.push('', `*Attributes:* ${others.map((k) => `${escapeMd(k)}: ${reading(hit.node, k)}`).join(' · ')}`);
  list('Objections', b.objections.map((o) => nodeLine(o.at, o.answered ? '' : '⚠ unanswered: ')));
  if (b.sources.length + b.support.length + b.defenses.length + b.objections.length === 0 && hit.node.text) {
    lines.push('', `> ${escapeMd(truncate(hit.node.text, 120))}`);
  }
  const range = toRange(doc, hit.node.selectionRange);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range };
}

/** `**skilled** (inferred from "fine-tune")`, `**model**`, or `not rated`. */
function reading(node: ArgNode, key: string): string {
  const v = attributeValue(node, key);
  if (!v) return 'not rated';
  return `**${escapeMd(v.value)}**${v.inferred !== undefined ? ` (inferred from "${escapeMd(v.inferred)}")` : ''}`;
}

/**
 * Zero-annotation mode: a sentence the heuristic detector flagged is a detected node. Its card
 * says why it looks check-worthy (the reasons behind `uncited-assertion`).
 */
function detectedHover(doc: AnalyzedDocument, offset: number): Hover | null {
  const weak = doc.findings.find((x) => x.ruleId === 'weak-support' && contains(x.range, offset));
  if (weak) {
    // A cited sentence that rests only on the page itself: what it rests on, each with its kind.
    const within = doc.model.sources.filter((s) => s.range.start >= weak.range.start && s.range.end <= weak.range.end);
    const value = [`**Assertion** (detected) — ${escapeMd(weak.message.replace(/^.*? backed only by /, 'backed only by '))}`, ...within.map((s) => `- ${formatSource(s)}`)].join('\n');
    return { contents: { kind: 'markdown', value }, range: toRange(doc, weak.range) };
  }
  const f = doc.findings.find((x) => x.ruleId === 'uncited-assertion' && contains(x.range, offset));
  if (!f) return null;
  const reasons = Array.isArray(f.data?.['reasons']) ? (f.data['reasons'] as string[]) : [];
  const seen = isRecord(f.data?.['seen']) ? (f.data['seen'] as Record<string, string>) : {};
  const confidence = typeof f.data?.['confidence'] === 'number' ? (f.data['confidence'] as number) : undefined;
  const tier = f.data?.['tier'] === 'hint' ? ' — below the line for `info` (`minConfidence`), shown as a hint' : '';
  const value = [
    `**Assertion** (detected) — 0 sources`,
    '',
    `${escapeMd(describeSeen(reasons, seen))}: cite a source, or tag it to make it a claim.`,
    ...(confidence !== undefined ? ['', `Confidence it needs a source: **${confidence.toFixed(2)}**${tier}`] : []),
  ].join('\n');
  return { contents: { kind: 'markdown', value }, range: toRange(doc, f.range) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
