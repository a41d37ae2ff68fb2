/**
 * The explicit, ordered rule registry. Adding a rule: a file here, an entry below, a docs page in
 * `docs/rules/<id>.md`, fixtures in `test/fixtures/rules/<id>/` (ARCHITECTURE.md has the checklist).
 */
import type { Rule, RuleMeta } from '../rule.js';
import { unsupportedClaim } from './unsupported-claim.js';
import { unmitigatedRisk } from './unmitigated-risk.js';
import { unansweredObjection } from './unanswered-objection.js';
import { unsourcedEvidence } from './unsourced-evidence.js';
import { orphanNode } from './orphan-node.js';
import { danglingReference } from './dangling-reference.js';
import { duplicateId } from './duplicate-id.js';
import { unknownCitationKey } from './unknown-citation-key.js';
import { missingFootnote } from './missing-footnote.js';
import { circularSupport } from './circular-support.js';
import { uncitedAssertion } from './uncited-assertion.js';
import { alignmentOnlyDefense } from './alignment-only-defense.js';
import { unratedRisk } from './unrated-risk.js';
import { weakSupport } from './weak-support.js';

export const RULES: readonly Rule[] = [
  unsupportedClaim,
  unmitigatedRisk,
  unansweredObjection,
  unsourcedEvidence,
  orphanNode,
  danglingReference,
  duplicateId,
  unknownCitationKey,
  missingFootnote,
  circularSupport,
  uncitedAssertion,
  alignmentOnlyDefense,
  unratedRisk,
  weakSupport,
];

/**
 * Findings that come from the engine itself rather than a rule: bad configuration, bad front
 * matter, malformed tags, unreadable files, and a rule that threw. They have docs pages too.
 */
export const SYSTEM_RULES: readonly RuleMeta[] = [
  { id: 'invalid-config', description: 'A `.warrant.yaml` or front-matter `warrant:` key that cannot be used', defaultSeverity: 'error', tags: ['system'] },
  { id: 'invalid-front-matter', description: 'Front matter that is not valid YAML', defaultSeverity: 'error', tags: ['system'] },
  { id: 'invalid-bibliography', description: 'A bibliography that cannot be found or read', defaultSeverity: 'error', tags: ['system', 'citations'] },
  { id: 'invalid-tag', description: 'A comment tag or Pandoc attribute that Warrant cannot use', defaultSeverity: 'warning', tags: ['system'] },
  { id: 'file-skipped', description: 'A file that is binary or too large to lint', defaultSeverity: 'warning', tags: ['system'] },
  { id: 'internal-error', description: 'A rule failed on this document; the other rules still ran', defaultSeverity: 'error', tags: ['system'] },
];

/** Every id a config, a directive or `--rule` may name. */
export const RULE_IDS: ReadonlySet<string> = new Set([...RULES.map((r) => r.meta.id), ...SYSTEM_RULES.map((m) => m.id)]);

export function allRuleMeta(): readonly RuleMeta[] {
  return [...RULES.map((r) => r.meta), ...SYSTEM_RULES];
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return allRuleMeta().find((m) => m.id === id);
}
