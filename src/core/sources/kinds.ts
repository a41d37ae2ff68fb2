/**
 * What kind of source each citation is (`SourceType`), decided offline from what the source
 * already says: a link's host and path, a DOI's prefix, a bibliography entry's type, e-print and
 * publisher, a footnote's own links. The host table is data (`data/source-kinds.yaml`, embedded
 * as `kinds.generated.ts`); `.warrant.yaml` `sources.kinds` is looked up first, and
 * `sources.site` (or front matter `site:`) names the document's own site. Nothing is fetched.
 */
import type { BibEntry, Source, SourceType } from '../model/types.js';
import { SOURCE_KINDS_DATA } from './kinds.generated.js';

/** Every type, strongest first: a footnote holding a paper and a blog post is a `paper` note. */
export const SOURCE_TYPES: readonly SourceType[] = ['paper', 'preprint', 'official', 'news', 'blog', 'web', 'same-site', 'note'];

/** How a type is written for people: `same site`, not `same-site`. */
export function sourceTypeLabel(type: SourceType): string {
  return type === 'same-site' ? 'same site' : type;
}

/** A source as the scan finds it, before its type is known. */
export type ScannedSource = Omit<Source, 'type' | 'where'>;

interface HostEntry {
  /** Path segments after the host (`['blog']` for `openai.com/blog`); empty for the whole host. */
  readonly path: readonly string[];
  readonly type: SourceType;
}

/** Host entries by host, most specific path first. */
type HostTable = ReadonlyMap<string, readonly HostEntry[]>;

export interface KindTable {
  readonly hosts: HostTable;
  readonly doiPrefixes: ReadonlyMap<string, SourceType>;
  readonly hostLabels: ReadonlyMap<string, SourceType>;
  readonly pathSegments: ReadonlyMap<string, SourceType>;
  readonly agencies: RegExp | undefined;
}

export function isSourceType(value: string): value is SourceType {
  return (SOURCE_TYPES as readonly string[]).includes(value);
}

/**
 * `example.org/blog` → `{ host: 'example.org', path: ['blog'] }`; `undefined` for something that
 * is not a host (`https://…` is accepted and its scheme dropped). `www.` is ignored.
 */
export function parseHostPattern(pattern: string): { host: string; path: string[] } | undefined {
  const bare = pattern.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  const [host = '', ...rest] = bare.split('/');
  const clean = normaliseHost(host);
  if (!clean || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(clean)) return undefined;
  return { host: clean, path: rest.filter(Boolean) };
}

function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\d*\./, '');
}

/** A table from `host pattern → type` pairs (the config's `sources.kinds`). */
export function hostTable(entries: Iterable<readonly [string, SourceType]>): HostTable {
  const table = new Map<string, HostEntry[]>();
  for (const [pattern, type] of entries) {
    const parsed = parseHostPattern(pattern);
    if (!parsed) continue;
    const list = table.get(parsed.host) ?? [];
    list.push({ path: parsed.path, type });
    table.set(parsed.host, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.path.length - a.path.length);
  return table;
}

/** The shipped table, built once from the embedded YAML. */
export const SHIPPED_KINDS: KindTable = buildShipped(SOURCE_KINDS_DATA);

function buildShipped(raw: unknown): KindTable {
  const data = (raw ?? {}) as {
    hosts?: Record<string, string[]>;
    doiPrefixes?: Record<string, string>;
    hostLabels?: Record<string, string>;
    pathSegments?: Record<string, string>;
    agencies?: string[];
  };
  const typed = (record: Record<string, string> | undefined): Map<string, SourceType> =>
    new Map(Object.entries(record ?? {}).filter((e): e is [string, SourceType] => isSourceType(e[1])));
  const pairs: [string, SourceType][] = [];
  for (const [type, hosts] of Object.entries(data.hosts ?? {})) if (isSourceType(type)) for (const h of hosts ?? []) pairs.push([String(h), type]);
  const words = (data.agencies ?? []).map((w) => String(w).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).filter(Boolean);
  return {
    hosts: hostTable(pairs),
    doiPrefixes: typed(data.doiPrefixes),
    hostLabels: typed(data.hostLabels),
    pathSegments: typed(data.pathSegments),
    agencies: words.length ? new RegExp(`\\b(?:${words.join('|')})\\b`, 'i') : undefined,
  };
}

/** What the classifier knows besides the source: the tables and the document's own site. */
export interface KindContext {
  /** The config's `sources.kinds`, looked up before the shipped table. */
  readonly overrides: HostTable;
  readonly shipped: KindTable;
  /** The document's own site (`sources.site` or front matter `site:`), parsed. */
  readonly site?: { readonly host: string; readonly path: readonly string[] };
}

export function kindContext(overrides: Readonly<Record<string, SourceType>>, site: string | undefined, shipped: KindTable = SHIPPED_KINDS): KindContext {
  const parsedSite = site ? parseHostPattern(site) : undefined;
  return { overrides: hostTable(Object.entries(overrides)), shipped, ...(parsedSite ? { site: parsedSite } : {}) };
}

export interface Classified {
  readonly type: SourceType;
  readonly where?: string;
}

function lookup(table: HostTable, host: string, path: readonly string[]): SourceType | undefined {
  const labels = host.split('.');
  for (let i = 0; i < labels.length; i++) {
    const entries = table.get(labels.slice(i).join('.'));
    if (!entries) continue;
    for (const e of entries) if (pathMatches(e.path, path)) return e.type;
  }
  return undefined;
}

/** Whole segments, but the entry's last one may start the link's (`articles/d41586` matches `articles/d41586-024-1`). */
function pathMatches(entry: readonly string[], path: readonly string[]): boolean {
  return entry.every((seg, j) => (j === entry.length - 1 ? path[j]?.startsWith(seg) : path[j] === seg));
}

/**
 * The type of a URL as written in a document: relative links are the document's own site, a DOI
 * link goes by its prefix, other hosts by the tables.
 *
 * @example classifyUrl('https://arxiv.org/abs/1706.03762', ctx) // → { type: 'preprint', where: 'arxiv.org' }
 */
export function classifyUrl(url: string, ctx: KindContext): Classified {
  const trimmed = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//')) return { type: 'same-site', where: 'this site' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
  } catch {
    return { type: 'web' };
  }
  if (parsed.protocol === 'file:') return { type: 'same-site', where: 'this site' };
  const host = normaliseHost(parsed.hostname);
  if (!host) return { type: 'web' };
  const path = parsed.pathname.toLowerCase().split('/').filter(Boolean).map(safeDecode);
  if (ctx.site && (host === ctx.site.host || host.endsWith(`.${ctx.site.host}`)) && ctx.site.path.every((seg, i) => path[i] === seg)) {
    return { type: 'same-site', where: host };
  }
  const own = lookup(ctx.overrides, host, path);
  if (own) return { type: own, where: host };
  if (host === 'doi.org' || host === 'dx.doi.org') {
    const doi = decodeURIComponentSafe(parsed.pathname.slice(1));
    if (/^10\.\d{4,9}\//.test(doi)) return { type: doiType(doi, ctx), where: 'doi.org' };
  }
  const shipped = lookup(ctx.shipped.hosts, host, path);
  if (shipped) return { type: shipped, where: host };
  const label = ctx.shipped.hostLabels.get(host.split('.')[0]!);
  if (label && host.includes('.')) return { type: label, where: host };
  for (const seg of path) {
    const t = ctx.shipped.pathSegments.get(seg);
    if (t) return { type: t, where: host };
  }
  return { type: 'web', where: host };
}

/** A DOI's type by its registrant prefix: arXiv's and SSRN's DOIs are preprints; the rest papers. */
export function doiType(doi: string, ctx: KindContext): SourceType {
  const prefix = /^(10\.\d{4,9})\//.exec(doi.trim())?.[1];
  return (prefix && ctx.shipped.doiPrefixes.get(prefix)) || 'paper';
}

const PREPRINT_ARCHIVES = /\b(arxiv|ssrn|biorxiv|medrxiv|chemrxiv|psyarxiv|socarxiv|osf preprints|research square|preprints?|working papers?)\b/i;
const TYPE_OF_CSL: Readonly<Record<string, SourceType>> = {
  'article-journal': 'paper',
  'paper-conference': 'paper',
  chapter: 'paper',
  book: 'paper',
  thesis: 'paper',
  legislation: 'official',
  bill: 'official',
  legal_case: 'official',
  regulation: 'official',
  treaty: 'official',
  hearing: 'official',
  'article-newspaper': 'news',
  'article-magazine': 'news',
  broadcast: 'news',
  'post-weblog': 'blog',
  post: 'blog',
};

/**
 * A bibliography entry's type: an e-print or a preprint server in the container is a preprint;
 * then the entry's own type (`@article` with a journal is a paper, `@techreport` from an agency is
 * official); then its DOI or URL; anything else is `web`.
 */
export function classifyEntry(entry: BibEntry, ctx: KindContext): Classified {
  const where = entry.container ?? entry.publisher;
  if (entry.eprint && PREPRINT_ARCHIVES.test(entry.eprint.archive)) return { type: 'preprint', where: entry.eprint.archive };
  if (entry.container && PREPRINT_ARCHIVES.test(entry.container)) return { type: 'preprint', where: entry.container };
  const byUrl = entry.url ? classifyUrl(entry.url, ctx) : undefined;
  // A URL on a preprint server, or the user's own table, says more than a generic entry type.
  if (byUrl && (byUrl.type === 'preprint' || lookup(ctx.overrides, parseHostPattern(entry.url!)?.host ?? '', []))) return byUrl;
  const type = entry.type?.toLowerCase();
  if (type === 'report' || type === 'techreport') {
    const who = [entry.publisher, entry.container, ...entry.authors].filter(Boolean).join(' · ');
    if ((ctx.shipped.agencies && ctx.shipped.agencies.test(who)) || byUrl?.type === 'official') return { type: 'official', where: where ?? byUrl?.where };
    return { type: byUrl && byUrl.type !== 'web' ? byUrl.type : 'web', ...(where ?? byUrl?.where ? { where: where ?? byUrl?.where } : {}) };
  }
  // CSL's `article` is a preprint or working paper unless it names a journal.
  if (type === 'article') return entry.container ? { type: 'paper', where: entry.container } : { type: 'preprint', ...(byUrl?.where ? { where: byUrl.where } : {}) };
  const fromType = type ? TYPE_OF_CSL[type] : undefined;
  if (fromType) return { type: fromType, ...(where ?? byUrl?.where ? { where: where ?? byUrl?.where } : {}) };
  if (entry.doi) return { type: doiType(entry.doi, ctx), where: where ?? 'doi.org' };
  if (byUrl) return byUrl;
  return { type: 'web', ...(where ? { where } : {}) };
}

/**
 * Give every scanned source its type. A footnote or numbered reference takes the strongest type of
 * the sources written in its definition (a footnote citing a paper is a paper); with none, its own
 * URL; with no link or key at all, it is a `note`.
 */
export function classifySources(scanned: readonly ScannedSource[], ctx: KindContext): Source[] {
  const direct = scanned.map((s) => (s.kind === 'footnote' || s.kind === 'numbered' ? undefined : classifyDirect(s, ctx)));
  return scanned.map((s, i) => {
    const own = direct[i];
    if (own) return typed(s, own);
    const zone = s.definitionRange;
    let best: Classified | undefined;
    if (zone) {
      scanned.forEach((inner, j) => {
        const c = direct[j];
        if (!c || inner.range.start < zone.start || inner.range.end > zone.end) return;
        if (!best || SOURCE_TYPES.indexOf(c.type) < SOURCE_TYPES.indexOf(best.type)) best = c;
      });
    }
    // A numbered entry's URL is its own link; a Substack footnote's is the call's anchor, not a source.
    if (!best && s.url && s.kind === 'numbered') best = classifyUrl(s.url, ctx);
    const label = s.kind === 'footnote' ? `footnote [^${s.key ?? ''}]` : `reference [${s.key ?? ''}]`;
    const c = best ?? { type: 'note' as const, where: label };
    return typed(s, c);
  });
}

/**
 * `s` with its type and where. Built with `Object.assign` onto a fresh object, not as
 * `{ ...s, type }`: V8 gives an object spread first and then extended a hidden class of its own,
 * some 200 bytes per source that every workspace summary kept (#20); objects built this way share
 * theirs.
 */
function typed(s: ScannedSource, c: Classified): Source {
  return Object.assign({}, s, { type: c.type }, c.where ? { where: c.where } : {});
}

function classifyDirect(s: ScannedSource, ctx: KindContext): Classified {
  switch (s.kind) {
    case 'citation':
    case 'dcite':
      return s.entry ? classifyEntry(s.entry, ctx) : { type: 'web' };
    case 'doi':
      return { type: doiType(s.key ?? '', ctx), where: 'doi.org' };
    case 'arxiv':
      return { type: 'preprint', where: 'arxiv.org' };
    case 'file':
      return { type: 'same-site', where: 'this site' };
    default:
      return s.url ? classifyUrl(s.url, ctx) : { type: 'web' };
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const decodeURIComponentSafe = safeDecode;

/** `{ paper: 2, blog: 1 }` for a list of sources, in `SOURCE_TYPES` order. */
export function countTypes(sources: readonly { readonly type: SourceType }[]): Partial<Record<SourceType, number>> {
  const counts: Partial<Record<SourceType, number>> = {};
  for (const t of SOURCE_TYPES) {
    const n = sources.filter((s) => s.type === t).length;
    if (n) counts[t] = n;
  }
  return counts;
}

/** `2 paper · 1 same site`, or `no sources`. */
export function describeTypes(counts: Partial<Record<SourceType, number>>): string {
  const parts = SOURCE_TYPES.filter((t) => counts[t]).map((t) => `${counts[t]} ${sourceTypeLabel(t)}`);
  return parts.length ? parts.join(' · ') : 'no sources';
}

/** `preprint · arxiv.org`: what a hover or a report shows beside a source. */
export function typeLine(s: Pick<Source, 'type' | 'where'>): string {
  return s.where ? `${sourceTypeLabel(s.type)} · ${s.where}` : sourceTypeLabel(s.type);
}
