/**
 * What the check-worthiness model sees of a sentence: a sparse vector of named features (cue
 * families from `data/heuristics.yaml`, hand features of form and context) and hashed word 1–2-
 * grams. Pure and deterministic: `npm run train` fits weights over exactly these vectors, and
 * the detector scores them at run time (`model.ts`).
 */
import type { CompiledCues } from './cues.js';
import { familiesHit } from './cues.js';
import type { ProseBlockKind } from './prose.js';

/** Where a sentence stands: what the model may know beyond its words. */
export interface SentenceContext {
  readonly kind: ProseBlockKind;
  /** Index of the sentence in its block, and how many the block has. */
  readonly index: number;
  readonly count: number;
  /** A citation inside the sentence itself. */
  readonly citedInSentence: boolean;
  /** A citation elsewhere in its paragraph group (not in the sentence). */
  readonly citedNearby: boolean;
  /** The previous / next sentence of the block holds a citation of its own. */
  readonly prevCited: boolean;
  readonly nextCited: boolean;
  /** The block ends with a colon (a lead-in to a list, quote or table). */
  readonly leadIn: boolean;
  /** Share of the document's sentences that carry a citation of their own (0–1). */
  readonly citeRate: number;
  /** Where the sentence stands in the document (0 first – 1 last). */
  readonly position: number;
}

export interface SentenceFeatures {
  /** Named features with their values (binary unless noted). */
  readonly named: ReadonlyMap<string, number>;
  /** Hashed n-gram buckets (indices into the model's hashed weights), each with value `hashValue`. */
  readonly hashed: readonly number[];
  readonly hashValue: number;
}

/** Words the hashed n-grams are built from: lower case, numbers folded to one token. */
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const FIRST_SINGULAR = /\b(I|I'm|I've|I'd|me|my|mine|myself)\b/;
const FIRST_PLURAL = /\b([Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|[Uu]s|[Oo]urselves)\b/;
const SECOND = /\b([Yy]ou|[Yy]our|[Yy]ou're)\b/;
const YEAR = /\b(1[5-9]\d\d|20\d\d)s?\b/;
const NUMBER = /(?<![\w.-])\d[\d,.]*(?![\w-])/g;
const PERCENT = /\d\s?(%|percent\b|per cent\b)/i;
const MONEY = /[$€£¥]\s?\d|\b\d[\d,.]*\s?(million|billion|trillion|bn)\b/i;
const QUOTED = /["“][^"”]{3,}["”]/;
const MODAL = /\b(will|would|could|might|may|can|won't|wouldn't|couldn't)\b/i;
const NORMATIVE = /\b(should|must|ought|need to|needs to|have to|has to)\b/i;
const COMPARATIVE = /\b(more|less|fewer|most|least|largest|smallest|biggest|highest|lowest|fastest|best|worst|first|only)\b/i;
const DEMONSTRATIVE_START = /^(This|These|That|Those|It|They|Such|Here)\b/;
const CONNECTIVE_START = /^(But|And|So|Yet|However|Therefore|Thus|Hence|Still|Instead|Indeed|Also|Moreover|Furthermore|In other words|For example|For instance)\b/;
const BARE_FACTUAL = ['cue:statistic', 'cue:researchFinding', 'cue:ownFinding', 'cue:attribution', 'cue:quotation'];
const PARENS = /\([^)]{2,}\)/;

/**
 * The words of a sentence that set a form feature, for messages that say what was seen
 * (undefined for features that name no words).
 *
 * @example formEvidence('form:percent', 'Sales rose 40% in 2021.') // → '40%'
 */
export function formEvidence(feature: string, sentence: string): string | undefined {
  const first = (re: RegExp): string | undefined => new RegExp(re.source, re.flags.replace('g', '')).exec(sentence)?.[0];
  switch (feature) {
    case 'form:number':
    case 'form:numbers':
      return [...sentence.matchAll(NUMBER)].find((m) => !YEAR.test(m[0]))?.[0];
    case 'form:percent':
      return first(/\d[\d,.]*\s?(%|percent\b|per cent\b)/i);
    case 'form:money':
      return first(/[$€£¥]\s?\d[\d,.]*(\s?(million|billion|trillion|bn)\b)?|\b\d[\d,.]*\s?(million|billion|trillion|bn)\b/i);
    case 'form:year':
      return first(YEAR);
    case 'form:name':
    case 'form:names': {
      const words = sentence.split(' ');
      for (let i = 1; i < words.length; i++) {
        const w = words[i]!.replace(/^[^\p{L}]+|[^\p{L}\p{N}]+$/gu, '');
        if (w !== 'I' && w.length >= 2 && /^[A-Z][\p{L}\p{N}'’-]*$/u.test(w) && !/^[A-Z]+$/.test(w)) return w;
      }
      return undefined;
    }
    case 'form:acronym':
      return sentence.split(' ').map((w) => w.replace(/[^\p{L}\p{N}]+$/u, '')).find((w) => /^[A-Z][A-Z0-9]{1,}s?$/.test(w) && w !== 'I');
    case 'form:quoted': {
      const q = first(QUOTED);
      return q && q.length > 40 ? `${q.slice(0, 39)}…` : q;
    }
    case 'form:comparative':
      return first(COMPARATIVE);
    default:
      return undefined;
  }
}

/**
 * Capitalised words not at the sentence start (and not "I"): a rough count of names. The
 * first word is skipped because every sentence starts with a capital.
 */
function capitalisedWords(words: readonly string[]): number {
  let n = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'I' || w.length < 2) continue;
    if (/^[A-Z][\p{L}\p{N}'’-]*$/u.test(w) && !/^[A-Z]+$/.test(w)) n++;
  }
  return n;
}

function acronyms(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (/^[A-Z][A-Z0-9]{1,}s?$/.test(w) && w !== 'I') n++;
  return n;
}

/**
 * The feature vector of one sentence.
 *
 * @example sentenceFeatures(cues, 'Sales rose 40% in 2021.', ctx, 12).named.get('form:percent') // → 1
 */
export function sentenceFeatures(
  cues: CompiledCues,
  sentence: string,
  ctx: SentenceContext,
  hashBits: number,
  extra: readonly (ReadonlyMap<string, number> | undefined)[] = [],
): SentenceFeatures {
  const words = textFeatures(cues, sentence, hashBits);
  // The words' features first, then the context's: the same order as ever, so sums come out the same.
  const named = new Map<string, number>(words.named);
  const set = (name: string, on: boolean): void => {
    if (on) named.set(name, 1);
  };
  set(`block:${ctx.kind}`, true);
  set('block:first', ctx.index === 0 && ctx.count > 1);
  set('block:last', ctx.index === ctx.count - 1 && ctx.count > 1);
  set('block:alone', ctx.count === 1);
  set('block:leadIn', ctx.leadIn);
  set('cite:inSentence', ctx.citedInSentence);
  set('cite:nearby', ctx.citedNearby);
  set('cite:neighbour', ctx.prevCited || ctx.nextCited);
  set('doc:fewCitations', ctx.citeRate < 0.1);
  set('doc:manyCitations', ctx.citeRate > 0.3);
  set('doc:opening', ctx.position < 0.1);
  set('doc:closing', ctx.position > 0.9);
  // Feature sources (language features, …) last.
  for (const map of extra) if (map) for (const [name, value] of map) if (value !== 0) named.set(name, value);
  return { named, hashed: words.hashed, hashValue: words.hashValue };
}

/** What a sentence's words alone decide: cue families, form, hashed n-grams. */
interface WordFeatures {
  readonly named: readonly (readonly [string, number])[];
  readonly hashed: readonly number[];
  readonly hashValue: number;
}

/**
 * Sentences seen lately, per compiled cue set, with their word features. While typing, every
 * sentence but the edited one comes back unchanged on the next keystroke; its regular expressions
 * were half the cost of re-linting a 30 KB essay. Two generations of at most `MEMO_SIZE` entries
 * each: the older is dropped when the newer fills, so memory stays bounded and a sentence in use
 * is kept (it is moved to the newer generation when read).
 */
const MEMO_SIZE = 8192;
interface Memo {
  current: Map<string, WordFeatures>;
  previous: Map<string, WordFeatures>;
}
let memos = new WeakMap<CompiledCues, Memo>();

/** Drop every remembered sentence (see `forgetRememberedSentences` in detect.ts). */
export function forgetWordFeatures(): void {
  memos = new WeakMap();
}

function textFeatures(cues: CompiledCues, sentence: string, hashBits: number): WordFeatures {
  let memo = memos.get(cues);
  if (!memo) memos.set(cues, (memo = { current: new Map(), previous: new Map() }));
  const key = hashBits === 0 ? sentence : `${hashBits}\u0000${sentence}`;
  let found = memo.current.get(key);
  if (found) return found;
  found = memo.previous.get(key) ?? computeTextFeatures(cues, sentence, hashBits);
  if (memo.current.size >= MEMO_SIZE) {
    memo.previous = memo.current;
    memo.current = new Map();
  }
  memo.current.set(key, found);
  return found;
}

function computeTextFeatures(cues: CompiledCues, sentence: string, hashBits: number): WordFeatures {
  const named: [string, number][] = [];
  const set = (name: string, on: boolean): void => {
    if (on) named.push([name, 1]);
  };
  for (const id of familiesHit(cues, sentence)) set(`cue:${id}`, true);

  const words = sentence.split(' ').filter(Boolean);
  const numbers = [...sentence.matchAll(NUMBER)].filter((m) => !YEAR.test(m[0]));
  set('form:number', numbers.length > 0);
  set('form:numbers', numbers.length > 1);
  set('form:percent', PERCENT.test(sentence));
  set('form:money', MONEY.test(sentence));
  set('form:year', YEAR.test(sentence));
  const caps = capitalisedWords(words);
  set('form:name', caps >= 1);
  set('form:names', caps >= 3);
  set('form:acronym', acronyms(words) >= 1);
  set('form:quoted', QUOTED.test(sentence));
  set('form:parens', PARENS.test(sentence));
  set('form:firstSingular', FIRST_SINGULAR.test(sentence));
  set('form:firstPlural', FIRST_PLURAL.test(sentence));
  set('form:second', SECOND.test(sentence));
  set('form:modal', MODAL.test(sentence));
  set('form:normative', NORMATIVE.test(sentence));
  set('form:comparative', COMPARATIVE.test(sentence));
  set('form:anaphora', DEMONSTRATIVE_START.test(sentence));
  set('form:connective', CONNECTIVE_START.test(sentence));
  set('form:question', /\?["”’)]?$/.test(sentence));
  set('form:colonEnd', /:$/.test(sentence));
  // What used to exclude a sentence by rule, kept as evidence: a normative or hypothetical
  // sentence with no factual premise of its own (no statistic, finding, attribution, quotation).
  const has = (id: string): boolean => named.some(([n]) => n === id);
  set('form:bareNormative', (has('cue:normative') || has('cue:hypothetical')) && !BARE_FACTUAL.some(has));
  set('form:short', words.length < 8);
  set('form:long', words.length > 30);

  if (hashBits === 0) return { named, hashed: [], hashValue: 0 };
  const tokens: string[] = [];
  for (const m of sentence.toLowerCase().matchAll(TOKEN)) tokens.push(/^\d/.test(m[0]) ? '0' : m[0].replace(/’/g, "'"));
  const buckets = new Set<number>();
  const mask = (1 << hashBits) - 1;
  for (let i = 0; i < tokens.length; i++) {
    buckets.add(hash(tokens[i]!) & mask);
    if (i + 1 < tokens.length) buckets.add(hash(`${tokens[i]} ${tokens[i + 1]}`) & mask);
  }
  const hashed = [...buckets].sort((a, b) => a - b);
  return { named, hashed, hashValue: hashed.length > 0 ? 1 / Math.sqrt(hashed.length) : 0 };
}

/** FNV-1a, 32 bit: stable across runs and hosts, so shipped weights index the same buckets. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
