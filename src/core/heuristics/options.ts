/**
 * Heuristic options: the shipped defaults (data/heuristics.yaml, embedded at build time through
 * `defaults.generated.ts`) and the validated merge of a user's `heuristics:` override.
 *
 * The core cannot read files, so the YAML is embedded as JSON (parsed when generated, not at
 * every start); the test
 * `test/heuristics/defaults.test.ts` fails when the embedded copy is stale and rewrites it when
 * run with `UPDATE_HEURISTICS=1`.
 */
import { HEURISTICS_DATA } from './defaults.generated.js';

/** One cue family: a weight, the reason it names, and what it matches. */
export interface CueFamilyOptions {
  /**
   * Shipped families have no weight here: the model learned one (`data/detector-model.json`).
   * A weight set in configuration replaces the learned one (log-odds added when the family
   * matches; 0 turns the family off); a new family without one gets 1.
   */
  readonly weight?: number;
  /** Reason id reported when this family fires (positive weights only), e.g. `statistic`. */
  readonly reason?: string;
  /** Whole-word, case-insensitive phrases; a trailing `*` matches any word ending. */
  readonly terms: readonly string[];
  /** JavaScript regular expressions, compiled with flag `i` unless `caseSensitive`. */
  readonly patterns: readonly string[];
  /** Match terms and patterns case-sensitively (names, acronyms). */
  readonly caseSensitive?: boolean;
}

export type CitationScope = 'sentence' | 'paragraph';

export interface HeuristicOptions {
  /**
   * `needsCitation` when the model's probability reaches this (0–1). Unset: the thresholds the
   * trainer chose (one for cited sentences, one for uncited ones).
   */
  readonly threshold?: number;
  /** Below this probability a sentence is not a claim at all (0–1). Unset: the trained one. */
  readonly claimThreshold?: number;
  /** Log-odds added to every sentence's score (raise to flag more, lower to flag less). */
  readonly base: number;
  /** Sentences with fewer words are never claims (fragments, bold lead-ins like "More chips."). */
  readonly minWords: number;
  /** Whether a citation elsewhere in the paragraph counts for a sentence. */
  readonly citationScope: CitationScope;
  /** Score sentences in GFM table cells. */
  readonly tables: boolean;
  /** Section headings (whole heading, case-insensitive) whose sections are not scored. */
  readonly skipSections: readonly string[];
  /** Abbreviations whose period does not end a sentence (`Dr`, `e.g`, `U.S`). */
  readonly abbreviations: readonly string[];
  /** Cue families by id. */
  readonly cues: Readonly<Record<string, CueFamilyOptions>>;
  /**
   * Refine the candidates with the sentence encoder (`encoder.ts`) where the host has loaded it
   * (the CLI and the desktop language server). Shipped off: see docs/heuristics.md for the numbers.
   */
  readonly encoder: boolean;
}

export interface OptionProblem {
  /** Dotted path under `heuristics`, e.g. `heuristics.cues.statistic.weight`. */
  readonly path: string;
  readonly message: string;
}

let cachedDefaults: HeuristicOptions | undefined;

/**
 * The shipped defaults, parsed once.
 *
 * @example defaultHeuristicOptions().citationScope // → 'paragraph'
 */
export function defaultHeuristicOptions(): HeuristicOptions {
  if (!cachedDefaults) {
    const { options, problems } = mergeHeuristicOptions(EMPTY_OPTIONS, HEURISTICS_DATA);
    // A broken shipped file is a build bug, not a user error: fail loudly in tests.
    if (problems.length > 0) throw new Error(`data/heuristics.yaml: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    cachedDefaults = options;
  }
  return cachedDefaults;
}

const EMPTY_OPTIONS: HeuristicOptions = {
  base: 0,
  minWords: 4,
  citationScope: 'paragraph',
  tables: true,
  skipSections: [],
  abbreviations: [],
  cues: {},
  encoder: false,
};

const NUMBER_KEYS = ['threshold', 'claimThreshold', 'base', 'minWords'] as const;
const LIST_KEYS = ['skipSections', 'abbreviations'] as const;
const FAMILY_KEYS = new Set(['weight', 'reason', 'terms', 'patterns', 'caseSensitive']);

/**
 * Overlay a user's `heuristics:` mapping on `base`. Lists replace, `cues` merge family by
 * family (a new family id adds a family); anything malformed is reported and ignored.
 *
 * @example
 * mergeHeuristicOptions(defaultHeuristicOptions(), { threshold: 2, colour: 'red' })
 * // → options with threshold 2, problems [{ path: 'heuristics.colour', message: 'Unknown key …' }]
 */
export function mergeHeuristicOptions(
  base: HeuristicOptions,
  override: unknown,
): { options: HeuristicOptions; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  if (override === undefined || override === null) return { options: base, problems };
  if (!isRecord(override)) {
    problems.push({ path: 'heuristics', message: 'Expected a mapping of heuristic options' });
    return { options: base, problems };
  }
  const out: { -readonly [K in keyof HeuristicOptions]: HeuristicOptions[K] } = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const path = `heuristics.${key}`;
    if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      const probability = key === 'threshold' || key === 'claimThreshold';
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ path, message: 'Expected a number' });
      else if (probability && (value <= 0 || value >= 1)) problems.push({ path, message: 'Expected a probability between 0 and 1 (exclusive)' });
      else (out as Record<string, unknown>)[key] = value;
    } else if ((LIST_KEYS as readonly string[]).includes(key)) {
      const list = stringList(value, path, problems);
      if (list) (out as Record<string, unknown>)[key] = list;
    } else if (key === 'citationScope') {
      if (value === 'sentence' || value === 'paragraph') out.citationScope = value;
      else problems.push({ path, message: 'Expected `sentence` or `paragraph`' });
    } else if (key === 'tables' || key === 'encoder') {
      if (typeof value === 'boolean') out[key] = value;
      else problems.push({ path, message: 'Expected true or false' });
    } else if (key === 'cues') {
      out.cues = mergeCues(base.cues, value, path, problems);
    } else {
      problems.push({ path, message: `Unknown key \`${key}\`; expected one of ${[...NUMBER_KEYS, ...LIST_KEYS, 'citationScope', 'tables', 'encoder', 'cues'].join(', ')}` });
    }
  }
  return { options: out, problems };
}

function mergeCues(
  base: Readonly<Record<string, CueFamilyOptions>>,
  value: unknown,
  path: string,
  problems: OptionProblem[],
): Record<string, CueFamilyOptions> {
  const out: Record<string, CueFamilyOptions> = { ...base };
  if (!isRecord(value)) {
    problems.push({ path, message: 'Expected a mapping of cue families' });
    return out;
  }
  for (const [id, family] of Object.entries(value)) {
    const fpath = `${path}.${id}`;
    if (!isRecord(family)) {
      problems.push({ path: fpath, message: 'Expected a mapping with weight, reason, terms, patterns' });
      continue;
    }
    const merged: { -readonly [K in keyof CueFamilyOptions]: CueFamilyOptions[K] } = {
      ...(base[id] ?? { terms: [], patterns: [] }),
    };
    for (const [key, v] of Object.entries(family)) {
      const kpath = `${fpath}.${key}`;
      if (!FAMILY_KEYS.has(key)) {
        problems.push({ path: kpath, message: `Unknown key \`${key}\`; expected weight, reason, terms, patterns or caseSensitive` });
      } else if (key === 'weight') {
        if (typeof v === 'number' && Number.isFinite(v)) merged.weight = v;
        else problems.push({ path: kpath, message: 'Expected a number' });
      } else if (key === 'caseSensitive') {
        if (typeof v === 'boolean') merged.caseSensitive = v;
        else problems.push({ path: kpath, message: 'Expected true or false' });
      } else if (key === 'reason') {
        if (typeof v === 'string' && v.trim() !== '') merged.reason = v.trim();
        else problems.push({ path: kpath, message: 'Expected a non-empty string' });
      } else if (key === 'terms') {
        const list = stringList(v, kpath, problems);
        if (list) merged.terms = list;
      } else {
        const list = stringList(v, kpath, problems);
        if (list) merged.patterns = list.filter((p, i) => validPattern(p, `${kpath}[${i}]`, problems));
      }
    }
    out[id] = merged;
  }
  return out;
}

function validPattern(source: string, path: string, problems: OptionProblem[]): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch (error) {
    problems.push({ path, message: `Invalid regular expression: ${(error as Error).message}` });
    return false;
  }
}

function stringList(value: unknown, path: string, problems: OptionProblem[]): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'Expected a list of strings' });
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else problems.push({ path: `${path}[${i}]`, message: 'Expected a string' });
  });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const resolvedCache = new Map<string, { options: HeuristicOptions; problems: OptionProblem[] }>();

/**
 * The defaults with each config layer's `heuristics:` override applied in order (workspace
 * config, then front matter), memoised by content: the compiled cue matchers are cached per
 * options object, so documents with the same overrides share one compilation.
 *
 * @example heuristicOptionsFor([{ citationScope: 'sentence' }]).options.citationScope // → 'sentence'
 */
export function heuristicOptionsFor(layers: readonly unknown[]): { options: HeuristicOptions; problems: OptionProblem[] } {
  if (layers.length === 0) return { options: defaultHeuristicOptions(), problems: [] };
  const key = JSON.stringify(layers);
  let hit = resolvedCache.get(key);
  if (!hit) {
    let options = defaultHeuristicOptions();
    const problems: OptionProblem[] = [];
    for (const layer of layers) {
      const merged = mergeHeuristicOptions(options, layer);
      options = merged.options;
      problems.push(...merged.problems);
    }
    hit = { options, problems };
    if (resolvedCache.size >= 64) resolvedCache.delete(resolvedCache.keys().next().value!);
    resolvedCache.set(key, hit);
  }
  return hit;
}
