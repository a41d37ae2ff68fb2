/** Ranking bibliography entries against a claim: shared words of four letters or more in the title. */
const STOP = new Set(['with', 'from', 'that', 'this', 'their', 'there', 'which', 'about', 'into', 'than', 'have', 'were', 'been', 'they', 'what', 'when', 'will', 'more', 'most']);

function words(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []) if (!STOP.has(w)) out.add(stem(w));
  return out;
}

const stem = (w: string): string => w.replace(/(ings?|ed|es|s)$/, '');

/** How many title words appear in the text: `titleOverlap('Filter evasion', 'filters are evaded')` is 1. */
export function titleOverlap(title: string, text: string): number {
  const t = words(text);
  let n = 0;
  for (const w of words(title)) if (t.has(w)) n++;
  return n;
}
