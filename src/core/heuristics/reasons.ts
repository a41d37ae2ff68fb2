/**
 * Reason ids → the words the `uncited-assertion` message, the hover and `warrant claims` use.
 */

/** Labels of the shipped reason ids; a user-defined family's reason is shown as written. */
export const REASON_LABELS: Readonly<Record<string, string>> = {
  statistic: 'statistic',
  researchFinding: 'research finding',
  attribution: 'attribution',
  datedEvent: 'dated or historical event',
  pastEvent: 'past event',
  quotation: 'quotation',
  booster: 'superlative or booster',
  causal: 'causal generalisation',
  specificFact: 'specific fact about a named person, organisation or law',
};

/** What a sentence does, per reason: the verb phrase of a message that says what was seen. */
const REASON_PHRASES: Readonly<Record<string, string>> = {
  statistic: 'gives a number',
  researchFinding: 'states a research finding',
  attribution: 'attributes a statement to someone',
  datedEvent: 'names a date',
  pastEvent: 'reports a past event',
  quotation: 'quotes someone',
  booster: 'makes a sweeping or superlative claim',
  causal: 'states a cause',
  specificFact: 'states a fact about a named person, organisation or law',
};

/**
 * A capitalised phrase naming why a sentence needs a source, strongest reason first.
 *
 * @example describeReasons(['statistic', 'datedEvent']) // → 'Statistic and dated or historical event'
 * @example describeReasons([]) // → 'Check-worthy statement'
 */
export function describeReasons(reasons: readonly string[]): string {
  const labels = [...new Set(reasons.map((r) => REASON_LABELS[r] ?? r))];
  if (labels.length === 0) return 'Check-worthy statement';
  return capitalise(joinAnd(labels));
}

/**
 * What the sentence does, with the words that showed it, strongest reason first.
 *
 * @example describeSeen(['researchFinding'], { researchFinding: 'studies show' }) // → 'States a research finding (“studies show”)'
 * @example describeSeen([], {}) // → 'Reads as a statement of fact'
 */
export function describeSeen(reasons: readonly string[], seen: Readonly<Record<string, string>>): string {
  const parts = [...new Set(reasons)].map((r) => {
    const phrase = REASON_PHRASES[r] ?? `shows ${r}`;
    const words = seen[r];
    // A quotation with no words to show is a block quote (a rule, not a cue, decided it).
    if (!words && r === 'quotation') return 'quotes someone in a block quote';
    return words ? `${phrase} (“${words}”)` : phrase;
  });
  return capitalise(parts.length === 0 ? 'reads as a statement of fact' : joinAnd(parts));
}

export interface UncitedMessageOptions {
  /** Where a source would have counted: the sentence, or its paragraph (the default). */
  readonly scope?: 'sentence' | 'paragraph';
  /**
   * The document tags claims or defenses: a link to one backs the sentence too. Otherwise the
   * message offers only what a writer who annotated nothing knows: a link, footnote or citation.
   */
  readonly annotated?: boolean;
}

/**
 * The full finding message, in remark-lint's grammar (what is wrong, then what to do).
 *
 * @example uncitedMessage(['statistic'], { statistic: '40%' }) // → 'Gives a number (“40%”) with no source in its paragraph: add a link, footnote or citation'
 */
export function uncitedMessage(reasons: readonly string[], seen: Readonly<Record<string, string>> = {}, options: UncitedMessageOptions = {}): string {
  const where = options.scope === 'sentence' ? 'in the sentence' : 'in its paragraph';
  const todo = options.annotated ? 'add a source or a link to the claim or defense that backs it' : 'add a link, footnote or citation';
  return `${describeSeen(reasons, seen)} with no source ${where}: ${todo}`;
}

function joinAnd(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
