/**
 * The per-sentence memo of the detector (#20 item 4): a sentence whose text and context did not
 * change since it was last scored is not scored again — neither its feature vector
 * (`sentenceFeatures`) nor the model's heads and the reasons with their quoted words
 * (`detect.ts`). Typing changes one sentence; the rest of the document comes from here.
 *
 * What a sentence's result depends on, and so what the key holds: its text; its context (block
 * kind, index and count in the block, its citations and its neighbours', lead-in, the document's
 * cite rate and its position in it); its quotation state (first sentence of a quotation or not);
 * whether the feature sources ran (`light`) and the language model's generation. The options
 * object (cues, thresholds), the feature sources and the hash width scope the memo, each by
 * identity; the model scores a remembered vector once per model object.
 *
 * Two generations of at most `MEMO_SIZE`, as in features.ts and language.ts: memory stays
 * bounded, and a sentence in use is kept. Remembering never changes a result (memo.test.ts).
 */
import type { SentenceContext, SentenceFeatures } from './features.js';
import type { HeuristicOptions } from './options.js';
import type { FeatureSource } from './sources.js';

/** What a remembered sentence keeps: its vector and its fixed verdict, then its scores per model. */
export interface RememberedSentence {
  readonly features: SentenceFeatures;
  readonly fixed: 'quote' | 'quoteRest' | 'leadIn' | 'instruction' | undefined;
  /** The model object it was scored by, and the result (everything but where it is). */
  scoredBy?: object;
  scored?: unknown;
  /** The light model that decided whether the feature sources read it (`detect.ts`), and its answer. */
  pickedBy?: object;
  picked?: boolean;
}

const MEMO_SIZE = 8192;

/**
 * By sentence text, then by the rest of the key: the text is the long part, and the same string
 * object comes back for an unchanged block (split.ts), so V8 hashes it once, not once per keystroke
 * inside a new key string.
 */
type Memo = Map<string, Map<string, RememberedSentence>>;
interface Generations {
  current: Memo;
  previous: Memo;
  /** Entries in `current`. */
  size: number;
}

let memos = new WeakMap<HeuristicOptions, WeakMap<readonly FeatureSource[], Map<number, Generations>>>();
/** Sentences whose vector was computed, and sentences the model scored (tests count them). */
let counts = { featured: 0, scored: 0 };

/** Drop every remembered sentence (results do not change, only the next run's cost). */
export function forgetScoredSentences(): void {
  memos = new WeakMap();
}

/** How many sentence vectors were computed and scored since the last call (tests count calls, never time). */
export function takeSentenceCounts(): { featured: number; scored: number } {
  const out = counts;
  counts = { featured: 0, scored: 0 };
  return out;
}

/** Count one computed vector / one scoring (called by detect.ts). */
export function countFeatured(): void {
  counts.featured++;
}
export function countScored(): void {
  counts.scored++;
}

/** The memo for one options object, feature-source list and hash width. */
export function sentenceMemo(options: HeuristicOptions, sources: readonly FeatureSource[], hashBits: number): SentenceMemo {
  let bySources = memos.get(options);
  if (!bySources) memos.set(options, (bySources = new WeakMap()));
  let byBits = bySources.get(sources);
  if (!byBits) bySources.set(sources, (byBits = new Map()));
  let g = byBits.get(hashBits);
  if (!g) byBits.set(hashBits, (g = { current: new Map(), previous: new Map(), size: 0 }));
  return new SentenceMemo(g);
}

export class SentenceMemo {
  constructor(private readonly g: Generations) {}

  get(sentence: string, context: string): RememberedSentence | undefined {
    const hit = this.g.current.get(sentence)?.get(context);
    if (hit) return hit;
    const old = this.g.previous.get(sentence)?.get(context);
    if (old) this.set(sentence, context, old);
    return old;
  }

  set(sentence: string, context: string, value: RememberedSentence): void {
    if (this.g.size >= MEMO_SIZE) {
      this.g.previous = this.g.current;
      this.g.current = new Map();
      this.g.size = 0;
    }
    let byContext = this.g.current.get(sentence);
    if (!byContext) this.g.current.set(sentence, (byContext = new Map()));
    if (!byContext.has(context)) this.g.size++;
    byContext.set(context, value);
  }
}

/** The key of a sentence besides its text: everything else its vector and verdict are computed from (see above). */
export function contextKey(ctx: SentenceContext, quote: string, light: boolean, generation: number): string {
  return `${light ? 1 : 0}${quote}${generation}|${ctx.kind}|${ctx.index}|${ctx.count}|${ctx.citedInSentence ? 1 : 0}${ctx.citedNearby ? 1 : 0}${ctx.prevCited ? 1 : 0}${ctx.nextCited ? 1 : 0}${ctx.leadIn ? 1 : 0}|${ctx.citeRate}|${ctx.position}`;
}
