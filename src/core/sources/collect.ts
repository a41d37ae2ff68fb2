/**
 * Every citation occurrence and internal link in a document (DESIGN §1, "Sources"), found once
 * per document version. Internal links (`#id`, `file.md#id`) are relations, never citations.
 */
import type { Definition, FootnoteDefinition, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { OffsetRange } from '../text/lineIndex.js';
import type { BibEntry, InternalLink, Source } from '../model/types.js';
import { resolveUri, type Workspace } from '../workspace.js';
import { end, start } from '../recognizers/structure.js';
import { isUnsafeUrl } from './urls.js';
import { findBareUrls } from './bareUrls.js';
import { scanNumberedReferences } from './numbered.js';
import { classifySources, kindContext, type KindContext, type ScannedSource } from './kinds.js';

export interface SourceScan {
  readonly sources: readonly Source[];
  readonly internalLinks: readonly InternalLink[];
  /** `[^9]` written with no `[^9]:` definition. */
  readonly missingFootnotes: readonly { readonly label: string; readonly range: OffsetRange }[];
  /** Footnote definitions (GFM and Substack-style): their links belong to the footnote, not to the surrounding section. */
  readonly definitionZones: readonly OffsetRange[];
  /** Ids declared by HTML anchors: `<a id="x">`, `<a name="x">`, `<span id="x">`. */
  readonly htmlIds: ReadonlyMap<string, OffsetRange>;
  /** GFM footnote labels defined, with their ranges, for hovers and references. */
  readonly footnotes: ReadonlyMap<string, { readonly range: OffsetRange; readonly text: string; readonly url?: string }>;
  /** Numbered reference lists the text cites (`[1]` → `1. Author, Title`), first entry to last: not prose. */
  readonly referenceLists: readonly OffsetRange[];
}

export interface ScanContext {
  readonly uri: string;
  readonly text: string;
  readonly root: Root;
  readonly bibliography: ReadonlyMap<string, BibEntry>;
  readonly workspace: Workspace;
  /** The tables and the document's own site that give each source its type (default: the shipped table, no site). */
  readonly kinds?: KindContext;
}

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd|mkdn|mdwn|qmd|mdx)$/i;
const EXTERNAL = /^(https?|ftp):\/\//i;
const SUBSTACK_REF = /#footnote-(\d+)(?:-|$)/;
const SUBSTACK_DEF = /#footnote-anchor-(\d+)(?:-|$)/;
const CITATION_GROUP = /\[([^[\]]*?-?@[^[\]]*)\](?!\()/g;
const CITATION_KEY = /(-?)@(?:\{([^{}]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?))/gu;
const IN_TEXT_KEY = /(^|[\s(;])@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)/gu;
const FOOTNOTE_CALL = /\[\^([^\]\s]+)\](?!:)/g;
const DOI = /\b(?:doi:\s?)?(10\.\d{4,9}\/[^\s"'<>\]]+)/gi;
const ARXIV = /\barXiv:\s?((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/gi;
const A_HREF = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const HTML_ID = /<(?:a|span|div|section|p|h[1-6])\b[^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const D_CITE = /<d-cite\b[^>]*?\bkey\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

export function scanSources(ctx: ScanContext): SourceScan {
  const { text, root } = ctx;
  const sources: ScannedSource[] = [];
  const internalLinks: InternalLink[] = [];
  const missingFootnotes: { label: string; range: OffsetRange }[] = [];
  const definitionZones: OffsetRange[] = [];
  const htmlIds = new Map<string, OffsetRange>();
  const definitions = new Map<string, Definition>();
  const footnoteDefs = new Map<string, FootnoteDefinition>();

  const collectDefinitions = (node: Nodes): void => {
    if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node);
    if (node.type === 'footnoteDefinition') {
      footnoteDefs.set(node.identifier.toLowerCase(), node);
      definitionZones.push({ start: start(node), end: end(node) });
    }
    if ('children' in node) for (const c of node.children as Nodes[]) collectDefinitions(c);
  };
  collectDefinitions(root);

  const footnotes = new Map<string, { range: OffsetRange; text: string; url?: string }>();
  for (const [label, def] of footnoteDefs) {
    const url = firstUrl(def, text);
    footnotes.set(label, { range: { start: start(def), end: end(def) }, text: toString(def).trim(), ...(url ? { url } : {}) });
  }
  const substack = substackDefinitions(root);
  definitionZones.push(...[...substack.values()].map((d) => d.zone));

  const classifyUrl = (url: string, range: OffsetRange, linkText: string, title?: string): void => {
    if (url.startsWith('#')) {
      internalLinks.push({ target: { id: decodeSafe(url.slice(1)) }, range, text: linkText });
      return;
    }
    const substackRef = /^\d+$/.test(linkText.trim()) ? SUBSTACK_REF.exec(url) : null;
    if (substackRef && !SUBSTACK_DEF.test(url)) {
      const def = substack.get(substackRef[1]!);
      sources.push({
        kind: 'footnote',
        range,
        key: substackRef[1]!,
        url,
        ...(def ? { text: def.text, definitionRange: def.zone } : {}),
      });
      return;
    }
    if (SUBSTACK_DEF.test(url) && /^\d+$/.test(linkText.trim())) return;
    if (EXTERNAL.test(url) || url.startsWith('//')) {
      sources.push({ kind: 'link', range, url, text: linkText || title || url });
      return;
    }
    if (/^(mailto|tel):/i.test(url) || isUnsafeUrl(url)) return;
    if (/^doi:/i.test(url)) {
      sources.push({ kind: 'doi', range, url: `https://doi.org/${url.slice(4).trim()}`, key: url.slice(4).trim(), text: linkText });
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      sources.push({ kind: 'link', range, url, text: linkText || url });
      return;
    }
    const hash = url.indexOf('#');
    const path = decodeSafe(hash >= 0 ? url.slice(0, hash) : url);
    if (hash >= 0 && MARKDOWN_FILE.test(path)) {
      internalLinks.push({ target: { file: path, id: decodeSafe(url.slice(hash + 1)) }, range, text: linkText });
      return;
    }
    if (path.startsWith('/')) {
      // Site-relative links point at other pages of the published site: a source we cannot open.
      sources.push({ kind: 'link', range, url, text: linkText || url });
      return;
    }
    const resolved = resolveUri(ctx.uri, path);
    if (resolved && ctx.workspace.exists(resolved)) {
      sources.push({ kind: 'file', range, url: resolved, text: linkText || path });
    }
  };

  const citationsIn = (raw: string, base: number, inLink: boolean): void => {
    if (inLink) return;
    const bracketed: OffsetRange[] = [];
    CITATION_GROUP.lastIndex = 0;
    let g: RegExpExecArray | null;
    while ((g = CITATION_GROUP.exec(raw))) {
      // `\[@key]` is escaped on purpose: literal text, not a citation.
      if (raw[g.index - 1] === '\\') continue;
      const groupStart = base + g.index;
      bracketed.push({ start: groupStart, end: groupStart + g[0].length });
      const inner = g[1]!;
      for (const part of splitParts(inner)) {
        CITATION_KEY.lastIndex = 0;
        const k = CITATION_KEY.exec(part.text);
        if (!k) continue;
        // A key must start the part or follow a space (so `a@b.c` e-mails are not citations).
        const before = part.text[k.index - 1];
        if (before !== undefined && !/[\s\[]/.test(before)) continue;
        const key = k[2] ?? k[3]!;
        const keyStart = groupStart + 1 + part.offset + k.index + k[1]!.length;
        const locator = part.text.slice(k.index + k[0].length).replace(/^\s*,?\s*/, '').trim();
        sources.push(citation(key, { start: keyStart, end: keyStart + 1 + (k[2] ? key.length + 2 : key.length) }, locator, ctx.bibliography));
      }
    }
    IN_TEXT_KEY.lastIndex = 0;
    let t: RegExpExecArray | null;
    let b = 0; // groups and keys both come in order: one pass, not a search per key
    while ((t = IN_TEXT_KEY.exec(raw))) {
      const keyStart = base + t.index + t[1]!.length;
      while (b < bracketed.length && bracketed[b]!.end <= keyStart) b++;
      if (b < bracketed.length && keyStart >= bracketed[b]!.start) continue;
      const key = t[2]!;
      // A bare `@word` no bibliography holds is a handle (`as @someone said`), plain text.
      if (!ctx.bibliography.has(key)) continue;
      sources.push({ ...citation(key, { start: keyStart, end: keyStart + 1 + key.length }, '', ctx.bibliography), inText: true });
    }
    FOOTNOTE_CALL.lastIndex = 0;
    let f: RegExpExecArray | null;
    while ((f = FOOTNOTE_CALL.exec(raw))) {
      if (raw[f.index - 1] === '\\') continue;
      const label = f[1]!.toLowerCase();
      if (!footnoteDefs.has(label)) missingFootnotes.push({ label: f[1]!, range: { start: base + f.index, end: base + f.index + f[0].length } });
    }
    DOI.lastIndex = 0;
    let d: RegExpExecArray | null;
    while ((d = DOI.exec(raw))) {
      const doi = d[1]!.replace(/[.,;:)]+$/, '');
      const s = base + d.index;
      sources.push({ kind: 'doi', range: { start: s, end: s + d[0].length - (d[1]!.length - doi.length) }, key: doi, url: `https://doi.org/${doi}`, text: doi });
    }
    ARXIV.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ARXIV.exec(raw))) {
      const s = base + a.index;
      sources.push({ kind: 'arxiv', range: { start: s, end: s + a[0].length }, key: a[1]!, url: `https://arxiv.org/abs/${a[1]}`, text: a[0] });
    }
  };

  const visit = (node: Nodes, inLink: boolean): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'yaml':
      case 'definition':
        return;
      case 'link':
        classifyUrl(node.url, { start: start(node), end: end(node) }, toString(node), node.title ?? undefined);
        for (const c of node.children) visit(c, true);
        return;
      case 'linkReference': {
        const def = definitions.get(node.identifier.toLowerCase());
        if (def) classifyUrl(def.url, { start: start(node), end: end(node) }, toString(node), def.title ?? undefined);
        for (const c of node.children) visit(c, true);
        return;
      }
      case 'footnoteReference': {
        const label = node.identifier.toLowerCase();
        const def = footnotes.get(label);
        sources.push({
          kind: 'footnote',
          range: { start: start(node), end: end(node) },
          key: node.label ?? node.identifier,
          ...(def ? { text: def.text, definitionRange: def.range, ...(def.url ? { url: def.url } : {}) } : {}),
        });
        return;
      }
      case 'html':
        scanHtml(node.value, start(node));
        return;
      case 'text': {
        const s = start(node);
        if (inLink) return;
        // Bare URLs are links (GFM autolink literals); their text holds no citations.
        let at = s;
        for (const u of findBareUrls(text, s, end(node))) {
          citationsIn(text.slice(at, u.start), at, false);
          classifyUrl(u.url, { start: u.start, end: u.end }, text.slice(u.start, u.end));
          at = u.end;
        }
        citationsIn(text.slice(at, end(node)), at, false);
        return;
      }
      default:
        if ('children' in node) for (const c of node.children as Nodes[]) visit(c, inLink);
    }
  };

  const scanHtml = (html: string, base: number): void => {
    A_HREF.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = A_HREF.exec(html))) {
      const url = (m[1] ?? m[2] ?? '').trim();
      const tagEnd = html.indexOf('>', m.index);
      const close = html.indexOf('</a>', tagEnd);
      const inner = close > tagEnd ? html.slice(tagEnd + 1, close).replace(/<[^>]*>/g, '').trim() : '';
      classifyUrl(url, { start: base + m.index, end: base + (tagEnd >= 0 ? tagEnd + 1 : m.index + m[0].length) }, inner);
    }
    HTML_ID.lastIndex = 0;
    while ((m = HTML_ID.exec(html))) {
      const id = m[1] ?? m[2] ?? '';
      if (id) htmlIds.set(id, { start: base + m.index, end: base + m.index + m[0].length });
    }
    D_CITE.lastIndex = 0;
    while ((m = D_CITE.exec(html))) {
      const keys = (m[1] ?? m[2] ?? '').split(',');
      const range = { start: base + m.index, end: base + m.index + m[0].length };
      for (const raw of keys) {
        const key = raw.trim();
        if (!key) continue;
        const entry = ctx.bibliography.get(key);
        sources.push({ kind: 'dcite', range, key, ...(entry ? { entry, text: formatEntry(entry) } : {}) });
      }
    }
  };

  visit(root, false);
  const numbered = scanNumberedReferences(root, text);
  sources.push(...numbered.sources);
  definitionZones.push(...numbered.lists);
  sources.sort((a, b) => a.range.start - b.range.start);
  return { sources: classifySources(sources, ctx.kinds ?? kindContext({}, undefined)), internalLinks, missingFootnotes, definitionZones, htmlIds, footnotes, referenceLists: numbered.lists };
}

function citation(key: string, range: OffsetRange, locator: string, bibliography: ReadonlyMap<string, BibEntry>): ScannedSource {
  const entry = bibliography.get(key);
  return { kind: 'citation', range, key, ...(locator ? { locator } : {}), ...(entry ? { entry, text: formatEntry(entry), ...(entry.url || entry.doi ? { url: entry.url ?? `https://doi.org/${entry.doi}` } : {}) } : {}) };
}

/** `Gustafsson & Torpman (2014). In defence of …. Pacific Philosophical Quarterly.` */
export function formatEntry(entry: BibEntry): string {
  const authors = entry.authors.length > 2 ? `${entry.authors[0]} et al.` : entry.authors.join(' & ');
  const parts = [
    [authors, entry.year ? `(${entry.year})` : ''].filter(Boolean).join(' '),
    entry.title,
    entry.container,
  ].filter((p): p is string => !!p && p.trim().length > 0);
  return parts.join('. ') || entry.key;
}

function splitParts(inner: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const piece of inner.split(';')) {
    parts.push({ text: piece, offset });
    offset += piece.length + 1;
  }
  return parts;
}

function firstUrl(node: Nodes, text: string): string | undefined {
  if (node.type === 'link' && EXTERNAL.test(node.url)) return node.url;
  if (node.type === 'text') return findBareUrls(text, start(node), end(node)).find((u) => EXTERNAL.test(u.url))?.url;
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode' || node.type === 'code') return undefined;
  if ('children' in node) for (const c of node.children as Nodes[]) {
    const u = firstUrl(c, text);
    if (u) return u;
  }
  return undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Substack exports footnotes as a paragraph holding only `[1](…#footnote-anchor-1-…)`, followed by
 * the footnote's paragraphs. Returns each footnote's number → its zone and text.
 */
function substackDefinitions(root: Root): Map<string, { zone: OffsetRange; text: string }> {
  const defs = new Map<string, { zone: OffsetRange; text: string }>();
  const blocks = root.children;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type !== 'paragraph' || b.children.length !== 1 || b.children[0]!.type !== 'link') continue;
    const link = b.children[0]!;
    const m = SUBSTACK_DEF.exec(link.url);
    if (!m || toString(link).trim() !== m[1]) continue;
    let j = i + 1;
    const parts: string[] = [];
    let zoneEnd = end(b);
    while (j < blocks.length) {
      const n = blocks[j]!;
      if (n.type === 'heading') break;
      if (n.type === 'paragraph' && n.children.length === 1 && n.children[0]!.type === 'link' && SUBSTACK_DEF.test(n.children[0]!.url)) break;
      parts.push(toString(n));
      zoneEnd = end(n);
      j++;
    }
    defs.set(m[1]!, { zone: { start: start(b), end: zoneEnd }, text: parts.join(' ').replace(/\s+/g, ' ').trim() });
  }
  return defs;
}
