/**
 * Input families whose cost once grew faster than their size (issue #11, item 6). Each builds a
 * document of "size" `n`; the growth tests and `npm run fuzz` time `n` against `2n` and check that
 * the time at most about doubles. The cost is the lint and its stylish table, as the CLI prints it. Times are CPU time (`process.cpuUsage`), the least of a few
 * runs, each with a fresh engine: the machine is shared, and wall time would measure the others.
 */
import { allRuleMeta, createEngine, docsUrl, MemoryWorkspace } from '../../src/core/index.js';
import { forgetRememberedSentences } from '../../src/core/heuristics/index.js';
import { FORMATTERS } from '../../src/cli/formatters/index.js';
import { buildReport } from '../../src/report/data.js';
import { renderReportHtml } from '../../src/report/html.js';

export interface Family {
  readonly name: string;
  /** What made it slow, and where it is bounded now. */
  readonly cause: string;
  readonly build: (n: number) => string;
  /** Sizes at which the growth test compares n and 2n: large enough that noise is small. */
  readonly n: number;
  /** Time the report page (`buildReport` + `renderReportHtml`) instead of the table, as `warrant report` does. */
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
    name: 'support ring',
    cause: "circular-support named every claim of the loop in one message, and stylish padded every row to the longest message: a message naming at most 8 (rules/circular-support.ts), padding capped (cli/formatters/stylish.ts)",
    // issue #21: each claim declares that it supports the next, the last the first.
    build: (n) => Array.from({ length: n }, (_, i) => `<!-- claim #c${i} supports=#c${(i + 1) % n} -->\nStep ${i} holds for the plan.\n`).join('\n'),
    n: 2000,
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
    name: 'lines of nested list markers',
    cause: 'every new item closes the lists the line above stacked, and each close rebuilds the event list (micromark): bounded by boundStackedLists (parse/bounds.ts)',
    build: (n) => '- - - - - - - - x\n'.repeat(n),
    n: 1600,
  },
];

/** CPU milliseconds under which a ratio of two times is mostly noise. */
const MIN_MS = 25;

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
  for (let r = 0; r < reps; r++) least = Math.min(least, lintOnce(text, report).ms);
  return least;
}

/** One cold lint and its stylish table (or its report page): CPU milliseconds, and the output's length. */
function lintOnce(text: string, report = false): { ms: number; chars: number } {
  const uri = 'file:///ws/essay.md';
  const engine = createEngine({ workspace: new MemoryWorkspace({ [uri]: text }) });
  forgetRememberedSentences(); // every run cold: the detector's memo would hide its own cost
  const start = cpuMs();
  const { findings } = engine.lint(uri, text);
  // What a reader gets is the printed table: its cost counts too (one long message once made it
  // grow with the square of the findings).
  const table = report
    ? renderReportHtml(buildReport({ graph: engine.graph(), files: [{ uri, name: 'essay.md', text, findings }], rules: allRuleMeta(), docsUrl, warrant: '0', generated: new Date(0), name: (u) => u }), { svgs: [] })
    : FORMATTERS.stylish!([{ filePath: '/ws/essay.md', findings, source: text }], { cwd: '/ws', color: false, rules: [] });
  return { ms: cpuMs() - start, chars: table.length };
}

/**
 * The time ratio from `n` to `2n`, and the growth exponent it implies (log2 of the ratio). The
 * runs at n and 2n alternate, so a change of load in the middle weighs on both alike. `outputRatio`
 * is the same ratio for the length of the printed table: no noise in it at all.
 */
export function growth(family: Family, n = family.n, reps = 3): { n: number; small: number; large: number; ratio: number; exponent: number; outputRatio: number } {
  lintCost(family.build(Math.max(1, n >> 3)), 1, family.report); // warm the code paths up
  // A family its bound makes cheap (a few ms at n) measures noise, not growth: it is measured at
  // a larger n (up to 16 × its own) until one run takes MIN_MS.
  for (let k = 0; k < 4 && lintCost(family.build(n), 1, family.report) < MIN_MS; k++) n *= 2;
  const smallText = family.build(n);
  const largeText = family.build(2 * n);
  let small = Infinity;
  let large = Infinity;
  let chars = [0, 0];
  for (let r = 0; r < reps; r++) {
    const a = lintOnce(smallText, family.report);
    const b = lintOnce(largeText, family.report);
    small = Math.min(small, a.ms);
    large = Math.min(large, b.ms);
    chars = [a.chars, b.chars];
  }
  const ratio = large / Math.max(small, 0.5);
  return { n, small, large, ratio, exponent: Math.log2(ratio), outputRatio: chars[1]! / Math.max(chars[0]!, 1) };
}
