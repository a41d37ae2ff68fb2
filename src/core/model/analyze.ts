/**
 * One document's analysis: parse once, run the three recognizers, collect sources, and assemble
 * the argument model (DESIGN §1). Pure: other files are reached only through the workspace.
 */
import type { Root } from 'mdast';
import { isMap, parseDocument } from 'yaml';
import { LineIndex, type OffsetRange } from '../text/lineIndex.js';
import { parseMarkdown, type FrontMatter, type ParsedMarkdown } from '../parse/markdown.js';
import { extendConfig, validateConfigNode, type ConfigProblem, type ResolvedConfig } from '../config/config.js';
import { collectHeadings, type HeadingInfo } from '../recognizers/structure.js';
import { recognizeLabels } from '../recognizers/labels.js';
import { recognizeComments, type AttributeComment } from '../recognizers/comments.js';
import { checkAttributes, inferAttributes } from './attributes.js';
import { isPresetName, presetLayer } from '../config/presets.js';
import { recognizePandoc } from '../recognizers/pandoc.js';
import type { Tag } from '../recognizers/types.js';
import { scanSources, type SourceScan } from '../sources/collect.js';
import { kindContext, type KindContext } from '../sources/kinds.js';
import { formatOf, fromCsl, parseBibliography } from '../sources/bibliography.js';
import { findBibliography } from '../sources/bibliographyPath.js';
import { parseDirectives, type Directive } from '../directives.js';
import { relativeUri, resolveUri, type Workspace } from '../workspace.js';
import type { ArgNode, BibEntry, InternalLink, Relation, Source } from './types.js';

/** A problem found while analysing, before any rule runs; becomes a finding of a system rule. */
export interface AnalysisProblem {
  readonly ruleId: 'invalid-front-matter' | 'invalid-tag' | 'invalid-bibliography' | 'file-skipped' | 'invalid-config' | 'internal-error';
  readonly message: string;
  readonly range: OffsetRange;
  /** A `file-skipped` problem for part of the file only (nesting too deep): the rules still run. */
  readonly partial?: boolean;
}

export interface DocumentModel {
  readonly uri: string;
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly root: Root;
  readonly frontMatter: FrontMatter;
  readonly headings: readonly HeadingInfo[];
  readonly nodes: readonly ArgNode[];
  /** Every citation occurrence in the document, in order. */
  readonly sources: readonly Source[];
  readonly internalLinks: readonly InternalLink[];
  readonly scan: SourceScan;
  /** Every id a link can reach in this document: node ids, heading slugs, HTML anchors. */
  readonly ids: ReadonlyMap<string, { readonly range: OffsetRange; readonly node?: number }>;
  /** Ids declared twice: the second declaration and the first one. */
  readonly duplicateIds: readonly { readonly id: string; readonly range: OffsetRange; readonly first: OffsetRange }[];
  readonly directives: readonly Directive[];
  readonly problems: readonly AnalysisProblem[];
  readonly bibliography: ReadonlyMap<string, BibEntry>;
  /** Bibliography files named for this document (config and front matter), read or not. */
  readonly bibliographyFiles: readonly string[];
  /** Those that gave no entries (missing, unreadable, not a bibliography): keys cannot be checked against them. */
  readonly unreadableBibliographies: readonly string[];
  /** The config in force for this document: the host's, plus the front-matter `warrant:` layer. */
  readonly config: ResolvedConfig;
}

export interface AnalyzeInput {
  readonly uri: string;
  readonly text: string;
  readonly config: ResolvedConfig;
  readonly workspace: Workspace;
  readonly knownRules: ReadonlySet<string>;
  /** Bibliography cache shared across documents, keyed by URI; hosts may pass one. */
  readonly bibliographies?: BibliographyCache;
  /** This document's previous parse, for an incremental parse (the editor's last version). */
  readonly previous?: { readonly text: string; readonly root: Root };
}

export class BibliographyCache {
  private readonly cache = new Map<string, { text: string; entries: readonly BibEntry[]; problems: readonly string[] }>();
  /** `unreadable`: the file gave no entries at all, so no key can be checked against it. */
  load(uri: string, workspace: Workspace): { entries: readonly BibEntry[]; problems: readonly string[]; unreadable?: boolean } {
    const text = workspace.readText(uri);
    if (text === undefined) {
      const reason = workspace.unreadableReason?.(uri) ?? (workspace.exists(uri) ? 'cannot be read' : 'not found');
      const fix = reason === 'not found' ? 'fix the path (relative to the file that names it) or create it' : 'point `bibliography:` at a readable BibTeX, CSL-JSON or CSL-YAML file';
      return { entries: [], problems: [`bibliography file ${reason}: ${fix}`], unreadable: true };
    }
    const hit = this.cache.get(uri);
    if (hit && hit.text === text) return hit;
    const format = formatOf(uri);
    const parsed = format ? parseBibliography(text, format, uri) : { entries: [], problems: [{ message: 'unknown bibliography format: use .bib (BibTeX), .json (CSL-JSON) or .yaml (CSL-YAML)' }] };
    const value = { text, entries: parsed.entries, problems: parsed.problems.map((p) => p.message), ...(parsed.entries.length === 0 && parsed.problems.length > 0 ? { unreadable: true } : {}) };
    this.cache.set(uri, value);
    return value;
  }
}

const SYNTAX_PRIORITY: Readonly<Record<string, number>> = { comment: 3, pandoc: 2, label: 1, heuristic: 0 };

export function analyzeDocument(input: AnalyzeInput): DocumentModel {
  try {
    return analyzeOnce(input);
  } catch (error) {
    // A document can cost its own findings, never the host's run: analyse it again as an empty
    // document that carries one internal-error finding (the engine runs no rule on it).
    const message = String((error as Error)?.stack ?? error).split('\n').slice(0, 2).join(' ').slice(0, 300);
    return analyzeOnce(input, `Warrant failed on this document: ${message}; please report it`);
  }
}

function analyzeOnce(input: AnalyzeInput, failure?: string): DocumentModel {
  const { uri, text, workspace } = input;
  const lineIndex = new LineIndex(text);
  const parsed: ParsedMarkdown =
    failure === undefined
      ? parseMarkdown(text, { maxLength: input.config.maxFileSize }, input.previous)
      : { text, root: { type: 'root', children: [] }, frontMatter: { data: {}, keyRanges: {} }, problems: [] };
  const problems: AnalysisProblem[] = parsed.problems.map((p) => ({
    ruleId: p.code === 'invalid-front-matter' ? 'invalid-front-matter' : 'file-skipped',
    message: p.message,
    range: p.range,
    ...(p.code === 'too-deep' || p.code === 'emphasis-as-text' || p.code === 'lists-as-text' ? { partial: true } : {}),
  }));
  if (failure !== undefined) problems.push({ ruleId: 'internal-error', message: failure, range: { start: 0, end: 0 } });
  const root = parsed.root;
  const skipped = failure !== undefined || parsed.problems.some((p) => p.code === 'binary-file' || p.code === 'file-too-large' || p.code === 'too-nested');
  // A skipped file gets its one finding and nothing else: no config layer, no bibliography.
  const config = skipped ? input.config : frontMatterConfig(input, parsed.frontMatter, problems);

  // Bibliography: config files, then front-matter `bibliography:` and `references:`.
  const bibliography = new Map<string, BibEntry>();
  const cache = input.bibliographies ?? new BibliographyCache();
  const bibUris = skipped ? [] : [...config.bibliography];
  // Messages name a bibliography as it was written (`/etc/refs.bib`, `../refs.bib`), never rewritten.
  const written = new Map(bibUris.map((u, i) => [u, config.bibliographyAsWritten?.[i] ?? relativeUri(uri, u)]));
  const fmBib = parsed.frontMatter.data['bibliography'];
  const fmBibRange = parsed.frontMatter.keyRanges['bibliography'] ?? { start: 0, end: 0 };
  const lookedIn = new Map<string, readonly string[]>();
  for (const path of typeof fmBib === 'string' ? [fmBib] : Array.isArray(fmBib) ? fmBib.filter((p): p is string => typeof p === 'string') : []) {
    // Beside the document, else in the site's bibliography folders (Distill / al-folio posts).
    const found = findBibliography(uri, path, workspace, config.bibliographySearchPaths);
    if (found && !bibUris.includes(found.uri)) {
      bibUris.push(found.uri);
      written.set(found.uri, path);
      if (found.lookedIn) lookedIn.set(found.uri, found.lookedIn);
    }
  }
  const unreadableBibliographies: string[] = [];
  for (const bibUri of bibUris) {
    const loaded = cache.load(bibUri, workspace);
    for (const e of loaded.entries) if (!bibliography.has(e.key)) bibliography.set(e.key, e);
    if (loaded.unreadable) unreadableBibliographies.push(bibUri);
    // One finding per bibliography file, however many problems it has.
    let [first, ...more] = loaded.problems;
    const searched = lookedIn.get(bibUri);
    if (searched && first?.startsWith('bibliography file not found')) {
      const shown = searched.length > 8 ? [...searched.slice(0, 8), `and ${searched.length - 8} more`] : searched;
      first = `bibliography file not found beside this file or in the search paths (looked in these folders, relative to this file: ${shown.join(', ')}): fix the path, or add its folder to \`bibliography.searchPaths\` in .warrant.yaml`;
    }
    if (first !== undefined) {
      const rest = more.length ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'} in this file)` : '';
      problems.push({ ruleId: 'invalid-bibliography', message: `${written.get(bibUri)}: ${first}${rest}`, range: fmBibRange });
    }
  }
  const inline = skipped ? [] : [...config.references, ...(Array.isArray(parsed.frontMatter.data['references']) ? (parsed.frontMatter.data['references'] as unknown[]) : [])];
  if (inline.length) {
    const fromInline = fromCsl(inline, 'front matter');
    for (const e of fromInline.entries) if (!bibliography.has(e.key)) bibliography.set(e.key, e);
    for (const p of fromInline.problems) problems.push({ ruleId: 'invalid-bibliography', message: p.message, range: parsed.frontMatter.keyRanges['references'] ?? { start: 0, end: 0 } });
  }

  const headings = collectHeadings(root, text);
  const vocab = config.vocabulary;
  let tags: Tag[] = [];
  if (!skipped) {
    const comments = recognizeComments(root, text, headings, vocab);
    const pandoc = recognizePandoc(root, text, headings, vocab);
    const labels = recognizeLabels(root, text, headings, vocab);
    for (const p of [...comments.problems, ...pandoc.problems]) problems.push({ ruleId: 'invalid-tag', message: p.message, range: p.range });
    tags = attachAttributeComments(mergeTags([...comments.tags, ...pandoc.tags, ...labels]), comments.attributeComments, text, problems);
  }

  const scan = scanSources({ uri, text, root, bibliography, workspace, kinds: kindContextFor(config, parsed.frontMatter.data['site']) });
  const nodes = assemble(tags, scan, config);
  for (const node of nodes) for (const p of checkAttributes(node, config.attributes, vocab)) problems.push({ ruleId: 'invalid-tag', ...p });

  const ids = new Map<string, { range: OffsetRange; node?: number }>();
  const duplicateIds: { id: string; range: OffsetRange; first: OffsetRange }[] = [];
  // Explicit node ids first, so a heading slug never hides a duplicate explicit id.
  nodes.forEach((n, i) => {
    if (!n.id) return;
    const existing = ids.get(n.id);
    if (existing) duplicateIds.push({ id: n.id, range: n.tagRange, first: existing.range });
    else ids.set(n.id, { range: n.explicitId ? n.tagRange : n.selectionRange, node: i });
  });
  for (const h of headings) {
    const explicit = h.attributes?.tokens.find((t) => t.type === 'id');
    const id = explicit?.value ?? h.slug;
    const declared = explicit ? explicit.range : h.contentRange;
    const existing = ids.get(id);
    if (!existing) {
      ids.set(id, { range: h.contentRange });
      continue;
    }
    // The heading's own tag registered this id already: that is the same declaration.
    const owner = existing.node !== undefined ? nodes[existing.node] : undefined;
    if (owner && owner.block === 'heading' && owner.selectionRange.start === h.contentRange.start) continue;
    // Otherwise a node id and a heading id collide (or an explicit heading id repeats one): report the later one.
    if (declared.start > existing.range.start) duplicateIds.push({ id, range: declared, first: existing.range });
    else duplicateIds.push({ id, range: existing.range, first: declared });
  }
  for (const [id, range] of scan.htmlIds) if (!ids.has(id)) ids.set(id, { range });
  for (const label of scan.footnotes.keys()) if (!ids.has(`fn-${label}`)) ids.set(`fn-${label}`, { range: scan.footnotes.get(label)!.range });

  return {
    uri,
    text,
    lineIndex,
    root,
    frontMatter: parsed.frontMatter,
    headings,
    nodes,
    sources: scan.sources,
    internalLinks: scan.internalLinks,
    scan,
    ids,
    duplicateIds,
    directives: parseDirectives(root, lineIndex),
    problems,
    bibliography,
    bibliographyFiles: bibUris,
    unreadableBibliographies,
    config,
  };
}

const kindContexts = new WeakMap<ResolvedConfig, Map<string, KindContext>>();

/**
 * The source-kind tables for a document: the config's `sources.kinds` before the shipped table, and
 * its own site from the config's `sources.site` or the front matter's `site:` (the config wins).
 * Built once per config and site, not per document.
 */
function kindContextFor(config: ResolvedConfig, frontMatterSite: unknown): KindContext {
  const site = config.sources.site ?? (typeof frontMatterSite === 'string' && frontMatterSite.trim() ? frontMatterSite.trim() : undefined);
  let bySite = kindContexts.get(config);
  if (!bySite) kindContexts.set(config, (bySite = new Map()));
  let ctx = bySite.get(site ?? '');
  if (!ctx) bySite.set(site ?? '', (ctx = kindContext(config.sources.kinds, site)));
  return ctx;
}

/** The front-matter `warrant:` key is a config layer of its own, validated with positions. */
function frontMatterConfig(input: AnalyzeInput, frontMatter: FrontMatter, problems: AnalysisProblem[]): ResolvedConfig {
  if (!frontMatter.range || !('warrant' in frontMatter.data)) return input.config;
  const yamlText = input.text.slice(frontMatter.range.start, frontMatter.range.end);
  const doc = parseDocument(yamlText, { logLevel: 'error' });
  if (!isMap(doc.contents)) return input.config;
  const node = doc.contents.get('warrant', true);
  if (!node || typeof node !== 'object') return input.config;
  const configProblems: ConfigProblem[] = [];
  const layer = validateConfigNode(node as never, input.uri, input.knownRules, frontMatter.range.start, configProblems);
  for (const p of configProblems) problems.push({ ruleId: 'invalid-config', message: `Front matter \`warrant:\`: ${p.message}`, range: p.range });
  // A document may opt into a preset (`warrant: { extends: warrant:ai-risk }`); file paths are for `.warrant.yaml`.
  let base = input.config;
  for (const ext of layer.extends ?? []) {
    if (!isPresetName(ext.path)) continue;
    const preset = presetLayer(ext.path, input.knownRules);
    if ('error' in preset) problems.push({ ruleId: 'invalid-config', message: `Front matter \`warrant:\`: ${preset.error}`, range: ext.range });
    else base = extendConfig(base, preset.layer, resolveUri);
  }
  return extendConfig(base, layer, resolveUri);
}

/** One tag per span: a comment or Pandoc tag wins over a label on the same span; ids merge. */
function mergeTags(tags: Tag[]): Tag[] {
  const bySpan = new Map<string, Tag>();
  for (const tag of tags) {
    const key = `${tag.range.start}:${tag.range.end}`;
    const existing = bySpan.get(key);
    if (!existing) {
      bySpan.set(key, tag);
      continue;
    }
    const [winner, loser] = SYNTAX_PRIORITY[tag.syntax]! > SYNTAX_PRIORITY[existing.syntax]! ? [tag, existing] : [existing, tag];
    bySpan.set(key, {
      ...winner,
      ...(winner.explicitId || !loser.explicitId ? {} : { id: loser.id, explicitId: true }),
      relations: [...winner.relations, ...loser.relations],
      attributes: { ...loser.attributes, ...winner.attributes },
      attributeRanges: { ...loser.attributeRanges, ...winner.attributeRanges },
      // A label's text has the label stripped; the other syntaxes keep the block's whole text.
      text: (loser.syntax === 'label' ? loser.text : winner.text) || winner.text || loser.text,
    });
  }
  // Outer before inner: by start, then longest first.
  return [...bySpan.values()].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
}

/**
 * Give each attribute comment's attributes to the node it follows: the last tagged node whose
 * label, heading or sentence starts in the block before the comment (or the block it ends) and
 * before the comment, or the comment tag it directly follows. Its values win over the tag's own;
 * an `#id` names a node that had none.
 */
function attachAttributeComments(tags: Tag[], comments: readonly AttributeComment[], text: string, problems: AnalysisProblem[]): Tag[] {
  if (comments.length === 0) return tags;
  const out = [...tags];
  for (const c of comments) {
    let target = -1;
    out.forEach((t, i) => {
      const s = t.selectionRange.start;
      if (s >= c.within.start && s < Math.min(c.within.end, c.range.start) && (target < 0 || s > out[target]!.selectionRange.start)) target = i;
    });
    // `<!-- risk #x -->` then `<!-- adversary=skilled -->` on the next line: the comment tag's node.
    if (target < 0) target = out.findIndex((t) => t.syntax === 'comment' && t.tagRange.end <= c.range.start && !text.slice(t.tagRange.end, c.range.start).trim());
    if (target < 0) {
      problems.push({ ruleId: 'invalid-tag', message: 'Attribute comment follows no tagged block: put it right after a labelled paragraph, list item or heading (`Risk: …`), or give it a kind (`<!-- risk adversary=skilled -->`)', range: c.range });
      continue;
    }
    const t = out[target]!;
    out[target] = {
      ...t,
      ...(c.id && !t.explicitId ? { id: c.id.value, explicitId: true } : {}),
      attributes: { ...t.attributes, ...c.attributes },
      attributeRanges: { ...t.attributeRanges, ...c.attributeRanges },
      relations: [...t.relations, ...c.relations],
    };
  }
  return out;
}

function contains(outer: OffsetRange, inner: OffsetRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Give each tag its parent, sources and relations (DESIGN §1 "Scope"). */
function assemble(tags: readonly Tag[], scan: SourceScan, config: ResolvedConfig): ArgNode[] {
  const parents: (number | undefined)[] = tags.map(() => undefined);
  const stack: number[] = [];
  tags.forEach((tag, i) => {
    while (stack.length && !contains(tags[stack[stack.length - 1]!]!.range, tag.range)) stack.pop();
    parents[i] = stack.length ? stack[stack.length - 1] : undefined;
    stack.push(i);
  });
  // Innermost tag containing an offset: tags are sorted outer-first, so the last hit wins.
  const owner = (range: OffsetRange): number | undefined => {
    let found: number | undefined;
    for (let i = 0; i < tags.length; i++) {
      const r = tags[i]!.range;
      if (r.start > range.start) break;
      if (contains(r, range)) found = i;
    }
    return found;
  };
  const inZone = (range: OffsetRange): boolean => scan.definitionZones.some((z) => contains(z, range));
  const sources: Source[][] = tags.map(() => []);
  // Each target a literal, not `{ ...file, id }`: a spread then extended gets a hidden class of its own (see `typed` in sources/kinds.ts).
  const relations: Relation[][] = tags.map((t) => t.relations.map((r) => ({ type: r.type, target: r.file ? { file: r.file, id: r.id } : { id: r.id }, range: r.range, via: 'attribute' as const })));
  for (const source of scan.sources) {
    if (inZone(source.range)) continue;
    const i = owner(source.range);
    if (i !== undefined) sources[i]!.push(source);
  }
  for (const link of scan.internalLinks) {
    if (inZone(link.range)) continue;
    const i = owner(link.range);
    if (i !== undefined) relations[i]!.push({ type: 'relates', target: link.target, range: link.range, via: 'link' });
  }
  return tags.map((tag, i) => ({
    kind: tag.kind,
    ...(tag.id ? { id: tag.id } : {}),
    explicitId: tag.explicitId,
    syntax: tag.syntax,
    block: tag.block,
    text: tag.text.length > 500 ? tag.text.slice(0, 497) + '…' : tag.text,
    range: tag.range,
    selectionRange: tag.selectionRange,
    tagRange: tag.tagRange,
    attributes: tag.attributes,
    attributeRanges: tag.attributeRanges,
    inferred: inferAttributes(tag, config.attributes, config.vocabulary),
    sources: sources[i]!,
    relations: relations[i]!,
    ...(parents[i] !== undefined ? { parent: parents[i] } : {}),
  }));
}
