/**
 * A rule: metadata beside one `check` function (markdownlint/remark-lint shape). Rules read the
 * analysed model and report; they never parse, and never touch the host.
 */
import type { OffsetRange } from './text/lineIndex.js';
import type { Severity, SeverityOrOff } from './findings.js';
import type { ResolvedConfig } from './config/config.js';
import type { ArgNode } from './model/types.js';
import type { DocumentModel } from './model/analyze.js';
import type { ArgumentGraph, NodeHandle } from './model/graph.js';
import type { SentenceEmbeddings } from './heuristics/index.js';

export interface RuleOption {
  readonly type: 'string' | 'number' | 'boolean';
  readonly default: unknown;
  readonly description: string;
  readonly enum?: readonly unknown[];
}

export interface RuleMeta {
  /** kebab-case id, stable forever: it is what users write in configs and comments. */
  readonly id: string;
  /** One line, for tables and `--help`. */
  readonly description: string;
  readonly defaultSeverity: SeverityOrOff;
  /** Groups that can be switched off together. */
  readonly tags: readonly string[];
  readonly options?: Readonly<Record<string, RuleOption>>;
}

export interface Report {
  readonly range: OffsetRange;
  readonly message: string;
  /** Related places, maybe in other documents: sources, defenses, the other duplicate. */
  readonly related?: readonly { readonly uri: string; readonly range: OffsetRange; readonly message: string }[];
  readonly data?: Readonly<Record<string, unknown>>;
  /**
   * The most this finding may weigh, whatever the rule's configured severity: a finding that
   * rests on an inferred value (`alignment-only-defense`) is at most `info`. Never raises it.
   */
  readonly maxSeverity?: Severity;
}

export interface RuleContext {
  readonly model: DocumentModel;
  readonly config: ResolvedConfig;
  readonly options: Readonly<Record<string, unknown>>;
  /** The argument graph around this document: edges resolved across the workspace. */
  readonly graph: ArgumentGraph;
  /** The handle of a node of this document, for graph queries. */
  handle(node: ArgNode): NodeHandle;
  /** Sentence embeddings the host has computed (the encoder stage), when it has loaded the encoder. */
  readonly embeddings?: SentenceEmbeddings;
  report(report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Docs URL of a rule: the page in the repository. */
export function docsUrl(id: string): string {
  return `https://github.com/warrant-dev/warrant/blob/main/docs/rules/${id}.md`;
}
