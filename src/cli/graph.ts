/**
 * `warrant graph`: the argument graph of the files, as Mermaid, DOT, SVG (DOT rendered offline by
 * Graphviz compiled to WebAssembly, `@viz-js/viz`), Warrant's JSON, or AIF for OVA3.
 */
import { relative, sep } from 'node:path';
import { exportGraph, MAX_DRAWN_NODES, nodeStatuses, toAif, toDot, toMermaid } from '../core/export/graph.js';
import type { NodeHandle } from '../core/index.js';
import { toPath } from '../node/fsWorkspace.js';
import { escapeJsonControls, visibleControls } from '../core/text/controls.js';
import type { SessionResult } from './session.js';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg', 'json', 'aif'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** `-f svg` of a graph Graphviz cannot lay out in reasonable time: one line, exit 2. */
export class TooLargeToDraw extends Error {}

export async function graphCommand(result: SessionResult, format: GraphFormat, cwd: string): Promise<string> {
  const graph = result.engine.graph();
  const models = result.files.map((f) => f.result.model);
  const name = (uri: string): string => {
    const path = toPath(uri);
    if (!path) return uri;
    const rel = relative(cwd, path);
    return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
  };
  const handles = new Map<string, NodeHandle>();
  const data = exportGraph(graph, models, name, handles);
  const dot = (): string => toDot(data, { statuses: nodeStatuses(graph, handles) });
  // Claim text and file names are the documents': no control character reaches the output raw.
  switch (format) {
    case 'json':
      return escapeJsonControls(JSON.stringify(data, null, 2) + '\n');
    case 'mermaid':
      return visibleControls(toMermaid(data));
    case 'dot':
      return visibleControls(dot());
    case 'aif':
      return escapeJsonControls(JSON.stringify(toAif(data), null, 2) + '\n');
    case 'svg':
      if (data.nodes.length > MAX_DRAWN_NODES) {
        throw new TooLargeToDraw(`the graph has ${data.nodes.length.toLocaleString('en-US')} nodes, more than the ${MAX_DRAWN_NODES.toLocaleString('en-US')} Graphviz draws in reasonable time: export it with -f dot or -f json instead`);
      }
      return renderSvg(visibleControls(dot()));
  }
}

interface Viz {
  renderString(dot: string, options: { format: 'svg' }): string;
}

/** Loaded only for `-f svg`: Graphviz in WebAssembly is large, and no other command needs it. */
async function renderSvg(dot: string): Promise<string> {
  // A variable specifier keeps the bundler from inlining it: it is a runtime dependency.
  const specifier = '@viz-js/viz';
  // In the CommonJS bundle, require (viz ships a CommonJS build): a dynamic import() from code
  // compiled out of V8's code cache (bin/compile-cache.cjs) finds no import callback on Node 20.
  const mod = (typeof require === 'function' ? require(specifier) : await import(specifier)) as { instance: () => Promise<Viz>; default?: { instance: () => Promise<Viz> } };
  const instance = mod.instance ?? mod.default?.instance;
  const viz = await instance!();
  const svg = viz.renderString(dot, { format: 'svg' });
  return svg.endsWith('\n') ? svg : svg + '\n';
}
