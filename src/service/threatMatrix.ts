/**
 * `warrant/threatMatrix`: the threat-coverage matrix for the editor's *Show Threat Coverage*.
 * Everything comes from core (`core/export/matrix.ts`, what `warrant matrix` prints); this file
 * names files, and turns each risk's and defense's place into an LSP range for "reveal".
 */
import { summarizeMatrix, threatMatrix } from '../core/export/matrix.js';
import type { DocumentModel } from '../core/model/analyze.js';
import type { NodeHandle } from '../core/model/graph.js';
import { displayName } from './argumentMap.js';
import type { ArgumentMapRange, ThreatMatrixParams, ThreatMatrixResult } from './protocol.js';
import type { ServiceContext } from './types.js';

export function getThreatMatrix(ctx: ServiceContext, params: ThreatMatrixParams, folders: readonly string[]): ThreatMatrixResult {
  // The whole workspace first: a defense in a file nobody opened still covers a risk.
  const all = [...ctx.index.all()];
  const docs = params.uri === undefined ? all : [ctx.index.get(params.uri)].filter((d) => d !== undefined);
  const graph = ctx.graph();
  const models = docs.map((d) => graph.model(d.uri)).filter((m): m is DocumentModel => m !== undefined);
  const handles = new Map<string, NodeHandle>();
  const matrix = threatMatrix(graph, models, (uri) => displayName(uri, folders), handles);
  const locations: Record<string, { uri: string; range: ArgumentMapRange }> = {};
  for (const [key, h] of handles) {
    const model = graph.model(h.uri);
    const node = model?.nodes[h.index];
    if (model && node) locations[key] = { uri: h.uri, range: model.lineIndex.toRange(node.selectionRange) as ArgumentMapRange };
  }
  const byAdversary = summarizeMatrix(matrix, 'adversary', models[0]?.config.attributes['adversary']?.values);
  return { matrix, byAdversary, locations };
}
