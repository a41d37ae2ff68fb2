/**
 * The reviewer's report as plain data: what `warrant report` renders to HTML and what the
 * language server sends the editor (`warrant/report`). Built from what the engine already
 * produced — the models, the argument graph, the findings as `lint` reports them — and nothing
 * else: no second analysis. JSON-serialisable, so it crosses the LSP connection unchanged.
 */
import { baseOf, describeSummary, formatEntry, oneBasedSpan, summarizeNode } from '../core/index.js';
import type { ArgNode, ArgumentGraph, Directive, DocumentModel, Finding, NodeHandle, RuleMeta, Source, SourceType } from '../core/index.js';
import { countTypes, SOURCE_TYPES, sourceTypeLabel } from '../core/index.js';
import { exportGraph, toDot } from '../core/export/graph.js';
import { threatMatrixSection } from './matrix.js';

export interface ReportData {
  readonly version: 1;
  /** Warrant's version, for the header. */
  readonly warrant: string;
  /** ISO 8601 time the report was made. */
  readonly generated: string;
  readonly files: readonly ReportFile[];
  /** Every rule that has a finding in the report, with its docs page. */
  readonly rules: readonly { readonly id: string; readonly description: string; readonly docsUrl: string }[];
  readonly claims: readonly ReportClaim[];
  readonly maps: readonly ReportMap[];
  /** Extra sections from `REPORT_SECTIONS` (the threat-coverage matrix will be one). */
  readonly sections: readonly ReportSection[];
}

export interface ReportFile {
  /** As the host names it: a path relative to the working folder or workspace. */
  readonly name: string;
  readonly findings: readonly ReportFinding[];
}

export interface ReportFinding {
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  /** 1-based, as `lint` prints them. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The heuristic detector's finding (`uncited-assertion`): shown in its own section. */
  readonly heuristic: boolean;
  /** A few lines of source around the finding; absent when the text is not at hand. */
  readonly excerpt?: Excerpt;
  /** Anchor of the claim entry the finding is about, when it is one. */
  readonly claim?: string;
}

/** Source lines with the finding's span marked: `lines[i]` is line `firstLine + i` (1-based). */
export interface Excerpt {
  readonly firstLine: number;
  readonly lines: readonly string[];
  /** Per line index, the marked `[start, end)` characters. */
  readonly marks: readonly { readonly line: number; readonly start: number; readonly end: number }[];
}

export type ClaimStatus = 'supported' | 'unsupported' | 'suppressed';

export interface ReportClaim {
  /** The entry's id on the page (`claim-2-5`): map nodes and findings link to it. */
  readonly anchor: string;
  readonly file: string;
  readonly line: number;
  /** As written (`thesis`, `risk`) and the base kind (`claim`, `risk`). */
  readonly kind: string;
  readonly baseKind: string;
  readonly id: string | null;
  readonly text: string;
  readonly status: ClaimStatus;
  /** The status as the engine names it (`supported`, `unmitigated`…). */
  readonly engineStatus: string;
  /** Why: the counts behind "supported", the finding's message, or the suppression. */
  readonly why: string;
  readonly sources: readonly ReportSource[];
  /** How many of `sources` are of each kind (`{ paper: 1, 'same-site': 2 }`): the claim's evidence line. */
  readonly sourceTypes: Readonly<Partial<Record<SourceType, number>>>;
  readonly evidence: readonly ReportRelated[];
  readonly defenses: readonly ReportRelated[];
  readonly objections: readonly ReportRelated[];
  readonly supportingClaims: readonly ReportRelated[];
}

export interface ReportSource {
  readonly kind: Source['kind'];
  /** What kind of source it is (`preprint`), and what that was read from (`arxiv.org`). */
  readonly type: SourceType;
  readonly where?: string;
  readonly line: number;
  /** What the reader sees: link text, footnote text, citation key. */
  readonly label: string;
  /** The URL as written; the page makes it clickable only for http(s) and mailto. */
  readonly url?: string;
  /** The formatted bibliography entry for citation keys. */
  readonly entry?: string;
  readonly locator?: string;
}

export interface ReportRelated {
  readonly kind: string;
  readonly file: string;
  readonly line: number;
  /** The node's text, cut to an excerpt. */
  readonly excerpt: string;
  /** Anchor of its own entry when it is a claim on the page. */
  readonly anchor?: string;
  /** For objections: whether a defense answers it. */
  readonly answered?: boolean;
  readonly sources: number;
}

export interface ReportMap {
  /** The file, or `null` for one map of every file. */
  readonly file: string | null;
  /** Graphviz DOT, each node carrying `URL="#anchor"` of its claim entry when it has one. */
  readonly dot: string;
  readonly nodes: number;
}

/**
 * A section fed by plain data: a title, a sentence and a table. The threat-coverage matrix of the
 * AI-risk preset (`matrix.ts`) is one; another section is one more `SectionProvider` in `REPORT_SECTIONS`.
 */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly columns: readonly string[];
  /** Cells are plain text; the page escapes them. */
  readonly rows: readonly (readonly string[])[];
}

export type SectionProvider = (input: ReportInput) => ReportSection | undefined;

/** Sections added after the built-in ones, in this order: the threat-coverage matrix (AI-risk preset only). */
export const REPORT_SECTIONS: SectionProvider[] = [evidenceMixSection, threatMatrixSection];

/**
 * The evidence mix: every source of each file (tagged or not) counted by kind, one row per file
 * and a total row for several. A plain table, so it reads in print and without script.
 */
export function evidenceMixSection(input: ReportInput): ReportSection | undefined {
  const rows: { name: string; counts: Partial<Record<SourceType, number>>; total: number }[] = [];
  for (const file of input.files) {
    const model = input.graph.model(file.uri);
    if (!model) continue;
    rows.push({ name: file.name, counts: countTypes(model.sources), total: model.sources.length });
  }
  if (rows.length === 0) return undefined;
  if (rows.length > 1) {
    const all: Partial<Record<SourceType, number>> = {};
    for (const t of SOURCE_TYPES) all[t] = rows.reduce((n, r) => n + (r.counts[t] ?? 0), 0);
    rows.push({ name: 'All files', counts: all, total: rows.reduce((n, r) => n + r.total, 0) });
  }
  const total = rows[rows.length - 1]!.total;
  return {
    id: 'evidence-mix',
    title: `Evidence mix (${total} source${total === 1 ? '' : 's'})`,
    intro:
      'Every source in each file by kind, read offline from its host, DOI or bibliography entry: papers, preprints, official documents, news, blogs, other web pages, links into the same site, and notes with no link or key.',
    columns: ['File', ...SOURCE_TYPES.map(sourceTypeLabel), 'Total'],
    rows: rows.map((r) => [r.name, ...SOURCE_TYPES.map((t) => String(r.counts[t] ?? 0)), String(r.total)]),
  };
}

export interface ReportFileInput {
  readonly uri: string;
  readonly name: string;
  /** The text as analysed, for excerpts; config files and unreadable files may have none. */
  readonly text?: string;
  /** The findings as the run reports them (after suppressions and severity filters). */
  readonly findings: readonly Finding[];
  /** Findings silenced by `warrant-disable` comments. */
  readonly suppressed?: readonly { readonly finding: Finding; readonly directive: Directive }[];
}

export interface ReportInput {
  readonly graph: ArgumentGraph;
  /** The files asked for, in order. A file the graph holds a model of gets its claims listed. */
  readonly files: readonly ReportFileInput[];
  readonly rules: readonly Pick<RuleMeta, 'id' | 'description'>[];
  readonly docsUrl: (ruleId: string) => string;
  readonly warrant: string;
  readonly generated: Date;
  /** How to name files outside the run that an edge reaches. */
  readonly name: (uri: string) => string;
  /** Above this many map nodes, one map per file instead of one for everything. */
  readonly mapNodeLimit?: number;
}

const HEURISTIC_RULES = new Set(['uncited-assertion']);
const CLAIM_BASES = new Set(['claim', 'risk']);
const EXCERPT_CONTEXT = 1;
const EXCERPT_MAX_SPAN = 4;
const RELATED_EXCERPT = 240;
const DEFAULT_MAP_NODE_LIMIT = 60;

export function buildReport(input: ReportInput): ReportData {
  const { graph } = input;
  const anchors = new Map<string, string>(); // `${index}\0${uri}` → anchor
  const handleKey = (h: NodeHandle): string => `${h.index}\u0000${h.uri}`;
  const models: DocumentModel[] = [];
  input.files.forEach((file, f) => {
    const model = graph.model(file.uri);
    if (!model) return;
    models.push(model);
    model.nodes.forEach((node, index) => {
      if (CLAIM_BASES.has(baseOf(model.config.vocabulary, node.kind))) anchors.set(handleKey({ uri: model.uri, index }), `claim-${f + 1}-${index + 1}`);
    });
  });

  const claims: ReportClaim[] = [];
  for (const file of input.files) {
    const model = graph.model(file.uri);
    if (!model) continue;
    model.nodes.forEach((node, index) => {
      const anchor = anchors.get(handleKey({ uri: model.uri, index }));
      if (anchor) claims.push(claimEntry(input, file, model, node, index, anchor, anchors, handleKey));
    });
  }

  const files: ReportFile[] = input.files.map((file) => {
    const model = graph.model(file.uri);
    const lines = (file.text ?? model?.text)?.split(/\r?\n|\r/);
    return {
      name: file.name,
      findings: file.findings.map((f) => {
        const node = typeof f.data?.['node'] === 'number' ? (f.data['node'] as number) : undefined;
        const claim = node !== undefined && f.uri === file.uri ? anchors.get(handleKey({ uri: file.uri, index: node })) : undefined;
        const excerpt = lines ? excerptOf(lines, f) : undefined;
        return {
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          ...oneBasedSpan(f),
          heuristic: HEURISTIC_RULES.has(f.ruleId),
          ...(excerpt ? { excerpt } : {}),
          ...(claim ? { claim } : {}),
        };
      }),
    };
  });

  const used = new Set(input.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  const rules = input.rules.filter((r) => used.has(r.id)).map((r) => ({ id: r.id, description: r.description, docsUrl: input.docsUrl(r.id) }));

  const sections = REPORT_SECTIONS.map((provide) => provide(input)).filter((s): s is ReportSection => s !== undefined);
  return {
    version: 1,
    warrant: input.warrant,
    generated: input.generated.toISOString(),
    files,
    rules,
    claims,
    maps: buildMaps(input, models, anchors, handleKey),
    sections,
  };
}

function claimEntry(
  input: ReportInput,
  file: ReportFileInput,
  model: DocumentModel,
  node: ArgNode,
  index: number,
  anchor: string,
  anchors: ReadonlyMap<string, string>,
  handleKey: (h: NodeHandle) => string,
): ReportClaim {
  const { graph } = input;
  const handle = { uri: model.uri, index };
  const summary = summarizeNode(graph, handle);
  const lineOf = (m: DocumentModel, offset: number): number => m.lineIndex.positionAt(offset).line + 1;
  const engineStatus = summary?.status ?? 'unknown';
  const failing = engineStatus === 'unsupported' || engineStatus === 'unmitigated';
  const reported = file.findings.find((f) => f.data?.['node'] === index && f.uri === model.uri && (f.ruleId === 'unsupported-claim' || f.ruleId === 'unmitigated-risk'));
  const silenced = file.suppressed?.find((s) => s.finding.data?.['node'] === index && (s.finding.ruleId === 'unsupported-claim' || s.finding.ruleId === 'unmitigated-risk'));
  let status: ClaimStatus;
  let why: string;
  if (!failing) {
    status = 'supported';
    why = summary ? `${engineStatus}: ${describeSummary(summary)}` : engineStatus;
  } else if (reported) {
    status = 'unsupported';
    why = reported.message;
  } else {
    status = 'suppressed';
    why = silenced
      ? `silenced by \`warrant-${silenced.directive.kind}\` on line ${silenced.directive.line + 1}${silenced.directive.reason ? `: ${silenced.directive.reason}` : ''}`
      : `${engineStatus}, but not reported: its rule is off or below the severity shown, or the finding is in the suppressions file`;
  }
  const related = (h: NodeHandle): ReportRelated | undefined => {
    const m = graph.model(h.uri);
    const n = m?.nodes[h.index];
    if (!m || !n) return undefined;
    const other = anchors.get(handleKey(h));
    const answered = baseOf(m.config.vocabulary, n.kind) === 'objection' ? graph.incoming(h).some((e) => e.type === 'defends') : undefined;
    return {
      kind: n.kind,
      file: input.files.find((f) => f.uri === h.uri)?.name ?? input.name(h.uri),
      line: lineOf(m, n.selectionRange.start),
      excerpt: cut(n.text, RELATED_EXCERPT),
      ...(other ? { anchor: other } : {}),
      ...(answered !== undefined ? { answered } : {}),
      sources: n.sources.length,
    };
  };
  const list = (edges: readonly { from: NodeHandle }[] | undefined): ReportRelated[] =>
    (edges ?? []).map((e) => related(e.from)).filter((r): r is ReportRelated => r !== undefined);
  return {
    anchor,
    file: file.name,
    line: lineOf(model, node.selectionRange.start),
    kind: node.kind,
    baseKind: baseOf(model.config.vocabulary, node.kind),
    id: node.id ?? null,
    text: node.text,
    status,
    engineStatus,
    why,
    sources: node.sources.map((s) => sourceEntry(s, lineOf(model, s.range.start))),
    sourceTypes: countTypes(node.sources),
    evidence: list(summary?.evidence),
    defenses: list(summary?.defenses),
    objections: list(summary?.objections),
    supportingClaims: list(summary?.supportingClaims),
  };
}

function sourceEntry(s: Source, line: number): ReportSource {
  const label = s.kind === 'citation' || s.kind === 'dcite' ? `@${s.key ?? ''}` : s.kind === 'footnote' ? `[^${s.key ?? ''}] ${s.text ?? ''}`.trim() : (s.text ?? s.url ?? s.key ?? s.kind);
  const url = s.url ?? s.entry?.url ?? (s.entry?.doi ? `https://doi.org/${s.entry.doi}` : undefined);
  return {
    kind: s.kind,
    type: s.type,
    ...(s.where ? { where: s.where } : {}),
    line,
    label: cut(label, 300),
    ...(url ? { url } : {}),
    ...(s.entry ? { entry: formatEntry(s.entry) } : {}),
    ...(s.locator ? { locator: s.locator } : {}),
  };
}

function excerptOf(lines: readonly string[], f: Finding): Excerpt {
  const start = f.position.start.line;
  const end = Math.min(f.position.end.line, start + EXCERPT_MAX_SPAN - 1);
  const first = Math.max(0, start - EXCERPT_CONTEXT);
  const last = Math.min(lines.length - 1, end + EXCERPT_CONTEXT);
  const marks: { line: number; start: number; end: number }[] = [];
  for (let l = start; l <= end && l < lines.length; l++) {
    const text = lines[l]!;
    const s = l === start ? f.position.start.character : 0;
    const e = l === f.position.end.line ? f.position.end.character : text.length;
    if (e > s) marks.push({ line: l - first, start: s, end: Math.min(e, text.length) });
  }
  return { firstLine: first + 1, lines: lines.slice(first, last + 1).map((l) => cut(l, 400)), marks };
}

function buildMaps(input: ReportInput, models: readonly DocumentModel[], anchors: ReadonlyMap<string, string>, handleKey: (h: NodeHandle) => string): ReportMap[] {
  const limit = input.mapNodeLimit ?? DEFAULT_MAP_NODE_LIMIT;
  const nameOf = (uri: string): string => input.files.find((f) => f.uri === uri)?.name ?? input.name(uri);
  const one = (subset: readonly DocumentModel[], file: string | null): ReportMap | undefined => {
    const handles = new Map<string, NodeHandle>();
    const data = exportGraph(input.graph, subset, nameOf, handles);
    if (data.nodes.length === 0) return undefined;
    const links = [...handles].flatMap(([key, h]) => {
      const anchor = anchors.get(handleKey(h));
      return anchor ? [`  ${key} [URL="#${anchor}", target="_self"];`] : [];
    });
    const dot = toDot(data).replace(/\}\s*$/, `${links.join('\n')}${links.length ? '\n' : ''}}\n`);
    return { file, dot, nodes: data.nodes.length };
  };
  const all = one(models, null);
  if (!all || all.nodes <= limit) return all ? [all] : [];
  return models.map((m) => one([m], nameOf(m.uri))).filter((m): m is ReportMap => m !== undefined);
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
