/**
 * Input families whose cost once grew faster than their size (issue #11, item 6). Each builds a
 * document of "size" `n`; the growth tests and `npm run fuzz` time `n` against `2n` and check that
 * the time at most about doubles. Times are CPU time (`process.cpuUsage`), the least of a few
 * runs, each with a fresh engine: the machine is shared, and wall time would measure the others.
 */
import { allRuleMeta, createEngine, docsUrl, MemoryWorkspace } from '../../src/core/index.js';
import { forgetRememberedSentences } from '../../src/core/heuristics/index.js';
import { buildReport } from '../../src/report/data.js';
import { renderReportHtml } from '../../src/report/html.js';

export interface Family {
  readonly name: string;
  /** What made it slow, and where it is bounded now. */
  readonly cause: string;
  readonly build: (n: number) => string;
  /** Sizes at which the growth test compares n and 2n: large enough that noise is small. */
  readonly n: number;
  /** Known to grow faster than linearly still: printed by `npm run fuzz`, not asserted. */
  readonly unbounded?: boolean;
  /** Time the report page (`buildReport` + `renderReportHtml`) after the lint, as `warrant report` does. */
  readonly report?: boolean;
}

export const FAMILIES: readonly Family[] = [
  {
    name: 'indented nested lists',
    cause: 'micromark re-checks every open container per line: bounded by MAX_CONTAINER_DEPTH (parse/bounds.ts)',
    // Each line one level deeper than the last (starting over every 100 lines, so the size grows
    // with n rather than n²).
    build: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i % 100)}- item ${i}`).join('\n') + '\n',
    n: 2000,
  },
  {
    name: 'support chain',
    cause: 'circular-support searched from every node, recursively; plainTextIn walked the whole tree per tag',
    build: (n) => Array.from({ length: n }, (_, i) => `<!-- claim #c${i} -->\nStep ${i} holds${i + 1 < n ? `, as [the next](#c${i + 1}) shows` : ''}.\n`).join('\n'),
    n: 500,
  },
  {
    name: 'support cycle',
    cause: 'as the chain, plus one search per node of the loop',
    build: (n) => Array.from({ length: n }, (_, i) => `<!-- claim #c${i} -->\nStep ${i} holds, as [the next](#c${(i + 1) % n}) shows.\n`).join('\n'),
    n: 500,
  },
  {
    name: 'unclosed comments on one line',
    cause: 'micromark scans to the paragraph end once per unclosed <!--: defused in parse/bounds.ts',
    build: (n) => `Text ${'<!-- a '.repeat(n)}\n`,
    n: 2000,
  },
  {
    name: 'citations in one paragraph',
    cause: 'every in-text key searched all bracketed groups (sources/collect.ts)',
    build: (n) => `Claim: it holds ${Array.from({ length: n }, (_, i) => `[see @k${i}] and @j${i}`).join(', ')}.\n`,
    // (micromark's own splicing of events in one paragraph is mildly superlinear: past about
    // 2,000 citations or 1,000 labels in one paragraph it alone pushes the ratio toward 3)
    n: 1000,
  },
  {
    name: 'labels in one paragraph',
    cause: 'one label per sentence in a single paragraph',
    build: (n) => Array.from({ length: n }, (_, i) => `**Claim:** step ${i} holds.`).join(' ') + '\n',
    n: 500,
  },
  {
    name: 'sentences in one long paragraph',
    cause: "Intl.Segmenter's sentence iteration grows with the square of the text: long blocks are segmented in pieces (heuristics/split.ts)",
    build: (n) => Array.from({ length: n }, (_, i) => `Step ${i} of the plan holds for most teams.`).join(' ') + '\n',
    n: 3000,
  },
  {
    name: 'nested emphasis',
    cause: 'micromark matches each closer by searching back over every inner event (attention resolver): bounded by boundEmphasis (parse/bounds.ts)',
    build: (n) => `${'*a '.repeat(n)}b${' c*'.repeat(n)}\n`,
    n: 1000,
  },
  {
    name: 'unmatched emphasis of two kinds',
    cause: 'each `_` closer walks back to the paragraph start past every `*` opener: bounded by boundEmphasis',
    build: (n) => `${'*a _b '.repeat(n)}c${' d* e_'.repeat(n)}\n`,
    n: 1000,
  },
  {
    name: 'nested strikethrough',
    cause: "GFM strikethrough's resolver walks back the same way: bounded by boundEmphasis",
    build: (n) => `${'~a '.repeat(n)}b${' c~'.repeat(n)}\n`,
    n: 1000,
  },
  {
    name: 'emphasis across lazy lines',
    cause: 'lines like `2. *a` continue the paragraph above (an item not numbered 1 cannot interrupt it): one inline content',
    build: (n) => `x\n${'2. *a\n'.repeat(n)}${'2. c*\n'.repeat(n)}`,
    n: 1000,
  },
  {
    name: 'report of one long line',
    cause: "each finding's excerpt copied and collapsed its whole line (issue 21): excerpts are bounded windows around the span (report/data.ts)",
    // One paragraph per line, every sentence an uncited-assertion finding.
    build: (n) => Array.from({ length: n }, (_, i) => `Studies show that step ${i} doubled adoption in most teams.`).join(' ') + '\n',
    n: 3000,
    report: true,
  },
  {
    // Still quadratic (micromark rebuilds the event list as each container closes): `npm run fuzz`
    // prints it. Each line is nested under the depth limit, so no bound applies yet.
    name: 'lines of nested list markers',
    cause: 'every closing list item runs EditMap.consume over the document event list (micromark)',
    build: (n) => '- - - - - - - - x\n'.repeat(n),
    n: 400,
    unbounded: true,
  },
];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU milliseconds to lint `text` with a fresh engine and the detector's memo empty: the least of
 * `reps` runs. The machine is shared, and other work (another process, a collection of garbage
 * left by an earlier test) only ever adds time, so the least run is the one nearest the cost itself.
 */
export function lintCost(text: string, reps = 3, report = false): number {
  let least = Infinity;
  for (let r = 0; r < reps; r++) least = Math.min(least, lintOnce(text, report));
  return least;
}

function lintOnce(text: string, report = false): number {
  const uri = 'file:///ws/essay.md';
  const engine = createEngine({ workspace: new MemoryWorkspace({ [uri]: text }) });
  forgetRememberedSentences(); // every run cold: the detector's memo would hide its own cost
  const start = cpuMs();
  const { findings } = engine.lint(uri, text);
  if (report) {
    const data = buildReport({ graph: engine.graph(), files: [{ uri, name: 'essay.md', text, findings }], rules: allRuleMeta(), docsUrl, warrant: '0', generated: new Date(0), name: (u) => u });
    renderReportHtml(data, { svgs: [] });
  }
  return cpuMs() - start;
}

/**
 * The time ratio from `n` to `2n`, and the growth exponent it implies (log2 of the ratio). The
 * runs at n and 2n alternate, so a change of load in the middle weighs on both alike.
 */
export function growth(family: Family, n = family.n, reps = 3): { n: number; small: number; large: number; ratio: number; exponent: number } {
  lintCost(family.build(Math.max(1, n >> 3)), 1, family.report); // warm the code paths up
  const smallText = family.build(n);
  const largeText = family.build(2 * n);
  let small = Infinity;
  let large = Infinity;
  for (let r = 0; r < reps; r++) {
    small = Math.min(small, lintOnce(smallText, family.report));
    large = Math.min(large, lintOnce(largeText, family.report));
  }
  const ratio = large / Math.max(small, 0.5);
  return { n, small, large, ratio, exponent: Math.log2(ratio) };
}
