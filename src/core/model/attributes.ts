/**
 * Declared attributes (`.warrant.yaml` `attributes:`, or a preset such as `warrant:ai-risk`):
 * checking the values nodes write, and inferring the ones they do not from cue phrases in their
 * text. Undeclared keys are kept on the node and never checked.
 */
import type { AttributeDecl } from '../config/config.js';
import { closest } from '../config/config.js';
import { baseOf, type Vocabulary } from '../config/vocabulary.js';
import type { OffsetRange } from '../text/lineIndex.js';
import type { AttributeRange, InferredAttribute } from './types.js';

/** Whether `decl` belongs on a node of `kind` (its name or its base kind is in `on`). */
export function declaredOn(decl: AttributeDecl, kind: string, vocab: Vocabulary): boolean {
  return decl.on.length === 0 || decl.on.includes(kind) || decl.on.includes(baseOf(vocab, kind));
}

export interface AttributeProblem {
  readonly message: string;
  readonly range: OffsetRange;
}

/**
 * Problems with the declared attributes a node writes: `adversary=skiled` (at `skiled`, with
 * "did you mean `skilled`?"), or `layer=model` on a risk when `layer` is declared for defenses.
 */
export function checkAttributes(
  node: { readonly kind: string; readonly attributes: Readonly<Record<string, string>>; readonly attributeRanges: Readonly<Record<string, AttributeRange>>; readonly tagRange: OffsetRange },
  decls: Readonly<Record<string, AttributeDecl>>,
  vocab: Vocabulary,
): AttributeProblem[] {
  const problems: AttributeProblem[] = [];
  for (const [key, value] of Object.entries(node.attributes)) {
    const decl = decls[key];
    if (!decl) continue;
    const where = node.attributeRanges[key];
    if (!declaredOn(decl, node.kind, vocab)) {
      problems.push({
        message: `Attribute \`${key}\` is declared for ${decl.on.join(', ')}, not for ${node.kind}: move it to a ${decl.on[0]} or add ${node.kind} to its \`on\` list`,
        range: where?.key ?? node.tagRange,
      });
      continue;
    }
    if (decl.values.length && !decl.values.includes(value)) {
      const near = closest(value, decl.values);
      problems.push({
        message: `\`${value}\` is not a value of \`${key}\`: ${near ? `did you mean \`${near}\`?` : `use one of ${decl.values.join(', ')}`}`,
        range: where?.value ?? node.tagRange,
      });
    }
  }
  return problems;
}

interface CompiledCue {
  readonly value: string;
  readonly regex: RegExp;
}

const MAX_INFERENCE_TEXT = 2000;

const compiled = new WeakMap<AttributeDecl, readonly CompiledCue[]>();

/** `fine tun*` → /\bfine[\s-]+tun[\w-]*\b/i: words case-insensitive, a space matches a hyphen too. */
function cueRegex(phrase: string): RegExp {
  const words = phrase.trim().split(/[\s-]+/).filter(Boolean).map((w) => {
    const star = w.endsWith('*');
    const body = (star ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return star ? `${body}[\\w’']*` : body;
  });
  return new RegExp(`(?<![\\w-])${words.join('[\\s-]+')}(?![\\w])`, 'gi');
}

function cuesOf(decl: AttributeDecl): readonly CompiledCue[] {
  let cues = compiled.get(decl);
  if (!cues) {
    // A cue needs a letter or digit: `*` alone would match everywhere.
    cues = Object.entries(decl.cues).flatMap(([value, phrases]) => phrases.filter((p) => /[\p{L}\p{N}]/u.test(p)).map((p) => ({ value, regex: cueRegex(p) })));
    compiled.set(decl, cues);
  }
  return cues;
}

/** The value the cues point to in `text`, with the first cue as written: most distinct cues wins, then the earliest. */
function fromCues(decl: AttributeDecl, fullText: string): InferredAttribute | undefined {
  // A node's opening is where it says what it is; a long div or list is not read to the end.
  const text = fullText.slice(0, MAX_INFERENCE_TEXT);
  const hits = new Map<string, { count: number; first: number; cue: string }>();
  for (const cue of cuesOf(decl)) {
    cue.regex.lastIndex = 0;
    const m = cue.regex.exec(text);
    if (!m) continue;
    const h = hits.get(cue.value);
    if (!h) hits.set(cue.value, { count: 1, first: m.index, cue: m[0] });
    else {
      h.count++;
      if (m.index < h.first) Object.assign(h, { first: m.index, cue: m[0] });
    }
  }
  let best: [string, { count: number; first: number; cue: string }] | undefined;
  for (const entry of hits) {
    if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].first < best[1].first)) best = entry;
  }
  return best ? { value: best[0], cue: best[1].cue.replace(/\s+/g, ' ') } : undefined;
}

/** A value implied by another attribute's value (`harm` from `adversary=none`). */
function fromOther(decl: AttributeDecl, values: (key: string) => string | undefined): InferredAttribute | undefined {
  for (const [other, map] of Object.entries(decl.from)) {
    const v = values(other);
    if (v !== undefined && map[v] !== undefined) return { value: map[v]!, cue: `${other}=${v}` };
  }
  return undefined;
}

/**
 * Infer the declared attributes a node does not write. Order: a value implied by an explicit
 * attribute, then cues in the text, then a value implied by an inferred attribute.
 */
export function inferAttributes(
  node: { readonly kind: string; readonly text: string; readonly attributes: Readonly<Record<string, string>> },
  decls: Readonly<Record<string, AttributeDecl>>,
  vocab: Vocabulary,
): Record<string, InferredAttribute> {
  const inferred: Record<string, InferredAttribute> = {};
  const pending: [string, AttributeDecl][] = [];
  for (const [key, decl] of Object.entries(decls)) {
    if (key in node.attributes || !declaredOn(decl, node.kind, vocab)) continue;
    if (Object.keys(decl.cues).length === 0 && Object.keys(decl.from).length === 0) continue;
    pending.push([key, decl]);
  }
  for (const [key, decl] of pending) {
    const value = fromOther(decl, (k) => node.attributes[k]) ?? fromCues(decl, node.text);
    if (value) inferred[key] = value;
  }
  for (const [key, decl] of pending) {
    if (inferred[key]) continue;
    const value = fromOther(decl, (k) => inferred[k]?.value);
    if (value) inferred[key] = value;
  }
  return inferred;
}

/** The value of `key` on a node, explicit or inferred, and how it was found. */
export function attributeValue(
  node: { readonly attributes: Readonly<Record<string, string>>; readonly inferred: Readonly<Record<string, InferredAttribute>> },
  key: string,
): { readonly value: string; readonly inferred?: string } | undefined {
  const explicit = node.attributes[key];
  if (explicit !== undefined) return { value: explicit };
  const inferred = node.inferred[key];
  return inferred ? { value: inferred.value, inferred: inferred.cue } : undefined;
}

/**
 * A node's attributes as exports show them: every value, written or inferred, in `attributes`,
 * and the cue of each inferred one in `inferred` (`{ layer: 'model' }`, `{ layer: 'RLHF' }`).
 */
export function exportedAttributes(node: { readonly attributes: Readonly<Record<string, string>>; readonly inferred: Readonly<Record<string, InferredAttribute>> }): {
  attributes: Record<string, string>;
  inferred: Record<string, string>;
} {
  const attributes: Record<string, string> = { ...node.attributes };
  const inferred: Record<string, string> = {};
  for (const [key, v] of Object.entries(node.inferred)) {
    if (key in attributes) continue;
    attributes[key] = v.value;
    inferred[key] = v.cue;
  }
  return { attributes, inferred };
}
