/**
 * Warrant's custom LSP messages, shared by the server and the VS Code client. Plain method names
 * and payload types, so neither side depends on the other's library.
 */

/** `warrant/lintWorkspace`: lint every Markdown file in the workspace; results are pushed as diagnostics. */
export const LINT_WORKSPACE = 'warrant/lintWorkspace';
export interface LintWorkspaceResult {
  readonly files: number;
  readonly findings: number;
  readonly unsupportedClaims: number;
}

/** `warrant/rules`: every rule with its docs URL (for the "open rule docs" command). */
export const LIST_RULES = 'warrant/rules';
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: string;
  readonly docsUrl: string;
}

/** `warrant/configTemplate`: the commented `.warrant.yaml` that `warrant init` writes. */
export const CONFIG_TEMPLATE = 'warrant/configTemplate';

/** Command the code lens and the "Show documentation" quick fix run; handled by the client. */
export const OPEN_RULE_DOCS_COMMAND = 'warrant.openRuleDocs';
/** Command a code lens runs to list a claim's sources and defenses (the client opens a peek). */
export const SHOW_REFERENCES_COMMAND = 'warrant.showReferences';
