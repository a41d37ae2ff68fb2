/**
 * The fuzzer behind `npm run fuzz` and the short round in `npm test`: documents from a grammar of
 * Markdown pieces (what Warrant recognises, plus what tends to break parsers), then mutated
 * (spliced, duplicated, truncated, bytes flipped). Seeded, so a failure can be replayed; bounded
 * by a count and a time. Each document is linted with a fresh engine; an exception, or a finding
 * outside the text, is a failure.
 */
import { createEngine, MemoryWorkspace } from '../../src/core/index.js';
import { rng } from './rng.js';


const WORDS = ['alignment', 'model', 'the', 'harm', '70%', 'in 2023', 'studies show', 'experts say', 'never', 'Ω', '日本語', '🙂', 'e\u0301', '\u200b', '\t', '\\', '*', '_', '**', '`', '|', '<', '>', '&amp;', ':', '#', '@', '[', ']', '{', '}', '(', ')', '!', '"', '\u001b]0;t\u0007', '\r', '\u0085'];
const IDS = ['a', 'b', 'c1', 'x-y', 'Ω', '', 'other.md', 'a`b', 'a>b'];
const URLS = ['https://example.org/a', 'https://e.org/a>![p](https://x.example/p.png)', 'command:x', 'javascript:alert(1)', 'data:text/html,x', 'vscode:x', 'other.md#a', '#b', 'doi:10.1/x', '../up.md', 'mailto:a@b.c', '<https://e.org/x y>'];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

function words(r: Rand): string {
  return Array.from({ length: int(r, 0, 12) }, () => pick(r, WORDS)).join(' ');
}

function inline(r: Rand): string {
  switch (int(r, 0, 11)) {
    case 0:
      return `[${words(r)}](${pick(r, URLS)})`;
    case 1:
      return `[@${pick(r, ['smith2020', 'k', 'a:b', '{x y}'])}${r() < 0.3 ? ', p. 3' : ''}]`;
    case 2:
      return `@${pick(r, ['smith2020', 'k1'])}`;
    case 3:
      return `[^${pick(r, ['1', 'n', 'x y'])}]`;
    case 4:
      return `*${words(r)}*`;
    case 5:
      return `**${pick(r, ['Claim', 'Evidence', 'Objection', 'Reply', 'Risk', 'Mitigation'])}:** ${words(r)}`;
    case 6:
      return `<!-- ${pick(r, ['claim', 'evidence', 'defense', 'warrant-disable-next-line', 'x'])} #${pick(r, IDS)} ${r() < 0.5 ? `supports=#${pick(r, IDS)}` : ''} ${r() < 0.7 ? '-->' : ''}`;
    case 7:
      return `[${words(r)}]{.claim #${pick(r, IDS)}}`;
    case 8:
      return '`' + words(r) + '`';
    case 9:
      return `<a href="${pick(r, URLS)}">${words(r)}</a>`;
    default:
      return words(r);
  }
}

function block(r: Rand, depth = 0): string {
  const line = (): string => Array.from({ length: int(r, 1, 4) }, () => inline(r)).join(' ');
  switch (int(r, 0, 12)) {
    case 0:
      return `${'#'.repeat(int(r, 1, 6))} ${line()}${r() < 0.3 ? ` {#${pick(r, IDS)} .claim}` : ''}`;
    case 1:
      return depth < 4 ? `> ${block(r, depth + 1).replace(/\n/g, '\n> ')}` : line();
    case 2:
      return depth < 4 ? Array.from({ length: int(r, 1, 4) }, () => `${pick(r, ['-', '*', '1.', '+'])} ${block(r, depth + 1).replace(/\n/g, '\n  ')}`).join('\n') : line();
    case 3:
      return '```' + pick(r, ['', 'js', 'md']) + '\n' + words(r) + (r() < 0.8 ? '\n```' : '');
    case 4:
      return `| ${line()} | b |\n|---|---|\n| ${line()} | ${line()} |`;
    case 5:
      return `::: {.${pick(r, ['claim', 'evidence', 'objection'])} #${pick(r, IDS)}}\n${line()}\n${r() < 0.8 ? ':::' : ''}`;
    case 6:
      return `[^${pick(r, ['1', 'n'])}]: ${line()}`;
    case 7:
      return `[${pick(r, ['a', 'ref'])}]: ${pick(r, URLS)}`;
    case 8:
      return `<!-- ${pick(r, ['claim #a', 'warrant-disable', 'warrant-enable', 'objection #o'])} -->`;
    case 9:
      return '<div>\n' + line() + '\n</div>';
    default:
      return line();
  }
}

/** One document of the grammar: optional front matter, then blocks. */
export function generate(r: Rand): string {
  const parts: string[] = [];
  if (r() < 0.2) parts.push(`---\n${pick(r, ['title: x', 'warrant:\n  rules:\n    unsupported-claim: error', 'bibliography: refs.bib', 'references: [{id: k}]', 'a: [', 'warrant: 5'])}\n---`);
  for (let i = int(r, 1, 12); i > 0; i--) parts.push(block(r));
  return parts.join(pick(r, ['\n\n', '\n', '\r\n\r\n']));
}

/** Mutations of a document: what an editor, a bad paste or a hostile file can produce. */
export function mutate(r: Rand, doc: string): string {
  let s = doc;
  for (let k = int(r, 1, 4); k > 0; k--) {
    const at = int(r, 0, s.length);
    switch (int(r, 0, 6)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + int(r, 1, 20));
        break;
      case 1:
        s = s.slice(0, at) + String.fromCharCode(int(r, 0, 0xffff)) + s.slice(at);
        break;
      case 2: {
        const from = int(r, 0, s.length);
        s = s.slice(0, at) + s.slice(from, from + int(r, 1, 40)) + s.slice(at);
        break;
      }
      case 3:
        s = s.slice(0, at);
        break;
      case 4:
        s = s.slice(0, at) + pick(r, ['> '.repeat(int(r, 1, 60)), '- '.repeat(int(r, 1, 60)), '*a '.repeat(int(r, 1, 60)), '<!-- a '.repeat(int(r, 1, 60)), '['.repeat(int(r, 1, 60)), '\u0000', '\ufeff']) + s.slice(at);
        break;
      case 5:
        s = s.replace(/\n/g, pick(r, ['\r\n', '\r', '\n\n']));
        break;
      default:
        s = s.slice(0, at) + inline(r) + s.slice(at);
    }
  }
  return s;
}

export interface FuzzSummary {
  readonly documents: number;
  readonly exceptions: readonly { readonly index: number; readonly error: string; readonly doc: string }[];
  /** Documents whose findings fall outside the text or disagree with their offsets. */
  readonly badFindings: readonly { readonly index: number; readonly problem: string }[];
  /** The ten slowest documents: CPU milliseconds, size in UTF-16 code units. */
  readonly slowest: readonly { readonly index: number; readonly ms: number; readonly size: number }[];
  readonly overOneSecond: number;
  readonly elapsedMs: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Lint `n` documents (or until `timeMs` passes), generated and mutated from `seed`. */
export function runFuzz(options: { n: number; seed: number; timeMs: number; onProgress?: (done: number) => void }): FuzzSummary {
  const r = rng(options.seed);
  const started = Date.now();
  const exceptions: { index: number; error: string; doc: string }[] = [];
  const badFindings: { index: number; problem: string }[] = [];
  let slowest: { index: number; ms: number; size: number }[] = [];
  let over = 0;
  let i = 0;
  for (; i < options.n && Date.now() - started < options.timeMs; i++) {
    let doc = generate(r);
    if (r() < 0.7) doc = mutate(r, doc);
    const uri = 'file:///ws/essay.md';
    const engine = createEngine({ workspace: new MemoryWorkspace({ [uri]: doc, 'file:///ws/other.md': '<!-- claim #a -->\nA.\n', 'file:///ws/refs.bib': '@article{smith2020, title={T}}' }) });
    const t0 = cpuMs();
    try {
      const result = engine.lint(uri, doc);
      for (const f of result.findings) {
        if (f.range.start < 0 || f.range.end > doc.length || f.range.start > f.range.end) badFindings.push({ index: i, problem: `${f.ruleId} range ${f.range.start}-${f.range.end} outside 0-${doc.length}` });
      }
    } catch (error) {
      exceptions.push({ index: i, error: String((error as Error)?.stack ?? error).slice(0, 500), doc });
    }
    const ms = cpuMs() - t0;
    if (ms > 1000) over++;
    if (slowest.length < 10 || ms > slowest[slowest.length - 1]!.ms) {
      slowest.push({ index: i, ms, size: doc.length });
      slowest = slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
    }
    if (options.onProgress && i % 1000 === 999) options.onProgress(i + 1);
  }
  return { documents: i, exceptions, badFindings, slowest, overOneSecond: over, elapsedMs: Date.now() - started };
}
