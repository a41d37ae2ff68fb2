/**
 * Cue families compiled once per options object, then matched against each sentence.
 *
 * Each family becomes one or two regular expressions (its terms as one alternation, its
 * patterns as another), so scoring a sentence is a fixed number of regex tests: linear in the
 * text, nothing allocated per sentence but the reasons array.
 */
import type { CueFamilyOptions, HeuristicOptions } from './options.js';

export interface CompiledFamily {
  readonly id: string;
  readonly weight: number;
  readonly reason?: string;
  readonly regexes: readonly RegExp[];
}

export interface CompiledCues {
  readonly families: readonly CompiledFamily[];
  readonly skipSection: (heading: string) => boolean;
}

const cache = new WeakMap<HeuristicOptions, CompiledCues>();

/** Compile (and cache) the matchers for an options object. */
export function compileCues(options: HeuristicOptions): CompiledCues {
  let compiled = cache.get(options);
  if (!compiled) {
    const families = Object.entries(options.cues)
      .map(([id, family]) => compileFamily(id, family))
      .filter((f) => f.regexes.length > 0 && f.weight !== 0);
    const sections = options.skipSections.map((s) => s.trim()).filter(Boolean);
    const sectionRe = sections.length > 0 ? new RegExp(`^(?:${sections.join('|')})$`, 'i') : undefined;
    compiled = { families, skipSection: (heading) => sectionRe !== undefined && sectionRe.test(normaliseHeading(heading)) };
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

function compileFamily(id: string, family: CueFamilyOptions): CompiledFamily {
  const regexes: RegExp[] = [];
  const flags = family.caseSensitive ? '' : 'i';
  const terms = family.terms.map(termSource).filter(Boolean);
  if (terms.length > 0) regexes.push(new RegExp(`(?<![\\w'’-])(?:${terms.join('|')})(?![\\w'’-])`, flags));
  for (const p of family.patterns) {
    try {
      regexes.push(new RegExp(p, flags));
    } catch {
      // Validated in mergeHeuristicOptions; a bad default is caught by the defaults test.
    }
  }
  return { id, weight: family.weight, reason: family.weight > 0 ? (family.reason ?? id) : undefined, regexes };
}

/** "according to" → `according\s+to`; "estimat*" → `estimat\w*`; apostrophes match ’ too. */
function termSource(term: string): string {
  const t = term.trim();
  if (!t) return '';
  const wild = t.endsWith('*');
  const body = (wild ? t.slice(0, -1) : t)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(/'/g, "['’]");
  return wild ? `${body}\\w*` : body;
}

export interface CueResult {
  readonly score: number;
  readonly reasons: string[];
  /** Ids of every family that fired, positive or negative (for tests and explanations). */
  readonly fired: string[];
}

/**
 * Score one sentence's plain text.
 *
 * @example scoreText(compileCues(defaultHeuristicOptions()), 0, 'Sales rose 40% in 2021.')
 * // → { score: 3.1, reasons: ['statistic', 'datedEvent'], … }
 */
export function scoreText(cues: CompiledCues, base: number, text: string): CueResult {
  let score = base;
  const reasons: string[] = [];
  const fired: string[] = [];
  for (const family of cues.families) {
    if (!family.regexes.some((re) => re.test(text))) continue;
    score += family.weight;
    fired.push(family.id);
    if (family.reason && !reasons.includes(family.reason)) reasons.push(family.reason);
  }
  return { score: Math.round(score * 100) / 100, reasons, fired };
}
