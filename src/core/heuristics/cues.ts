/**
 * Cue families compiled once per options object, then matched against each sentence.
 *
 * Terms of every family go into one word index (first word → phrases starting with it), so a
 * sentence is tokenised once and each token costs one map lookup whatever the lexicon size:
 * a regex alternation of hundreds of phrases per family was most of the pass's time. Patterns
 * stay regular expressions, tested once per sentence.
 */
import type { CueFamilyOptions, HeuristicOptions } from './options.js';

export interface CompiledFamily {
  readonly id: string;
  /** A weight set in configuration (replaces the learned one); undefined: the model's. */
  readonly weight: number | undefined;
  readonly reason?: string;
  /** Patterns, plus wildcard terms (`estimat*`), as regular expressions. */
  readonly regexes: readonly RegExp[];
}

interface Phrase {
  readonly family: number;
  /** Tokens after the first one. */
  readonly rest: readonly string[];
}

export interface CompiledCues {
  readonly families: readonly CompiledFamily[];
  /** Family id → family. */
  readonly byId: ReadonlyMap<string, CompiledFamily>;
  /** Lower-cased first token → phrases (case-insensitive families). */
  readonly folded: ReadonlyMap<string, readonly Phrase[]>;
  /** Exact first token → phrases (case-sensitive families). */
  readonly exact: ReadonlyMap<string, readonly Phrase[]>;
  readonly skipSection: (heading: string) => boolean;
}

const cache = new WeakMap<HeuristicOptions, CompiledCues>();

/** Compile (and cache) the matchers for an options object. */
export function compileCues(options: HeuristicOptions): CompiledCues {
  let compiled = cache.get(options);
  if (!compiled) {
    const families: CompiledFamily[] = [];
    const folded = new Map<string, Phrase[]>();
    const exact = new Map<string, Phrase[]>();
    for (const [id, family] of Object.entries(options.cues)) {
      if (family.weight === 0) continue;
      const index = families.length;
      const regexes = compilePatterns(family);
      let phrases = 0;
      for (const term of family.terms) {
        const t = term.trim().replace(/’/g, "'");
        if (!t || t.endsWith('*')) continue;
        const tokens = tokenize(family.caseSensitive ? t : t.toLowerCase());
        if (tokens.length === 0) continue;
        const map = family.caseSensitive ? exact : folded;
        const list = map.get(tokens[0]!) ?? [];
        list.push({ family: index, rest: tokens.slice(1) });
        map.set(tokens[0]!, list);
        phrases++;
      }
      if (regexes.length === 0 && phrases === 0) continue;
      families.push({ id, weight: family.weight, reason: family.weight === undefined || family.weight > 0 ? family.reason : undefined, regexes });
    }
    const sections = options.skipSections.map((s) => s.trim()).filter(Boolean);
    const sectionRe = sections.length > 0 ? new RegExp(`^(?:${sections.join('|')})$`, 'i') : undefined;
    compiled = { families, byId: new Map(families.map((f) => [f.id, f])), folded, exact, skipSection: (heading) => sectionRe !== undefined && sectionRe.test(normaliseHeading(heading)) };
    cache.set(options, compiled);
  }
  return compiled;
}

/** "2. Further Reading:" → "further reading" */
function normaliseHeading(heading: string): string {
  return heading
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:[0-9]+|[A-Z]|[ivxlc]+)[.)]\s+/i, '')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function compilePatterns(family: CueFamilyOptions): RegExp[] {
  const flags = family.caseSensitive ? '' : 'i';
  const regexes: RegExp[] = [];
  const wild = family.terms
    .map((t) => t.trim())
    .filter((t) => t.endsWith('*') && t.length > 1)
    .map((t) => t.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  if (wild.length > 0) regexes.push(new RegExp(`\\b(?:${wild.join('|')})\\w*`, flags));
  for (const p of family.patterns) {
    try {
      regexes.push(new RegExp(p, flags));
    } catch {
      // Validated in mergeHeuristicOptions; a bad default is caught by the defaults test.
    }
  }
  return regexes;
}

/**
 * Words: letters and digits, with inner apostrophes and hyphens ("shouldn't", "peer-reviewed"),
 * so a term never matches inside a hyphenated word ("reported" is not in "self-reported").
 */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(m[0].replace(/’/g, "'"));
  return out;
}

/**
 * Ids of the cue families whose terms or patterns occur in a sentence, in family order.
 *
 * @example familiesHit(compileCues(defaultHeuristicOptions()), 'Sales rose 40% in 2021.') // → ['statistic', 'datedEvent', …]
 */
export function familiesHit(cues: CompiledCues, text: string): string[] {
  const hit = new Uint8Array(cues.families.length);
  if (cues.exact.size > 0) markTerms(tokenize(text), cues.exact, hit);
  if (cues.folded.size > 0) markTerms(tokenize(text.toLowerCase()), cues.folded, hit);
  const out: string[] = [];
  cues.families.forEach((family, i) => {
    if (hit[i] || family.regexes.some((re) => re.test(text))) out.push(family.id);
  });
  return out;
}

function markTerms(tokens: readonly string[], index: ReadonlyMap<string, readonly Phrase[]>, hit: Uint8Array): void {
  if (index.size === 0) return;
  for (let i = 0; i < tokens.length; i++) {
    const phrases = index.get(tokens[i]!);
    if (!phrases) continue;
    for (const p of phrases) {
      if (hit[p.family]) continue;
      let k = 0;
      while (k < p.rest.length && tokens[i + 1 + k] === p.rest[k]) k++;
      if (k === p.rest.length) hit[p.family] = 1;
    }
  }
}

/**
 * The words of `text` that made family `id` fire (a term or a pattern's match), as written; undefined
 * when it does not fire. Used for messages, so they say what was seen.
 *
 * @example cueEvidence(compileCues(defaultHeuristicOptions()), 'researchFinding', 'Studies show it works.') // → 'Studies show'
 */
export function cueEvidence(cues: CompiledCues, id: string, text: string): string | undefined {
  const family = cues.byId.get(id);
  if (!family) return undefined;
  const index = cues.families.indexOf(family);
  // The reasons of one sentence ask for several families in a row: its words are read once.
  const words = wordsOf(text);
  for (const [map, fold] of [
    [cues.exact, false],
    [cues.folded, true],
  ] as const) {
    if (map.size === 0) continue;
    const values = fold ? words.folded : words.values;
    for (let i = 0; i < values.length; i++) {
      const phrases = map.get(values[i]!);
      if (!phrases) continue;
      for (const p of phrases) {
        if (p.family !== index) continue;
        let k = 0;
        while (k < p.rest.length && values[i + 1 + k] === p.rest[k]) k++;
        if (k === p.rest.length) return text.slice(words.starts[i]!, words.ends[i + p.rest.length]!);
      }
    }
  }
  // Family regexes carry no `g` flag (compilePatterns): `exec` keeps no state between calls.
  for (const re of family.regexes) {
    const m = re.exec(text);
    if (m && m[0].trim()) return m[0].trim();
  }
  return undefined;
}

interface Words {
  readonly text: string;
  /** Each word as written (’ as '), lower-cased, and where it starts and ends in the text. */
  readonly values: readonly string[];
  readonly folded: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}
let lastWords: Words | undefined;

function wordsOf(text: string): Words {
  if (lastWords?.text === text) return lastWords;
  const values: string[] = [];
  const folded: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    const value = m[0].replace(/’/g, "'");
    values.push(value);
    folded.push(value.toLowerCase());
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  lastWords = { text, values, folded, starts, ends };
  return lastWords;
}
