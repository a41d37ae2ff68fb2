/**
 * The real analyzer: core's engine plus a host's config source (`src/node`'s config loader on
 * Node, `src/web`'s over the editor's file system in a browser) — exactly what `warrant lint`
 * runs, so editor and CLI findings match by construction.
 */
import { allRuleMeta, baseOf, createEngine, docsUrl, encoderCandidateTexts, resolveUri, type DocumentModel, type Finding, type ResolvedConfig, type SentenceEmbeddings, type Workspace } from '../core/index.js';
import type { Analyzer, IndexedDocument } from './analyzer.js';
import { CONFIG_TEMPLATE } from './configTemplate.js';

/** Where a document's config comes from. */
export interface ConfigSource {
  /**
   * The config for the document at `uri` (`configFile`: `warrant.configFile`, used instead of the
   * nearest one); `undefined` config means the defaults.
   */
  load(uri: string, configFile: string | undefined): { readonly config?: ResolvedConfig; readonly configFile?: string; readonly problems: readonly Finding[] };
  /** Forget cached config files. */
  clear(): void;
}

/**
 * Embeddings computed on demand (the Node host's `SentenceEncoder`, src/node/encoder): the
 * analyzer never waits for them. A lint gives the light findings at once and asks for the
 * candidates' embeddings; when they arrive, `onDidRefine` tells the server to lint again.
 */
export interface AsyncEmbeddings extends SentenceEmbeddings {
  readonly failure: string | undefined;
  missing(texts: Iterable<string>): string[];
  ensure(texts: Iterable<string>): Promise<boolean>;
}

export function createEngineAnalyzer(workspace: Workspace, configs: ConfigSource, configTemplate: () => string = () => CONFIG_TEMPLATE, encoder?: AsyncEmbeddings): Analyzer {
  const engine = createEngine({ workspace, ...(encoder ? { embeddings: encoder } : {}) });
  const refineListeners: ((uris: readonly string[] | undefined) => void)[] = [];
  /** Embed an open document's candidates in the background, then have it linted again. */
  const refineLater = (uri: string, model: DocumentModel): void => {
    if (!encoder || encoder.failure) return;
    let missing: string[];
    try {
      missing = encoder.missing(encoderCandidateTexts(model, encoder));
    } catch {
      return; // the encoder's stage file is unreadable: the light findings stand
    }
    if (missing.length === 0) return;
    void encoder.ensure(missing).then((ok) => {
      if (ok) for (const l of refineListeners) l([uri]);
    });
  };
  return {
    lintDocument(uri, text, options) {
      const loaded = configs.load(uri, options.configFile);
      const result = engine.lint(uri, text, loaded.config);
      if (options.open) refineLater(uri, result.model);
      const linted = { ...summaryOf(result.model), findings: result.findings, dependencies: loaded.configFile ? [loaded.configFile] : [], configProblems: loaded.problems };
      if (options.keepTree === false) engine.summarize(uri);
      return linted;
    },
    indexDocument(uri, text, options) {
      const model = engine.analyze(uri, text, configs.load(uri, options.configFile).config);
      return summaryOf(options.keepTree ? model : (engine.summarize(uri) ?? model));
    },
    invalidate(uri?: string) {
      engine.invalidate(uri);
      if (uri === undefined) configs.clear();
    },
    graph: () => engine.graph(),
    rules: allRuleMeta().map((m) => ({ id: m.id, description: m.description, defaultSeverity: m.defaultSeverity, docsUrl: docsUrl(m.id) })),
    configTemplate,
    onDidRefine: (listener) => void refineListeners.push(listener),
  };
}

function summaryOf(model: DocumentModel): IndexedDocument {
  const vocabulary = model.config.vocabulary;
  const files = new Set<string>();
  for (const ref of [...model.nodes.flatMap((n) => n.relations.map((r) => r.target)), ...model.internalLinks.map((l) => l.target)]) {
    const uri = ref.file ? resolveUri(model.uri, ref.file) : undefined;
    if (uri && uri !== model.uri) files.add(uri);
  }
  return { model, lineIndex: model.lineIndex, baseKindOf: (kind) => baseOf(vocabulary, kind), outline: outlineOf(model), links: [...files] };
}

/** Ids a link can reach, then each node's kind, id, whether it is cited, and its relations, then internal links. */
function outlineOf(model: DocumentModel): string {
  const target = (t: { file?: string; id: string }) => `${t.file ?? ''}#${t.id}`;
  const lines = [[...model.ids.keys()].join(' ')];
  for (const n of model.nodes) lines.push(`${n.kind} ${n.id ?? ''} ${n.sources.length > 0 ? 'cited' : ''} ${n.relations.map((r) => `${r.type}>${target(r.target)}`).join(' ')}`);
  for (const l of model.internalLinks) lines.push(`link>${target(l.target)}`);
  return lines.join('\n');
}
