/**
 * Reason ids → the words the `uncited-assertion` message uses.
 */

/** Labels of the shipped reason ids; a user-defined family's reason is shown as written. */
export const REASON_LABELS: Readonly<Record<string, string>> = {
  statistic: 'statistic',
  researchFinding: 'research finding',
  attribution: 'attribution',
  datedEvent: 'dated or historical event',
  quotation: 'quotation',
  booster: 'superlative or booster',
  causal: 'causal generalisation',
  specificFact: 'specific fact about a named person, organisation or law',
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
  const phrase = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/**
 * The full finding message, in remark-lint's grammar (what is wrong, then what to do).
 *
 * @example uncitedMessage(['statistic']) // → 'Statistic with no citation: add a source or a link to a defense'
 */
export function uncitedMessage(reasons: readonly string[]): string {
  return `${describeReasons(reasons)} with no citation: add a source or a link to a defense`;
}
