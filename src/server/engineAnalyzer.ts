/**
 * The real analyzer: core's engine plus `src/node`'s config loader — exactly what `warrant lint`
 * runs, so editor and CLI findings match by construction.
 */
import { allRuleMeta, baseOf, createEngine, docsUrl, type DocumentModel, type Workspace } from '../core/index.js';
import { ConfigLoader } from '../node/config.js';
import { toPath } from '../node/fsWorkspace.js';
import type { Analyzer, AnalyzerOptions, AnalyzerResult } from './analyzer.js';
import { CONFIG_TEMPLATE } from './configTemplate.js';

export function createEngineAnalyzer(workspace: Workspace, configTemplate: () => string = () => CONFIG_TEMPLATE): Analyzer {
  const engine = createEngine({ workspace });
  const loaders = new Map<string, ConfigLoader>();
  const loaderFor = (configFile: string | undefined): ConfigLoader => {
    const key = configFile ?? '';
    let l = loaders.get(key);
    if (!l) loaders.set(key, (l = new ConfigLoader(configFile ? { configFile } : {})));
    return l;
  };
  return {
    lint(uri: string, text: string, options: AnalyzerOptions): AnalyzerResult {
      const path = toPath(uri);
      // Untitled buffers have no folder: they get the default config (or the configured file).
      const loaded = path || options.configFile ? loaderFor(options.configFile).loadFor(path ?? process.cwd() + '/untitled.md') : undefined;
      const result = engine.lint(uri, text, loaded?.config);
      const vocabulary = result.model.config.vocabulary;
      return {
        findings: result.findings,
        model: result.model,
        baseKindOf: (kind) => baseOf(vocabulary, kind),
        dependencies: loaded?.configFile ? [loaded.configFile] : [],
        configProblems: loaded?.problems ?? [],
        outline: outlineOf(result.model),
      };
    },
    invalidate(uri?: string) {
      engine.invalidate(uri);
      if (uri === undefined) for (const l of loaders.values()) l.clear();
    },
    graph: () => engine.graph(),
    rules: allRuleMeta().map((m) => ({ id: m.id, description: m.description, defaultSeverity: m.defaultSeverity, docsUrl: docsUrl(m.id) })),
    configTemplate,
  };
}

/** Ids a link can reach, then each node's kind, id, whether it is cited, and its relations, then internal links. */
function outlineOf(model: DocumentModel): string {
  const target = (t: { file?: string; id: string }) => `${t.file ?? ''}#${t.id}`;
  const lines = [[...model.ids.keys()].join(' ')];
  for (const n of model.nodes) lines.push(`${n.kind} ${n.id ?? ''} ${n.sources.length > 0 ? 'cited' : ''} ${n.relations.map((r) => `${r.type}>${target(r.target)}`).join(' ')}`);
  for (const l of model.internalLinks) lines.push(`link>${target(l.target)}`);
  return lines.join('\n');
}
