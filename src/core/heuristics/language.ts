/**
 * Language features from a real NLP library: wink-nlp with its English lite web model
 * (`wink-eng-lite-web-model`, the model inside the npm package; nothing is downloaded). Per
 * sentence: part-of-speech shares, entity types, negation, sentiment, the word class the sentence
 * starts with, modal hedges, first person and "if" — named `nlp:…` features the model weighs.
 *
 * Costs are paid where they cost least:
 * - the library and its model are loaded lazily, on the first document scored, once per process
 *   (never on a server's `initialize` path);
 * - one library call per document: the sentences not seen before are joined and read at once;
 * - a per-sentence memo: a sentence read before is not read again (typing re-reads one sentence).
 *
 * Pure: the core imports no file system. The modules come from `provideLanguageModules` (a host
 * may hand in its own), else from a `createRequire` at first use: the Node bundles find
 * `nlp.cjs` beside themselves (esbuild.mjs builds it), sources under tsx find the packages, and
 * the web worker's `node:module` shim hands out the bundled ones (src/web/nodeModuleShim.ts).
 */
import { createRequire } from 'node:module';
import type { FeatureSource } from './sources.js';

/** What a host hands in: wink-nlp's factory and the model object. */
export interface LanguageModules {
  readonly winkNLP: (model: unknown, pipe?: string[]) => WinkNlp;
  readonly model: unknown;
}

/** The few parts of wink-nlp's API used here. */
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  readonly its: Record<string, unknown>;
}
interface WinkCollection {
  out(its?: unknown): unknown[];
  each(f: (item: WinkItem, index: number) => void): void;
}
interface WinkItem {
  out(its?: unknown): unknown;
}
interface WinkDoc {
  tokens(): WinkCollection;
  sentences(): WinkCollection;
  entities(): WinkCollection;
}

let loader: (() => LanguageModules) | undefined;
let nlp: WinkNlp | undefined;
let loadError: string | undefined;
/** Set by `deferLanguageModel`: load off the caller's path, then call back. */
let deferred: { readonly ready: () => void; scheduled: boolean } | undefined;
let generation = 0;

/**
 * An editor host: never load the model on the path of a request. Until it is loaded, documents
 * are scored on the light path (`languageFeatures` answers undefined, the detector uses the
 * model's light weights); the first such document schedules the load on the next turn of the
 * event loop, and `ready` is called once it is done (or failed), so the host lints again.
 */
export function deferLanguageModel(ready: (() => void) | undefined): void {
  deferred = ready ? { ready, scheduled: false } : undefined;
}

/** Changes when the language model becomes available: part of a cache key for scored sentences. */
export function languageGeneration(): number {
  return generation;
}

/**
 * Hand the core the NLP modules (a host that bundles them its own way). Resets the loaded model.
 */
export function provideLanguageModules(load: (() => LanguageModules) | undefined): void {
  loader = load;
  nlp = undefined;
  loadError = undefined;
  generation++;
  forgetLanguageFeatures();
}

function defaultModules(): LanguageModules {
  const load = createRequire(import.meta.url);
  try {
    // The Node bundles: dist/nlp.cjs beside dist/cli.cjs, dist/server.cjs, … (esbuild.mjs).
    return load('./nlp.cjs') as LanguageModules;
  } catch {
    // Sources under tsx, and the web worker (its shim hands out the bundled packages).
    return { winkNLP: load('wink-nlp') as LanguageModules['winkNLP'], model: load('wink-eng-lite-web-model') };
  }
}

/** Load the library and its model once per process; undefined when it cannot load. */
function languageModel(): WinkNlp | undefined {
  if (nlp || loadError) return nlp;
  try {
    const m = (loader ?? defaultModules)();
    nlp = m.winkNLP(m.model, ['sbd', 'pos', 'ner', 'negation', 'sentiment']);
  } catch (error) {
    loadError = error instanceof Error ? error.message : String(error);
  }
  generation++;
  return nlp;
}

/** Whether the features can be read now; under `deferLanguageModel`, schedules the load. */
function availableNow(): boolean {
  if (nlp || loadError || !deferred) return true;
  if (!deferred.scheduled) {
    deferred.scheduled = true;
    const d = deferred;
    setTimeout(() => {
      languageModel();
      d.ready();
    }, 0);
  }
  return false;
}

/** Load the language model now (a host or test that wants full findings from the first lint). */
export function loadLanguageModel(): boolean {
  return languageModel() !== undefined;
}

/** Why the language model could not load, once it was tried (the detector then runs its light weights). */
export function languageLoadError(): string | undefined {
  return loadError;
}

/** Whether the model has been loaded in this process (nothing loads it but scoring a document). */
export function languageModelLoaded(): boolean {
  return nlp !== undefined;
}

/** Word classes whose share of a sentence's words is a feature. */
const POS_SHARES = ['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'PRON', 'AUX', 'ADP', 'DET', 'SCONJ', 'CCONJ', 'PART'];
const NOT_WORDS = new Set(['PUNCT', 'SPACE', 'SYM', 'X']);
const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our', 'mine', 'ours', 'myself', 'ourselves']);
const HEDGE_AUX = new Set(['may', 'might', 'could', 'would']);
const HEDGE_ADV = new Set(['perhaps', 'maybe', 'possibly', 'probably', 'likely', 'arguably', 'presumably', 'apparently', 'roughly', 'somewhat']);

type Features = ReadonlyMap<string, number>;

/**
 * Sentences read lately, with their features: two generations of at most `MEMO_SIZE`, as in
 * features.ts, so memory stays bounded and a sentence in use is kept.
 */
const MEMO_SIZE = 8192;
let current = new Map<string, Features>();
let previous = new Map<string, Features>();

/** Drop every remembered sentence (results do not change, only the next run's cost). */
export function forgetLanguageFeatures(): void {
  current = new Map();
  previous = new Map();
}

function remember(sentence: string, f: Features): void {
  if (current.size >= MEMO_SIZE) {
    previous = current;
    current = new Map();
  }
  current.set(sentence, f);
}

/**
 * The `nlp:` features of each sentence (same order). Sentences not remembered are read in one
 * library call. Undefined when the library is not there to read them (it failed to load, or
 * `deferLanguageModel` is loading it): the detector then runs its light weights.
 *
 * @example languageFeatures(['If prices rise, we will not buy.'])?.[0].get('nlp:if') // → 1
 */
export function languageFeatures(sentences: readonly string[]): Features[] | undefined {
  const out: (Features | undefined)[] = sentences.map((s) => {
    const hit = current.get(s);
    if (hit) return hit;
    const old = previous.get(s);
    if (old) remember(s, old);
    return old;
  });
  const missing = [...new Set(sentences.filter((_, i) => out[i] === undefined))];
  if (missing.length > 0) {
    if (!availableNow()) return undefined;
    const model = languageModel();
    if (!model) return undefined;
    const read = readSentences(model, missing);
    const fresh = new Map<string, Features>();
    missing.forEach((s, i) => {
      fresh.set(s, read[i]!);
      remember(s, read[i]!);
    });
    // From what was just read, not from the memo: remembering may start a new generation midway,
    // and the sentences remembered before that would no longer be in `current` (they came back
    // with no features at all, in runs past 8,192 sentences).
    for (let i = 0; i < sentences.length; i++) out[i] ??= fresh.get(sentences[i]!)!;
  }
  return out as Features[];
}

/** The built-in feature source: the language features. */
export const LANGUAGE_SOURCE: FeatureSource = { id: 'nlp', features: languageFeatures };

/**
 * One library call for many sentences: joined by blank lines (no sentence holds a line break:
 * the detector collapses whitespace), each token is given back to the sentence it falls in.
 */
/**
 * A word with an apostrophe ending ("today's", "don't") right before punctuation: wink-nlp would
 * add it to its lexicon whole, and from then on never split it again, in any sentence it reads.
 * A space before the punctuation has it split as it is everywhere else, so a sentence is tagged
 * the same whatever the process read before (docs/heuristics.md, Known failure modes).
 */
const JOINED_CLITIC = /(\p{L}['’]\p{L}+)(?=[^\s\p{L}\p{N}'’])/gu;

function readSentences(model: WinkNlp, sentences: readonly string[]): Features[] {
  const its = model.its;
  const doc = model.readDoc(sentences.join('\n\n').replace(JOINED_CLITIC, '$1 '));
  const tokens = doc.tokens();
  const values = tokens.out(its['value']) as string[];
  const pos = tokens.out(its['pos']) as string[];
  const spaces = tokens.out(its['precedingSpaces']) as string[];
  const negation = tokens.out(its['negationFlag']) as boolean[];
  const owner = new Int32Array(values.length);
  let s = 0;
  for (let t = 0; t < values.length; t++) {
    s += newlines(spaces[t]!) >> 1;
    owner[t] = Math.min(s, sentences.length - 1);
    if (pos[t] === 'SPACE') s += newlines(values[t]!) >> 1;
  }
  const acc = sentences.map(() => ({ words: 0, counts: new Map<string, number>(), start: '', negation: false, firstPerson: false, hedge: false, cond: false, sentiment: 0, sentParts: 0, entities: new Set<string>() }));
  for (let t = 0; t < values.length; t++) {
    const a = acc[owner[t]!]!;
    const p = pos[t]!;
    if (NOT_WORDS.has(p)) continue;
    const word = values[t]!.toLowerCase();
    a.words++;
    a.counts.set(p, (a.counts.get(p) ?? 0) + 1);
    if (a.start === '') a.start = p;
    if (negation[t]) a.negation = true;
    if (p === 'PRON' && FIRST_PERSON.has(word)) a.firstPerson = true;
    if ((p === 'AUX' && HEDGE_AUX.has(word)) || (p === 'ADV' && HEDGE_ADV.has(word))) a.hedge = true;
    if (word === 'if' || word === 'unless') a.cond = true;
  }
  // A sentence of the library's belongs to ours by its first word: the blank line joining two of
  // ours is a token that opens the library's next sentence but belongs to the previous one of ours.
  const firstWord = (span: readonly [number, number]): number => {
    let t = span[0];
    while (t < span[1] && pos[t] === 'SPACE') t++;
    return t;
  };
  doc.sentences().each((sentence) => {
    const span = sentence.out(its['span']) as unknown as [number, number];
    const a = acc[owner[firstWord(span)] ?? -1];
    if (!a) return;
    a.sentiment += Number(sentence.out(its['sentiment'])) || 0;
    a.sentParts++;
  });
  doc.entities().each((entity) => {
    const span = entity.out(its['span']) as unknown as [number, number];
    const a = acc[owner[firstWord(span)] ?? -1];
    if (a) a.entities.add(String(entity.out(its['type'])));
  });
  return acc.map((a) => {
    const f = new Map<string, number>();
    if (a.words === 0) return f;
    const round = (x: number): number => Math.round(x * 1000) / 1000;
    for (const p of POS_SHARES) {
      const n = a.counts.get(p);
      if (n) f.set(`nlp:pos:${p}`, round(n / a.words));
    }
    if (a.start) f.set(`nlp:start:${a.start}`, 1);
    for (const e of [...a.entities].sort()) f.set(`nlp:ent:${e}`, 1);
    if (a.negation) f.set('nlp:negation', 1);
    if (a.firstPerson) f.set('nlp:firstPerson', 1);
    if (a.hedge) f.set('nlp:hedge', 1);
    if (a.cond) f.set('nlp:if', 1);
    const sentiment = a.sentParts > 0 ? a.sentiment / a.sentParts : 0;
    if (sentiment > 0.1) f.set('nlp:positive', 1);
    if (sentiment < -0.1) f.set('nlp:negative', 1);
    return f;
  });
}

function newlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
