/**
 * The LSP features: each handler looks up the document and calls the service, in a line or two.
 * `FeatureContext` is the looking up: settings, the document's lint result, and the index the
 * service may look across.
 */
import { ResponseError, type Connection } from 'vscode-languageserver';
import { getArgumentMap } from '../service/argumentMap.js';
import { getCodeActions } from '../service/codeActions.js';
import { getCodeLenses } from '../service/codeLens.js';
import { getCompletions } from '../service/completion.js';
import { getDefinition } from '../service/definition.js';
import { getHover } from '../service/hover.js';
import { ARGUMENT_MAP, CONFIG_TEMPLATE, LINT_WORKSPACE, LIST_RULES, REPORT, THREAT_MATRIX, type ArgumentMapParams, type ReportParams, type ThreatMatrixParams } from '../service/protocol.js';
import { getReferences } from '../service/references.js';
import { prepareRename, rename } from '../service/rename.js';
import { getReport } from '../service/report.js';
import { getThreatMatrix } from '../service/threatMatrix.js';
import type { AnalyzedDocument, RuleMeta, ServiceContext } from '../service/types.js';
import { getWorkspaceSymbols } from '../service/workspaceSymbols.js';
import type { Analyzer } from './analyzer.js';
import type { DocumentStore } from './documentStore.js';
import type { DiagnosticsPublisher } from './publisher.js';
import type { ServerSettings, SettingsStore } from './settings.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

export interface FeatureHost {
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  readonly index: WorkspaceIndex;
  readonly publisher: DiagnosticsPublisher;
  analyzer(): Analyzer;
  rules(): ReadonlyMap<string, RuleMeta>;
  folders(): readonly string[];
  snippetEdits(): boolean;
  log(message: string): void;
}

type Context = { readonly settings: ServerSettings; readonly ctx: ServiceContext };

export class FeatureContext {
  constructor(private readonly host: FeatureHost) {}

  /** Settings and the service context; `whole`: after the workspace index is complete (symbols, maps, reports). */
  async context(uri: string | undefined, whole = false): Promise<Context> {
    const { host } = this;
    const settings = await host.settings.get(uri);
    if (whole) await host.index.complete(settings);
    else if (uri) await host.index.prepare(uri, settings);
    else await host.index.files(settings);
    const features = { severityOverrides: settings.severityOverrides, disableRuleComments: settings.disableRuleComments, snippetEdits: host.snippetEdits() };
    return { settings, ctx: { index: host.index.documentIndex(settings), graph: () => host.analyzer().graph(), rules: host.rules(), settings: features } };
  }

  /** Look up the document, call the service; a service that throws answers `null`, never kills the server. */
  async withDocument<T>(uri: string, fn: (doc: AnalyzedDocument, ctx: ServiceContext, settings: ServerSettings) => T): Promise<T | null> {
    if (!this.host.documents.get(uri)) return null;
    const { settings, ctx } = await this.context(uri);
    const doc = settings.enable && this.host.documents.get(uri) ? ctx.index.get(uri) : undefined;
    if (!doc) return null;
    try {
      return fn(doc, ctx, settings);
    } catch (e) {
      this.host.log(`warrant: ${(e as Error).stack ?? e}`);
      if (e instanceof ResponseError) throw e;
      return null;
    }
  }

  /** A request over the whole workspace: the answer when Warrant is disabled, or the service's. */
  async whole<T>(uri: string | undefined, disabled: T, fn: (ctx: ServiceContext, settings: ServerSettings) => T): Promise<T> {
    const { settings, ctx } = await this.context(uri, true);
    return settings.enable ? fn(ctx, settings) : disabled;
  }
}

const EMPTY_LAYERS = ['model', 'product', 'ecosystem', 'unrated'];

export function registerFeatures(connection: Connection, f: FeatureContext, host: FeatureHost): void {
  connection.onHover((p) => f.withDocument(p.textDocument.uri, (doc, ctx) => getHover(doc, p.position, ctx)));
  connection.onCompletion((p) => f.withDocument(p.textDocument.uri, (doc, ctx) => getCompletions(doc, p.position, ctx)));
  connection.onDefinition((p) => f.withDocument(p.textDocument.uri, (doc, ctx) => getDefinition(doc, p.position, ctx)));
  connection.onReferences((p) => f.withDocument(p.textDocument.uri, (doc, ctx) => getReferences(doc, p.position, p.context.includeDeclaration, ctx)));
  connection.onPrepareRename((p) => f.withDocument(p.textDocument.uri, (doc, ctx) => prepareRename(doc, p.position, ctx)));
  connection.onRenameRequest((p) => f.withDocument(p.textDocument.uri, (doc, ctx) => rename(doc, p.position, p.newName, ctx)));
  connection.onCodeLens((p) => f.withDocument(p.textDocument.uri, (doc, ctx, settings) => (settings.codeLens ? getCodeLenses(doc, ctx) : [])));
  connection.onCodeAction((p) => f.withDocument(p.textDocument.uri, (doc, ctx) => getCodeActions(doc, p, ctx)));
  connection.onWorkspaceSymbol((p) => f.whole(undefined, [], (ctx) => getWorkspaceSymbols(p.query, ctx)));

  connection.onRequest(LIST_RULES, () => [...host.rules().values()]);
  connection.onRequest(CONFIG_TEMPLATE, () => host.analyzer().configTemplate());
  connection.onRequest(ARGUMENT_MAP, (p: ArgumentMapParams | undefined) =>
    f.whole(p?.uri, { nodes: [], edges: [], dot: 'digraph warrant {\n}\n' }, (ctx) => getArgumentMap(ctx, p ?? {}, host.folders())),
  );
  connection.onRequest(REPORT, (p: ReportParams | undefined) => f.whole(p?.uri, null, (ctx) => getReport(ctx, p ?? {}, host.folders())));
  connection.onRequest(THREAT_MATRIX, (p: ThreatMatrixParams | undefined) => {
    const matrix = { version: 1 as const, layers: EMPTY_LAYERS, risks: [], defenses: [] };
    const disabled = { matrix, byAdversary: { version: 1 as const, by: 'adversary' as const, layers: EMPTY_LAYERS, rows: [] }, locations: {} };
    return f.whole(p?.uri, disabled, (ctx) => getThreatMatrix(ctx, p ?? {}, host.folders()));
  });
  connection.onRequest(LINT_WORKSPACE, async () => {
    host.index.resetFiles();
    const { settings, ctx } = await f.context(undefined, true);
    return host.publisher.lintWorkspace(ctx, settings);
  });
}
