/**
 * Coexistence with VS Code's built-in Markdown validation (DESIGN §5, CONVENTIONS §19). With
 * `markdown.validate.enabled` on, VS Code reports `[@smith2020]` (and `[^1]`) as a shortcut
 * reference link without a definition, `link.no-such-reference`. Its `markdown.validate.ignoredLinks`
 * globs are not consulted for reference links (vscode-markdown-languageservice#152), so the one
 * setting that silences them is `markdown.validate.referenceLinks.enabled: "ignore"`; Warrant checks
 * citations itself (`unknown-citation-key`, `missing-footnote`). No popups: a quick fix on VS Code's
 * own diagnostic and a command, both of which write the workspace setting and say so in the status bar.
 */
import * as vscode from 'vscode';

export const CONFIGURE_MARKDOWN_VALIDATION_COMMAND = 'warrant.configureMarkdownValidation';
const NO_SUCH_REFERENCE = 'link.no-such-reference';
/** The flagged reference text: `@smith2020`, `-@smith2020` or `^1`. */
const CITATION_LIKE = /^(-?@|\^)/;

/** `Warrant: Let Warrant Check Citations`: stop VS Code reporting citations as missing link definitions. */
export async function letWarrantCheckCitations(): Promise<void> {
  // Workspace settings when a folder is open; with none, VS Code cannot write them, and the user asked.
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  await vscode.workspace
    .getConfiguration('markdown')
    .update('validate.referenceLinks.enabled', 'ignore', inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  vscode.window.setStatusBarMessage(
    `Warrant: VS Code's Markdown validation no longer checks reference links; Warrant checks citations (${inWorkspace ? 'workspace' : 'user'} settings)`,
    8000,
  );
}

class CitationLinkFix implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const flagged = context.diagnostics.filter((d) => codeOf(d) === NO_SUCH_REFERENCE && CITATION_LIKE.test(document.getText(d.range)));
    if (flagged.length === 0) return [];
    const title = 'Let Warrant check citations (stop reporting them as missing link definitions)';
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = flagged;
    action.command = { command: CONFIGURE_MARKDOWN_VALIDATION_COMMAND, title };
    return [action];
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * The command and the quick fix on VS Code's `link.no-such-reference` for citations and footnotes
 * (only Markdown documents: VS Code's validator does not run on Quarto's).
 */
export function registerMarkdownValidationFix(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CONFIGURE_MARKDOWN_VALIDATION_COMMAND, letWarrantCheckCitations),
    vscode.languages.registerCodeActionsProvider(
      { language: 'markdown' },
      new CitationLinkFix(),
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}
