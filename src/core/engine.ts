/**
 * The facade hosts call: `createEngine({ workspace })`, then `lint` / `analyze`. It owns the model
 * cache (by URI and text) and the argument graph over every document it has seen, so that links
 * and defenses across files resolve. Synchronous by design: one parse per document version.
 */
import type { OffsetRange } from './text/lineIndex.js';
import { compareFindings, SEVERITY_RANK, type Finding, type Severity } from './findings.js';
import { baseConfig, type ResolvedConfig, type RuleSetting } from './config/config.js';
import { analyzeDocument, BibliographyCache, type DocumentModel } from './model/analyze.js';
import { ArgumentGraph } from './model/graph.js';
import { RULES, RULE_IDS, SYSTEM_RULES } from './rules/index.js';
import { builtinAttributes } from './config/presets.js';
import type { Report, Rule } from './rule.js';
import { Suppressions, type Directive } from './directives.js';
import type { Workspace } from './workspace.js';
import type { SentenceEmbeddings } from './heuristics/index.js';

export interface LintResult {
  readonly uri: string;
  /** Findings in force, sorted by position. */
  readonly findings: readonly Finding[];
  /** Findings silenced by inline directives, with the directive. */
  readonly suppressed: readonly { readonly finding: Finding; readonly directive: Directive }[];
  /** Disable directives that silenced nothing. */
  readonly unusedDirectives: readonly Directive[];
  readonly model: DocumentModel;
}

export interface LintOptions {
  /** Honour `warrant-disable…` comments (ESLint's `--no-inline-config` turns this off). */
  readonly inlineConfig?: boolean;
}

/** Every rule at its default severity. */
export function defaultRuleSettings(): Map<string, RuleSetting> {
  const map = new Map<string, RuleSetting>();
  for (const rule of RULES) map.set(rule.meta.id, { severity: rule.meta.defaultSeverity, options: defaultOptions(rule) });
  for (const meta of SYSTEM_RULES) map.set(meta.id, { severity: meta.defaultSeverity, options: {} });
  return map;
}

function defaultOptions(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, o]) => [k, o.default]));
}

/** Every rule at its default severity, and the built-in attribute vocabularies (values, no cues). */
export function defaultConfig(): ResolvedConfig {
  return { ...baseConfig(defaultRuleSettings()), attributes: builtinAttributes() };
}

export interface Engine {
  /** Analyse (or fetch from cache) one document. */
  analyze(uri: string, text: string, config?: ResolvedConfig): DocumentModel;
  /** Analyse and run the rules. Other documents are reached through the workspace. */
  lint(uri: string, text: string, config?: ResolvedConfig, options?: LintOptions): LintResult;
  /** The graph over every document analysed so far. */
  graph(): ArgumentGraph;
  /** Forget a document (closed, deleted, or changed on disk). */
  invalidate(uri?: string): void;
  /**
   * Keep only what other documents read of this one: its model without the syntax tree and what
   * only its own rules read (for a file a host indexes but nobody has open). The graph still sees
   * its ids and edges; linting it again parses it again. Returns the summary.
   */
  summarize(uri: string): DocumentModel | undefined;
  /** Models analysed so far. */
  models(): readonly DocumentModel[];
  /** The host's sentence embeddings (the encoder stage), when it gave some. */
  readonly embeddings?: SentenceEmbeddings;
}

export function createEngine(options: { workspace: Workspace; config?: ResolvedConfig; embeddings?: SentenceEmbeddings }): Engine {
  const { workspace, embeddings } = options;
  const fallbackConfig = options.config ?? defaultConfig();
  const models = new Map<string, DocumentModel>();
  const bibliographies = new BibliographyCache();
  const edgeCache = new WeakMap();
  let graphCache: ArgumentGraph | undefined;
  // Config a document was analysed with; a different config means a new analysis.
  const configOf = new WeakMap<DocumentModel, ResolvedConfig>();
  // Models whose syntax tree was dropped (`summarize`): enough for the graph, not for the rules.
  const summaries = new WeakSet<DocumentModel>();

  /** The parse of a document whose model was just invalidated (an edit): its next parse reuses the untouched blocks. */
  const previousParse = new Map<string, { text: string; root: DocumentModel['root'] }>();

  const analyze = (uri: string, text: string, config: ResolvedConfig = fallbackConfig): DocumentModel => {
    const cached = models.get(uri);
    if (cached && cached.text === text && configOf.get(cached) === config && !summaries.has(cached)) return cached;
    const previous = (cached && !summaries.has(cached) ? cached : undefined) ?? previousParse.get(uri);
    previousParse.delete(uri);
    const model = analyzeDocument({ uri, text, config, workspace, knownRules: RULE_IDS, bibliographies, ...(previous ? { previous: { text: previous.text, root: previous.root } } : {}) });
    configOf.set(model, config);
    models.set(uri, model);
    graphCache = undefined;
    return model;
  };

  // Documents a relation reaches but nobody opened yet: read through the workspace.
  const load = (uri: string): DocumentModel | undefined => {
    const cached = models.get(uri);
    if (cached) return cached;
    const text = workspace.readText(uri);
    return text === undefined ? undefined : analyze(uri, text);
  };

  const graph = (): ArgumentGraph => {
    if (graphCache) return graphCache;
    // Building may load linked documents; build again once so their edges are indexed too.
    let size = -1;
    for (let round = 0; round < 3 && size !== models.size; round++) {
      size = models.size;
      graphCache = new ArgumentGraph(new Map(models), load, edgeCache);
    }
    return graphCache!;
  };

  const lint = (uri: string, text: string, config: ResolvedConfig = fallbackConfig, lintOptions: LintOptions = {}): LintResult => {
    const model = analyze(uri, text, config);
    const g = graph();
    // The graph may have loaded more documents while resolving; that is fine for this run.
    const findings: Finding[] = [];
    const toFinding = (ruleId: string, severity: Severity, report: Report): Finding => {
      const range = { start: model.lineIndex.normalize(report.range.start), end: model.lineIndex.normalize(report.range.end) };
      return {
      ruleId,
      severity,
      message: report.message,
      uri,
      range,
      position: model.lineIndex.toRange(range),
      related: (report.related ?? []).map((r) => ({ uri: r.uri, range: rangeIn(g, models, r.uri, r.range, model), message: r.message })),
      ...(report.data ? { data: report.data } : {}),
      };
    };
    const rules = model.config.rules;
    for (const problem of model.problems) {
      const severity = rules.get(problem.ruleId)?.severity ?? 'error';
      if (severity !== 'off') findings.push(toFinding(problem.ruleId, severity, problem));
    }
    const skipped = model.problems.some((p) => (p.ruleId === 'file-skipped' && !p.partial) || p.ruleId === 'internal-error');
    if (!skipped) {
      for (const rule of RULES) {
        const setting = rules.get(rule.meta.id);
        const severity = setting?.severity ?? rule.meta.defaultSeverity;
        if (severity === 'off') continue;
        const reports: Report[] = [];
        try {
          rule.check({
            model,
            config: model.config,
            options: { ...defaultOptions(rule), ...(setting?.options ?? {}) },
            graph: g,
            handle: (node) => ({ uri, index: model.nodes.indexOf(node) }),
            report: (r) => reports.push(r),
            ...(embeddings ? { embeddings } : {}),
          });
        } catch (error) {
          // A rule that throws costs its own findings, never the others' or the host.
          const message = String((error as Error)?.stack ?? error).split('\n').slice(0, 2).join(' ').slice(0, 300);
          findings.push(toFinding('internal-error', 'error', { range: { start: 0, end: 0 }, message: `Rule \`${rule.meta.id}\` failed on this document: ${message}; please report it` }));
          continue;
        }
        for (const r of reports) {
          const capped = r.maxSeverity && SEVERITY_RANK[r.maxSeverity] < SEVERITY_RANK[severity] ? r.maxSeverity : severity;
          const finding = toFinding(rule.meta.id, capped, r);
          findings.push(r.maxSeverity ? { ...finding, maxSeverity: r.maxSeverity } : finding);
        }
      }
    }
    findings.sort(compareFindings);
    if (lintOptions.inlineConfig === false) return { uri, findings, suppressed: [], unusedDirectives: [], model };
    const suppressions = new Suppressions(model.directives);
    const kept: Finding[] = [];
    const suppressed: { finding: Finding; directive: Directive }[] = [];
    for (const f of findings) {
      const directive = f.ruleId === 'invalid-config' || f.ruleId === 'internal-error' ? undefined : suppressions.match(f.ruleId, f.range.start, f.position.start.line);
      if (directive) suppressed.push({ finding: f, directive });
      else kept.push(f);
    }
    // Directives naming unknown rules are findings too: a typo would silently disable nothing.
    for (const d of model.directives) {
      for (const r of d.rules) {
        if (!RULE_IDS.has(r.id)) kept.push(toFinding('invalid-config', 'error', { range: r.range, message: `Unknown rule id \`${r.id}\` in \`warrant-${d.kind}\` comment: fix or remove it` }));
      }
    }
    kept.sort(compareFindings);
    return { uri, findings: kept, suppressed, unusedDirectives: suppressions.unused(), model };
  };

  return {
    analyze,
    lint,
    graph,
    invalidate(uri) {
      if (uri === undefined) {
        models.clear();
        previousParse.clear();
      } else {
        const model = models.get(uri);
        if (model && !summaries.has(model)) previousParse.set(uri, { text: model.text, root: model.root });
        models.delete(uri);
      }
      graphCache = undefined;
    },
    summarize(uri) {
      const model = models.get(uri);
      if (!model || summaries.has(model)) return model;
      const summary = summaryOf(model);
      configOf.set(summary, configOf.get(model)!);
      summaries.add(summary);
      models.set(uri, summary);
      previousParse.delete(uri);
      graphCache = undefined;
      return summary;
    },
    models: () => [...models.values()],
    ...(embeddings ? { embeddings } : {}),
  };
}

/**
 * What a summary keeps of a model: what other documents and the features that look into them read
 * (its nodes, ids, sources, internal links, bibliography, config, text and line index). The syntax
 * tree goes, and so does what only the document's own rules read, which its next lint computes
 * again: the headings (each with its tree node), the front matter, and the scan's footnotes,
 * anchors and zones (#20: about a quarter of what a summary held besides its text).
 */
function summaryOf(model: DocumentModel): DocumentModel {
  const { sources, internalLinks } = model;
  // Not `{ ...model, root }`, which would give each summary a hidden class of its own (see `typed` in sources/kinds.ts).
  return Object.assign({}, model, {
    root: { type: 'root', children: [] },
    headings: [],
    frontMatter: { data: {}, keyRanges: {} },
    scan: { sources, internalLinks, missingFootnotes: [], definitionZones: [], htmlIds: new Map(), footnotes: new Map(), referenceLists: [] },
  } satisfies Partial<DocumentModel>);
}

function rangeIn(g: ArgumentGraph, models: Map<string, DocumentModel>, uri: string, range: OffsetRange, current: DocumentModel) {
  const model = uri === current.uri ? current : (models.get(uri) ?? g.model(uri));
  return (model ?? current).lineIndex.toRange(range);
}
