import type { Rule } from '../rule.js';
import type { Source } from '../model/types.js';
import type { DocumentModel } from '../model/analyze.js';
import type { OffsetRange } from '../text/lineIndex.js';
import { baseOf } from '../config/vocabulary.js';
import { describe } from '../model/queries.js';
import { summarizeNode } from '../model/status.js';
import { heuristicSentences } from '../model/sentences.js';
import { describeReasons } from '../heuristics/reasons.js';
import { heuristicOptionsFor, SHIPPED_MODEL } from '../heuristics/index.js';

const MAX_LISTED = 3;

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd|mkdn|mdwn|qmd|mdx)$/i;

/**
 * Sources that do not reach outside the document: its own site, and notes with no link or key.
 * A link to another Markdown document of the workspace is not weak: Warrant lints that document
 * too, so its claims answer for themselves.
 */
export function isWeak(s: Source): boolean {
  if (s.kind === 'file' && MARKDOWN_FILE.test(s.url ?? '')) return false;
  return s.type === 'same-site' || s.type === 'note';
}

/** `footnote [^2] (no link or key)`, `a link to this site (/about)`, `a link to its own site (example.org)`. */
function weakLabel(s: Source): string {
  if (s.type === 'note') return `${s.where ?? 'a note'} (no link or key)`;
  const written = s.kind === 'file' ? decodeSafe((s.url ?? '').slice((s.url ?? '').lastIndexOf('/') + 1)) || (s.text ?? 'a file') : s.url ?? s.text ?? '';
  return s.where && s.where !== 'this site' ? `a link to its own site (${s.where})` : `a link to this site (${cut(written, 40)})`;
}

/** `footnote [^2] (no link or key) and a link to this site (/about)`, at most three named. */
export function restsOn(sources: readonly Source[]): string {
  const labels = [...new Set(sources.map(weakLabel))];
  const shown = labels.slice(0, MAX_LISTED);
  if (labels.length > shown.length) shown.push(`${labels.length - shown.length} more`);
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * A claim, piece of evidence or check-worthy sentence whose only support is the document's own
 * site or notes with no link or key. For `Claim: Half the rivers silted up.[^1]` with
 * `[^1]: As our survey team told me.`, the claim is reported as resting only on `footnote 1 (no
 * link or key)`. Claims backed by other nodes (evidence, defenses, supporting claims) are left to
 * those nodes; sources the reader can check elsewhere (a paper, a news report, any web page)
 * make it strong enough.
 */
export const weakSupport: Rule = {
  meta: {
    id: 'weak-support',
    description: 'A claim, statistic or research finding whose only support is the document’s own site or notes',
    defaultSeverity: 'info',
    tags: ['citations', 'evidence'],
  },
  check(ctx) {
    const { model } = ctx;
    model.nodes.forEach((node, index) => {
      const base = baseOf(model.config.vocabulary, node.kind);
      if ((base !== 'claim' && base !== 'evidence') || node.sources.length === 0 || !node.sources.every(isWeak)) return;
      const summary = summarizeNode(ctx.graph, { uri: model.uri, index });
      if (summary && summary.evidence.length + summary.defenses.length + summary.supportingClaims.length > 0) return;
      ctx.report({
        range: node.selectionRange,
        message: `${describe(node)} is backed only by ${restsOn(node.sources)}: cite an independent source`,
        data: { node: index, types: node.sources.map((s) => s.type) },
      });
    });
    // A detected sentence counts when it would be reported uncited (`uncited-assertion`'s bar, not
    // the lower one a cited sentence needs) and the detector can say why it is check-worthy.
    const bar = heuristicOptionsFor(model.config.heuristics).options.threshold ?? SHIPPED_MODEL.thresholds.uncited;
    for (const s of heuristicSentences(model)) {
      if (!s.needsCitation || !s.cited || s.reasons.length === 0 || (s.score < bar && s.reasons[0] !== 'quotation')) continue;
      if (!s.citedInSentence) continue;
      const backing = ownSources(model, s.range);
      // A note on a detected sentence is most often an aside (a definition, a caveat, the
      // author's method): on the development essays 3 of 11 such findings held up, against 8 of 9
      // for links into the same site. Tagged claims are judged on notes too; sentences are not.
      if (backing.length === 0 || !backing.every(isWeak) || !backing.some((x) => x.type === 'same-site')) continue;
      ctx.report({
        range: s.range,
        message: `${describeReasons(s.reasons)} backed only by ${restsOn(backing)}: cite an independent source`,
        data: { reasons: s.reasons, types: backing.map((x) => x.type) },
      });
    }
  },
};

/**
 * A sentence's own sources: inside it, or right after its full stop (`… fell.[^1]`), as the
 * detector counts them. A sentence cited only by its paragraph is not judged: the paragraph's
 * note may belong to another sentence. An empty list means a link to a tagged node backs it.
 */
function ownSources(model: DocumentModel, range: OffsetRange): readonly Source[] {
  return model.sources.filter((src) => src.range.start >= range.start && (src.range.end <= range.end || /^\s*$/.test(model.text.slice(range.end, src.range.start))));
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function cut(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
