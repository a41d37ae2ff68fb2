/**
 * Warrant's engine, the one public face of `src/core`. Pure: no editor, no LSP, no file system;
 * hosts inject a `Workspace` and hand in text.
 *
 * ```ts
 * const engine = createEngine({ workspace });
 * const { findings, model } = engine.lint('file:///essay.md', text, config);
 * ```
 */
export { createEngine, defaultConfig, defaultRuleSettings, type Engine, type LintResult, type LintOptions } from './engine.js';
export { compareFindings, oneBasedSpan, SEVERITY_RANK, type Finding, type Severity, type SeverityOrOff, type RelatedInformation } from './findings.js';
export { LineIndex, type OffsetRange, type Position, type PositionRange } from './text/lineIndex.js';
export { visibleControls, escapeJsonControls, safeOutput } from './text/controls.js';
export { MemoryWorkspace, resolveUri, type Workspace } from './workspace.js';
export { baseConfig, closest, DEFAULT_BIBLIOGRAPHY_SEARCH_PATHS, DEFAULT_MAX_FILE_SIZE, extendConfig, parseConfigText, parseSeverity, type ConfigProblem, type ResolvedConfig, type RuleSetting, type UserConfig } from './config/config.js';
export { isPresetName, presetLayer, presetYaml, PRESET_NAMES } from './config/presets.js';
export type { AttributeDecl } from './config/config.js';
export { attributeValue, declaredOn, exportedAttributes } from './model/attributes.js';
export { BASE_KINDS, baseOf, type BaseKind, type Vocabulary } from './config/vocabulary.js';
export { analyzeDocument, type DocumentModel, type AnalysisProblem } from './model/analyze.js';
export { ArgumentGraph, type Edge, type NodeHandle, type Dangling } from './model/graph.js';
export { summarizeNode, describeSummary, type NodeSummary } from './model/status.js';
export type { ArgNode, AttributeRange, InferredAttribute, BibEntry, InternalLink, NodeRef, Relation, Source, SourceKind, SourceType, NodeKind, NodeBlock, TagSyntax } from './model/types.js';
export { formatEntry } from './sources/collect.js';
export { heuristicSentences, encoderCandidateTexts, encoderEnabled } from './model/sentences.js';
export type { HeuristicSentence, SentenceEmbeddings, EncoderModel } from './heuristics/index.js';
export { encoderCandidates } from './heuristics/index.js';
export { RULES, SYSTEM_RULES, RULE_IDS, allRuleMeta, ruleMeta } from './rules/index.js';
export { docsUrl, type Rule, type RuleMeta } from './rule.js';
export type { Directive } from './directives.js';
export { SOURCE_TYPES, sourceTypeLabel, typeLine, countTypes, describeTypes } from './sources/kinds.js';
