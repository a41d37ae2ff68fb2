/**
 * What a node has going for and against it: the counts a hover card, a code lens and
 * `warrant claims` show, computed from the graph in one place.
 */
import { baseOf } from '../config/vocabulary.js';
import type { ArgumentGraph, Edge, NodeHandle } from './graph.js';

export interface NodeSummary {
  readonly sources: number;
  readonly evidence: readonly Edge[];
  readonly defenses: readonly Edge[];
  readonly supportingClaims: readonly Edge[];
  readonly objections: readonly Edge[];
  readonly unansweredObjections: number;
  /** What the node defends, supports or attacks. */
  readonly targets: readonly Edge[];
  /** `supported`, `unsupported`, `mitigated`, `unmitigated`, `answered`, `unanswered`, `sourced`, `unsourced`, `linked`, `orphan`. */
  readonly status: string;
}

export function summarizeNode(graph: ArgumentGraph, handle: NodeHandle): NodeSummary | undefined {
  const node = graph.node(handle);
  const model = graph.model(handle.uri);
  if (!node || !model) return undefined;
  const vocab = model.config.vocabulary;
  const kindOf = (h: NodeHandle): string | undefined => {
    const n = graph.node(h);
    const m = graph.model(h.uri);
    return n && m ? baseOf(m.config.vocabulary, n.kind) : undefined;
  };
  const incoming = graph.incoming(handle);
  const evidence = incoming.filter((e) => e.type === 'supports' && kindOf(e.from) === 'evidence');
  const supportingClaims = incoming.filter((e) => e.type === 'supports' && kindOf(e.from) !== 'evidence');
  const defenses = incoming.filter((e) => e.type === 'defends' && kindOf(e.from) === 'defense');
  const objections = incoming.filter((e) => e.type === 'attacks');
  const unansweredObjections = objections.filter((o) => !graph.incoming(o.from).some((d) => d.type === 'defends')).length;
  const targets = graph.outgoing(handle);
  const base = baseOf(vocab, node.kind);
  const sources = node.sources.length;
  const status = statusOf(base, { grounded: graph.isGrounded(handle), evidence: evidence.length, defenses: defenses.length, targets: targets.length, sources });
  return { sources, evidence, defenses, supportingClaims, objections, unansweredObjections, targets, status };
}

function statusOf(base: string, c: { grounded: boolean; sources: number; evidence: number; defenses: number; targets: number }): string {
  switch (base) {
    case 'claim':
      return c.grounded ? 'supported' : 'unsupported';
    case 'risk':
      return c.defenses > 0 ? 'mitigated' : 'unmitigated';
    case 'objection':
      return c.defenses > 0 ? 'answered' : 'unanswered';
    case 'evidence':
      return c.sources > 0 ? 'sourced' : 'unsourced';
    default:
      return c.targets > 0 ? 'linked' : 'orphan';
  }
}

/** "2 sources · 1 defense · 1 unanswered objection" */
export function describeSummary(s: NodeSummary): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [plural(s.sources, 'source')];
  if (s.evidence.length) parts.push(plural(s.evidence.length, 'evidence link').replace('evidence links', 'pieces of evidence').replace('evidence link', 'piece of evidence'));
  if (s.defenses.length) parts.push(plural(s.defenses.length, 'defense'));
  if (s.supportingClaims.length) parts.push(plural(s.supportingClaims.length, 'supporting claim'));
  if (s.objections.length) parts.push(plural(s.objections.length, 'objection'));
  if (s.unansweredObjections) parts.push(`${s.unansweredObjections} unanswered`);
  return parts.join(' · ');
}
