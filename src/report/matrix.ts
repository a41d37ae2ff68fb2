/**
 * The threat-coverage matrix as a report section, when the AI-risk preset is in force for any of
 * the files: core's `threatMatrix` (what `warrant matrix` prints), one row per risk.
 */
import { threatMatrix } from '../core/export/matrix.js';
import type { DocumentModel } from '../core/index.js';
import type { ReportSection, SectionProvider } from './section.js';

export const AI_RISK_PRESET = 'warrant:ai-risk';

export const threatMatrixSection: SectionProvider = (input): ReportSection | undefined => {
  // Only the files the preset is in force for: an essay without it has no adversaries or layers.
  const models = input.files.map((f) => input.graph.model(f.uri)).filter((m): m is DocumentModel => m !== undefined && m.config.presets.includes(AI_RISK_PRESET));
  if (models.length === 0) return undefined;
  const nameOf = (uri: string): string => input.files.find((f) => f.uri === uri)?.name ?? input.name(uri);
  const m = threatMatrix(input.graph, models, nameOf);
  const rating = (value: string | null, inferred: string | undefined): string => (value === null ? '—' : inferred !== undefined ? `${value} (inferred from "${inferred}")` : value);
  return {
    id: 'threat-matrix',
    title: `Threat coverage (${m.risks.length} risk${m.risks.length === 1 ? '' : 's'})`,
    intro: 'Which defenses cover which risks, at which layer, against which adversary (the AI-risk preset). "Model only" marks a skilled or well-resourced adversary met by model alignment alone.',
    columns: ['Risk', 'Where', 'Adversary', 'Harm', 'Severity', 'Domain', ...m.layers.map((l) => `Defenses: ${l}`), 'Model only'],
    rows: m.risks.map((r) => [
      r.id ? `#${r.id}: ${r.text}` : r.text,
      `${r.file}:${r.line}`,
      rating(r.adversary, r.inferred['adversary']),
      rating(r.harm, r.inferred['harm']),
      rating(r.severity, r.inferred['severity']),
      rating(r.domain, r.inferred['domain']),
      ...m.layers.map((l) => (r.defenses[l] ?? []).join(', ') || '—'),
      r.onlyModel ? '⚠ yes' : 'no',
    ]),
  };
};
