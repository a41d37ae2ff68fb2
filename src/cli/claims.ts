/**
 * `warrant claims`: the inventory a fact-checker reads. Every node, tagged or detected, with its
 * place, text, sources, relations and status. The JSON shape is documented in docs/cli.md.
 */
import { relative } from 'node:path';
import { baseOf, exportedAttributes, heuristicSentences, summarizeNode, type ArgNode, type Engine, type OffsetRange, type Source } from '../core/index.js';
import type { FileResult } from './session.js';

export interface ClaimRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly kind: string;
  readonly id: string | null;
  readonly text: string;
  readonly syntax: string;
  readonly block: string;
  readonly status: string;
  readonly sources: readonly SourceRecord[];
  readonly relations: readonly { readonly type: string; readonly target: string; readonly via: string; readonly line: number }[];
  /** Every attribute, written or inferred (`{ adversary: 'skilled', note: '…' }`). */
  readonly attributes: Readonly<Record<string, string>>;
  /** The inferred ones, with the cue each was inferred from (`{ adversary: 'fine-tune' }`). */
  readonly inferred: Readonly<Record<string, string>>;
  readonly findings: readonly string[];
  /** Scorer fields (`tools/score.py`): is it a claim, does it need a citation, does it have one. */
  readonly claim: boolean;
  readonly needs_citation: boolean;
  readonly cited: boolean;
  /**
   * Cited detected sentences only: where the citation that counts is — in the sentence, elsewhere
   * in its paragraph (`citationScope: paragraph`), or a link in it to a tagged node.
   */
  readonly cited_by?: 'sentence' | 'paragraph' | 'link';
  /** Heuristic sentences only: the detector's score and the cue families that fired. */
  readonly score?: number;
  readonly reasons?: readonly string[];
  /**
   * Uncited heuristic sentences flagged by `uncited-assertion`: the model's probability (unrounded
   * to the finding's three decimals) and its tier (`info` from `minConfidence`, else `hint`).
   */
  readonly confidence?: number;
  readonly tier?: 'info' | 'hint';
}

export interface SourceRecord {
  /** How the citation is written: `link`, `footnote`, `citation`… */
  readonly kind: string;
  /** What kind of source it is: `paper`, `preprint`, `official`, `news`, `blog`, `same-site`, `note`, `web`. */
  readonly type: string;
  /** What the type was read from: `arxiv.org`, the entry's journal, `footnote [^3]`. */
  readonly where?: string;
  readonly line: number;
  readonly url?: string;
  readonly text?: string;
  readonly key?: string;
  readonly locator?: string;
  readonly entry?: { readonly authors: readonly string[]; readonly year?: string; readonly title?: string; readonly container?: string; readonly doi?: string; readonly url?: string };
}

export function claimRecords(files: readonly FileResult[], engine: Engine, cwd: string): ClaimRecord[] {
  const graph = engine.graph();
  const records: ClaimRecord[] = [];
  for (const { filePath, result } of files) {
    const { model } = result;
    const file = relative(cwd, filePath) || filePath;
    const line = (offset: number): number => model.lineIndex.positionAt(offset).line + 1;
    /** 1-based start and end, as every record carries them. */
    const place = (range: OffsetRange) => {
      const pos = model.lineIndex.toRange(range);
      return { file, line: pos.start.line + 1, column: pos.start.character + 1, endLine: pos.end.line + 1, endColumn: pos.end.character + 1 };
    };
    model.nodes.forEach((node: ArgNode, index) => {
      const summary = summarizeNode(graph, { uri: model.uri, index });
      const findings = result.findings.filter((f) => f.data?.['node'] === index).map((f) => f.ruleId);
      records.push({
        ...place(node.selectionRange),
        kind: node.kind,
        id: node.id ?? null,
        text: node.text,
        syntax: node.syntax,
        block: node.block,
        status: summary?.status ?? 'unknown',
        sources: node.sources.map((s) => sourceRecord(s, line)),
        relations: [
          ...(node.parent !== undefined
            ? [{ type: 'within', target: `#${model.nodes[node.parent]!.id ?? `line-${line(model.nodes[node.parent]!.selectionRange.start)}`}`, via: 'containment', line: line(node.tagRange.start) }]
            : []),
          ...node.relations.map((r) => ({ type: r.type, target: `${r.target.file ?? ''}#${r.target.id}`, via: r.via, line: line(r.range.start) })),
        ],
        ...exportedAttributes(node),
        findings,
        claim: baseOf(model.config.vocabulary, node.kind) === 'claim' || baseOf(model.config.vocabulary, node.kind) === 'risk',
        needs_citation: true,
        cited: node.sources.length > 0,
      });
    });
    // Zero-annotation sentences, each with the fields the corpus scorer reads.
    const flags = new Map(result.findings.filter((f) => f.ruleId === 'uncited-assertion').map((f) => [f.range.start, f]));
    const weak = new Set(result.findings.filter((f) => f.ruleId === 'weak-support' && f.data?.['node'] === undefined).map((f) => f.range.start));
    for (const s of heuristicSentences(model)) {
      // Its own sources: inside it, or right after its full stop (`… tools. [a survey](…)`), as the detector counts them.
      const sources = model.sources.filter((src) => src.range.start >= s.range.start && (src.range.end <= s.range.end || /^\s*$/.test(model.text.slice(s.range.end, src.range.start))));
      records.push({
        ...place(s.range),
        kind: 'claim',
        id: null,
        text: s.text,
        syntax: 'heuristic',
        block: 'sentence',
        status: !s.needsCitation ? 'no-citation-needed' : s.cited ? 'cited' : 'uncited',
        sources: sources.map((src) => sourceRecord(src, line)),
        relations: [],
        attributes: {},
        inferred: {},
        findings: [...(flags.has(s.range.start) ? ['uncited-assertion'] : []), ...(weak.has(s.range.start) ? ['weak-support'] : [])],
        claim: s.claim,
        needs_citation: s.needsCitation,
        cited: s.cited,
        ...(s.cited ? { cited_by: !s.citedInSentence ? 'paragraph' : sources.length > 0 ? 'sentence' : 'link' } : {}),
        score: Math.round(s.score * 100) / 100,
        reasons: s.reasons,
        ...flagFields(flags.get(s.range.start)),
      });
    }
  }
  records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return records;
}

function flagFields(f: { readonly data?: Readonly<Record<string, unknown>> } | undefined): { confidence?: number; tier?: 'info' | 'hint' } {
  if (!f || typeof f.data?.['confidence'] !== 'number') return {};
  return { confidence: f.data['confidence'] as number, tier: f.data['tier'] === 'hint' ? 'hint' : 'info' };
}

/**
 * `warrant claims --rank`: the review queue — uncited statements the detector reads as
 * assertions, most likely to need a source first (flags of both tiers, then the rest).
 */
export function rankClaims(records: readonly ClaimRecord[]): ClaimRecord[] {
  return records
    .filter((r) => r.syntax === 'heuristic' && r.claim && !r.cited)
    .sort((a, b) => (b.confidence ?? b.score ?? 0) - (a.confidence ?? a.score ?? 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function sourceRecord(s: Source, line: (offset: number) => number): SourceRecord {
  return {
    kind: s.kind,
    type: s.type,
    ...(s.where ? { where: s.where } : {}),
    line: line(s.range.start),
    ...(s.url ? { url: s.url } : {}),
    ...(s.text ? { text: s.text.length > 300 ? s.text.slice(0, 297) + '…' : s.text } : {}),
    ...(s.key ? { key: s.key } : {}),
    ...(s.locator ? { locator: s.locator } : {}),
    ...(s.entry
      ? {
          entry: {
            authors: s.entry.authors,
            ...(s.entry.year ? { year: s.entry.year } : {}),
            ...(s.entry.title ? { title: s.entry.title } : {}),
            ...(s.entry.container ? { container: s.entry.container } : {}),
            ...(s.entry.doi ? { doi: s.entry.doi } : {}),
            ...(s.entry.url ? { url: s.entry.url } : {}),
          },
        }
      : {}),
  };
}

export function formatClaimsTable(records: readonly ClaimRecord[], ranking?: 'rank'): string {
  if (records.length === 0) return 'No claims, evidence, defenses, objections or risks found.\n';
  // The table shows tagged nodes and the sentences that need a citation; `-f json` has every sentence.
  // A sentence cited by its paragraph or by a link to a node has no source of its own: say where.
  const count = (r: ClaimRecord): string => (r.sources.length > 0 || !r.cited_by || r.cited_by === 'sentence' ? String(r.sources.length) : r.cited_by);
  const ranked = ranking === 'rank';
  const rows = records
    .filter((r) => ranked || r.syntax !== 'heuristic' || r.needs_citation)
    .map((r) => (ranked ? [`${r.file}:${r.line}:${r.column}`, (r.confidence ?? r.score ?? 0).toFixed(2), r.tier ?? 'not flagged', truncate(r.text, 60)] : [`${r.file}:${r.line}:${r.column}`, r.kind, r.status, count(r), r.id ?? '', truncate(r.text, 60)]));
  const header = ranked ? ['location', 'confidence', 'tier', 'text'] : ['location', 'kind', 'status', 'sources', 'id', 'text'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.min(i === 4 && !ranked ? 40 : 200, Math.max(...all.map((r) => r[i]!.length))));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : truncate(c, widths[i]!).padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
