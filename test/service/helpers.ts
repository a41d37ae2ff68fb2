/**
 * Service tests without a server: documents from strings in a MemoryWorkspace, analysed by the
 * real engine, and a `|` cursor marker for positions.
 */
import { baseOf, createEngine, defaultConfig, LineIndex, MemoryWorkspace, type ResolvedConfig } from '../../src/core/index.js';
import type { AnalyzedDocument, DocumentIndex, ServiceContext } from '../../src/service/types.js';
import { allRuleMeta, docsUrl } from '../../src/core/index.js';

export interface Fixture {
  readonly ctx: ServiceContext;
  doc(uri: string): AnalyzedDocument;
}

/** `files` maps names (`essay.md`) to text; they live under `file:///ws/`. */
export function workspace(files: Record<string, string>, settings: Partial<ServiceContext['settings']> = {}, withConfig?: ResolvedConfig): Fixture {
  const uris = Object.fromEntries(Object.entries(files).map(([name, text]) => [`file:///ws/${name}`, text]));
  const mem = new MemoryWorkspace(uris);
  const engine = createEngine({ workspace: mem });
  const config = withConfig ?? defaultConfig();
  const cache = new Map<string, AnalyzedDocument>();
  const get = (uri: string): AnalyzedDocument | undefined => {
    const text = mem.readText(uri);
    if (text === undefined || !/\.(md|qmd)$/.test(uri)) return undefined;
    let d = cache.get(uri);
    if (!d) {
      const r = engine.lint(uri, text, config);
      d = { uri, version: 1, text, lineIndex: new LineIndex(text), model: r.model, findings: r.findings, baseKindOf: (k) => baseOf(r.model.config.vocabulary, k) };
      cache.set(uri, d);
    }
    return d;
  };
  const index: DocumentIndex = {
    get,
    *all() {
      for (const uri of Object.keys(uris)) {
        const d = get(uri);
        if (d) yield d;
      }
    },
    readText: (uri) => mem.readText(uri),
  };
  const ctx: ServiceContext = {
    index,
    graph: () => engine.graph(),
    rules: new Map(allRuleMeta().map((m) => [m.id, { id: m.id, description: m.description, defaultSeverity: m.defaultSeverity, docsUrl: docsUrl(m.id) }])),
    settings: { severityOverrides: {}, disableRuleComments: true, ...settings },
  };
  for (const _ of index.all());
  return { ctx, doc: (name) => get(`file:///ws/${name}`)! };
}

/** Remove the `|` marker and return the text and the marker's position. */
export function cursor(text: string): { text: string; position: { line: number; character: number } } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no | marker');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  return { text: clean, position: new LineIndex(clean).positionAt(offset) };
}
