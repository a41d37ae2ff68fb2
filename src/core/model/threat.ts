/**
 * The threat model of a risk, read from its attributes and its defenses (DESIGN §7): who the
 * adversary is, and at which layer each defense sits. Shared by the rules, `warrant matrix`
 * and the hovers, so that all three say the same thing. Attribute names are the
 * `warrant:ai-risk` preset's (`adversary`, `harm`, `severity`, `domain` on risks; `layer` on
 * defenses); they work without the preset too when written explicitly.
 */
import { baseOf } from '../config/vocabulary.js';
import { attributeValue } from './attributes.js';
import type { ArgumentGraph, NodeHandle } from './graph.js';
import type { ArgNode } from './types.js';

export const RISK_ATTRIBUTES = ['adversary', 'harm', 'severity', 'domain'] as const;
export const DEFAULT_LAYERS = ['model', 'product', 'ecosystem'] as const;
export const DEFAULT_ADVERSARIES = ['none', 'casual', 'skilled', 'well-resourced'] as const;
/** Adversaries model alignment does not hold against (the seed essay's thesis). */
export const STRONG_ADVERSARIES: ReadonlySet<string> = new Set(['skilled', 'well-resourced']);

export interface AttributeReading {
  readonly value: string;
  /** The cue it was inferred from (`fine-tune`, `adversary=none`); absent when written explicitly. */
  readonly inferred?: string;
}

export interface LinkedDefense {
  readonly handle: NodeHandle;
  readonly node: ArgNode;
  /** `undefined`: the defense has no layer, written or inferred (it is "unrated"). */
  readonly layer?: AttributeReading;
}

/** The defenses linked to a risk (defense-kind nodes with a `defends` edge to it), once each, in graph order. */
export function linkedDefenses(graph: ArgumentGraph, risk: NodeHandle): LinkedDefense[] {
  const seen = new Set<string>();
  const out: LinkedDefense[] = [];
  for (const e of graph.incoming(risk)) {
    if (e.type !== 'defends') continue;
    const node = graph.node(e.from);
    const model = graph.model(e.from.uri);
    if (!node || !model || baseOf(model.config.vocabulary, node.kind) !== 'defense') continue;
    const key = `${e.from.uri}\u0000${e.from.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const layer = attributeValue(node, 'layer');
    out.push({ handle: e.from, node, ...(layer ? { layer } : {}) });
  }
  return out;
}

/** The layer names in force: the declared `layer` values, else model, product, ecosystem. */
export function layerNames(declared: readonly string[] | undefined): readonly string[] {
  return declared && declared.length ? declared : DEFAULT_LAYERS;
}
