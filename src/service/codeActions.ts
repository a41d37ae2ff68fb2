/**
 * Quick fixes for Warrant's diagnostics: insert a citation from the bibliography (best title
 * match first), insert a visible "citation needed" placeholder, link an existing defense,
 * scaffold an objection + defense under a claim, add a risk's threat-model attributes, disable
 * the rule above the block or for the file, and show the rule's documentation.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { ArgNode } from '../core/model/types.js';
import type { DiagnosticData } from './diagnostics.js';
import { formatEntry, firstSentence, truncate } from './format.js';
import { relatedNodes } from './graph.js';
import { contains, nodeAt } from './locate.js';
import { OPEN_RULE_DOCS_COMMAND } from './protocol.js';
import { titleOverlap } from './rank.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

const MAX_CITATIONS = 5;
const MAX_DEFENSES = 5;
export const CITATION_NEEDED = '[citation needed]';

export function getCodeActions(doc: AnalyzedDocument, params: CodeActionParams, ctx: ServiceContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === 'warrant' && typeof d.code === 'string');
  const docsShown = new Set<string>();
  for (const diagnostic of ours) {
    const ruleId = String(diagnostic.code);
    const offset = startOffset(doc, diagnostic);
    const hit = nodeAt(doc, offset) ?? nodeContaining(doc, offset);
    const node = hit?.node;
    const claimLike = node && (doc.baseKindOf(node.kind) === 'claim' || doc.baseKindOf(node.kind) === 'risk');
    if (node && claimLike && (ruleId === 'unsupported-claim' || ruleId === 'unmitigated-risk' || ruleId === 'uncited-assertion')) {
      actions.push(...citationActions(doc, node, diagnostic));
      actions.push(placeholderAction(doc, node, diagnostic));
      actions.push(...defenseLinkActions(doc, node, hit!.index, diagnostic, ctx));
      actions.push(scaffoldAction(doc, node, diagnostic));
    } else if (ruleId === 'unrated-risk' && node) {
      const action = threatAttributesAction(doc, node, diagnostic, ctx);
      if (action) actions.push(action);
    } else if (ruleId === 'uncited-assertion' || ruleId === 'unsourced-evidence' || ruleId === 'weak-support') {
      actions.push(...citationActions(doc, node, diagnostic));
      actions.push(placeholderAtDiagnostic(doc, diagnostic));
    }
    if (ctx.settings.disableRuleComments) {
      actions.push(disableNextLineAction(doc, ruleId, node, diagnostic));
      actions.push(disableFileAction(doc, ruleId, diagnostic));
    }
    if (!docsShown.has(ruleId)) {
      docsShown.add(ruleId);
      const url = ctx.rules.get(ruleId)?.docsUrl;
      if (url) {
        actions.push({
          title: `Show documentation for ${ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `Show documentation for ${ruleId}`, command: OPEN_RULE_DOCS_COMMAND, arguments: [url] },
        });
      }
    }
  }
  return params.context.only ? actions.filter((a) => params.context.only!.some((k) => a.kind?.startsWith(k))) : actions;
}

function startOffset(doc: AnalyzedDocument, d: Diagnostic): number {
  const data = d.data as DiagnosticData | undefined;
  return typeof data?.start === 'number' && data.start <= doc.text.length ? data.start : doc.lineIndex.offsetAt(d.range.start);
}

function nodeContaining(doc: AnalyzedDocument, offset: number): { node: ArgNode; index: number } | undefined {
  let best: { node: ArgNode; index: number } | undefined;
  doc.model.nodes.forEach((node, index) => {
    if (contains(node.range, offset) && (!best || node.range.end - node.range.start < best.node.range.end - best.node.range.start)) best = { node, index };
  });
  return best;
}

/** Where a citation goes: the end of the claim's heading or first sentence, before trailing `**`/`:`/spaces. */
export function insertionOffset(doc: AnalyzedDocument, node: ArgNode | undefined, d: Diagnostic): number {
  let end = node ? node.selectionRange.end : doc.lineIndex.offsetAt(d.range.end);
  const line = doc.lineIndex.positionAt(end).line;
  const lineEnd = doc.lineIndex.lineEndOffset(line);
  // a heading's selection may stop before closing markup: move past `**`/`__`/`*`/`_` runs on the same line
  while (end < lineEnd && /[*_]/.test(doc.text[end]!)) end++;
  // and back before sentence punctuation, so the citation sits inside the sentence: `… brittle [@x].`
  let p = end;
  while (p > 0 && /\s/.test(doc.text[p - 1]!)) p--;
  if (p > 0 && /[.!?]/.test(doc.text[p - 1]!) && !/[*_]/.test(doc.text[p] ?? '')) return p - 1;
  return p;
}

function edit(doc: AnalyzedDocument, offset: number, newText: string): TextEdit {
  const pos = doc.lineIndex.positionAt(offset);
  return { range: { start: pos, end: pos }, newText };
}

function fix(title: string, doc: AnalyzedDocument, d: Diagnostic, edits: TextEdit[], preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: edits } }, ...(preferred ? { isPreferred: true } : {}) };
}

function citationActions(doc: AnalyzedDocument, node: ArgNode | undefined, d: Diagnostic): CodeAction[] {
  const text = node ? node.text : doc.text.slice(doc.lineIndex.offsetAt(d.range.start), doc.lineIndex.offsetAt(d.range.end));
  const ranked = [...doc.model.bibliography.values()]
    .map((e) => ({ e, score: titleOverlap(e.title ?? '', text) }))
    .sort((a, b) => b.score - a.score || a.e.key.localeCompare(b.e.key))
    .slice(0, MAX_CITATIONS);
  const at = insertionOffset(doc, node, d);
  return ranked.map(({ e, score }, i) =>
    fix(`Cite @${e.key}: ${truncate(formatEntry(e).replace(/[*\\]/g, ''), 60)}`, doc, d, [edit(doc, at, ` [@${e.key}]`)], i === 0 && score > 0),
  );
}

function placeholderAction(doc: AnalyzedDocument, node: ArgNode, d: Diagnostic): CodeAction {
  return fix(`Insert "${CITATION_NEEDED}" placeholder`, doc, d, [edit(doc, insertionOffset(doc, node, d), ` ${CITATION_NEEDED}`)]);
}

function placeholderAtDiagnostic(doc: AnalyzedDocument, d: Diagnostic): CodeAction {
  return fix(`Insert "${CITATION_NEEDED}" placeholder`, doc, d, [edit(doc, insertionOffset(doc, undefined, d), ` ${CITATION_NEEDED}`)]);
}

function defenseLinkActions(doc: AnalyzedDocument, node: ArgNode, index: number, d: Diagnostic, ctx: ServiceContext): CodeAction[] {
  const docs = [...ctx.index.all()];
  const already = new Set(relatedNodes(ctx.graph(), ctx.index, { doc, node, index }).map((n) => `${n.doc.uri}#${n.node.id}`));
  const out: CodeAction[] = [];
  const at = insertionOffset(doc, node, d);
  for (const other of docs) {
    for (const candidate of other.model.nodes) {
      if (out.length >= MAX_DEFENSES) return out;
      const base = other.baseKindOf(candidate.kind);
      if ((base !== 'defense' && base !== 'evidence') || !candidate.id || already.has(`${other.uri}#${candidate.id}`)) continue;
      const href = other.uri === doc.uri ? `#${candidate.id}` : `${relativePath(doc.uri, other.uri)}#${candidate.id}`;
      const label = base === 'defense' ? 'defense' : 'evidence';
      out.push(
        fix(`Link ${label} "${truncate(firstSentence(candidate.text), 50)}"`, doc, d, [edit(doc, at, ` ([see the ${label}](${href}))`)]),
      );
    }
  }
  return out;
}

function scaffoldAction(doc: AnalyzedDocument, node: ArgNode, d: Diagnostic): CodeAction {
  const base = node.id ?? 'claim';
  const attacks = node.id ? ` attacks=#${node.id}` : '';
  const heading = node.block === 'heading';
  // Under the claim: after a heading line, or after the claim's own block.
  const endLine = doc.lineIndex.positionAt(heading ? node.selectionRange.end : node.range.end).line;
  const at = doc.lineIndex.lineEndOffset(endLine);
  const block = [
    '',
    '',
    `<!-- objection #${base}-objection${attacks} -->`,
    `**Objection:** The strongest case against this claim.`,
    '',
    `<!-- defense #${base}-defense defends=#${base}-objection -->`,
    `**Defense:** Why the claim survives the objection.`,
  ].join('\n');
  return fix('Add an objection and a defense under this claim', doc, d, [edit(doc, at, block)]);
}

/**
 * `unrated-risk`: write the missing `adversary`/`harm` with the values the rule suggests (the
 * inferred one, else the document's most common): into the comment tag or the Pandoc braces,
 * or, for a label in prose, into its attribute comment or a new one at the end of its line.
 */
function threatAttributesAction(doc: AnalyzedDocument, node: ArgNode, d: Diagnostic, ctx: ServiceContext): CodeAction | undefined {
  const finding = (d.data as DiagnosticData | undefined)?.finding;
  const suggest = finding?.['suggest'];
  if (!suggest || typeof suggest !== 'object') return undefined;
  const chosen = Object.entries(suggest as Record<string, unknown>).filter(
    (e): e is [string, string] => /^[\w-]+$/.test(e[0]) && typeof e[1] === 'string' && /^[\w-]+$/.test(e[1]),
  );
  if (chosen.length === 0) return undefined;
  const attrs = chosen.map(([k, v]) => `${k}=${v}`).join(' ');
  // With snippet edits, each value is a choice (the suggested one first) to tab through.
  const declared = ctx.graph().model(doc.uri)?.config.attributes ?? {};
  const choices = chosen
    .map(([k, v], i) => {
      const values = [v, ...(declared[k]?.values ?? []).filter((x) => x !== v && /^[\w-]+$/.test(x))];
      return `${k}=\${${i + 1}|${values.join(',')}|}`;
    })
    .join(' ');
  const beforeClose = (close: number): number => {
    let p = close;
    while (p > 0 && /[ \t]/.test(doc.text[p - 1]!)) p--;
    return p;
  };
  let at: number | undefined;
  let comment = false;
  const written = Object.values(node.attributeRanges)[0];
  if (node.syntax === 'comment') at = beforeClose(node.tagRange.end - 3);
  else if (node.syntax === 'pandoc') {
    const brace = doc.text.lastIndexOf('}', node.tagRange.end);
    if (brace >= node.tagRange.start) at = beforeClose(brace);
  } else if (written) {
    // A label with an attribute comment already: add to it.
    const close = doc.text.indexOf('-->', written.value.end);
    if (close >= 0) at = beforeClose(close);
  } else if (node.syntax === 'label') {
    // A label: an attribute-only comment at the end of the label's line stays in its block.
    at = doc.lineIndex.lineEndOffset(doc.lineIndex.positionAt(node.selectionRange.end).line);
    comment = true;
  }
  if (at === undefined) return undefined;
  const wrap = (s: string): string => (comment ? ` <!-- ${s} -->` : ` ${s}`);
  const title = `Add the threat-model attributes (${attrs})`;
  if (!ctx.settings.snippetEdits) return fix(title, doc, d, [edit(doc, at, wrap(attrs))], true);
  const pos = doc.lineIndex.positionAt(at);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    edit: {
      documentChanges: [
        { textDocument: { uri: doc.uri, version: doc.version >= 0 ? doc.version : null }, edits: [{ range: { start: pos, end: pos }, snippet: { kind: 'snippet', value: wrap(choices) } }] },
      ],
    },
  };
}

function disableNextLineAction(doc: AnalyzedDocument, ruleId: string, node: ArgNode | undefined, d: Diagnostic): CodeAction {
  // Above the block, which is safe in Markdown (an end-of-line comment could land in a code span).
  const line = d.range.start.line;
  const lineStart = doc.lineIndex.lineStartOffset(line);
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, doc.lineIndex.lineEndOffset(line)))![0];
  void node;
  return fix(`Disable ${ruleId} for this line`, doc, d, [edit(doc, lineStart, `${indent}<!-- warrant-disable-next-line ${ruleId} -->\n`)]);
}

function disableFileAction(doc: AnalyzedDocument, ruleId: string, d: Diagnostic): CodeAction {
  let at = 0;
  const fm = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(doc.text);
  if (fm) at = fm[0].length;
  return fix(`Disable ${ruleId} for this file`, doc, d, [edit(doc, at, `<!-- warrant-disable-file ${ruleId} -->\n`)]);
}

function relativePath(fromUri: string, toUri: string): string {
  const from = fromUri.split('/').slice(0, -1);
  const to = toUri.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}
