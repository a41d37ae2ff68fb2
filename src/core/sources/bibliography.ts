/**
 * Bibliographies: CSL-JSON, CSL-YAML and BibTeX (through citation-js), normalised to `BibEntry`.
 * Pure: hosts hand in the text, through the workspace.
 */
import { parse as parseYaml } from 'yaml';
import type { Cite as CiteClass } from '@citation-js/core';
import { createRequire } from 'node:module';
import type { BibEntry } from '../model/types.js';

export interface BibliographyProblem {
  readonly message: string;
  /** 0-based offset of the problem in the bibliography text, when known. */
  readonly offset?: number;
}

export interface ParsedBibliography {
  readonly entries: readonly BibEntry[];
  readonly problems: readonly BibliographyProblem[];
}

export type BibliographyFormat = 'csl-json' | 'csl-yaml' | 'bibtex';

/** The format a bibliography file name implies: `refs.bib` is BibTeX. */
export function formatOf(path: string): BibliographyFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex') || lower.endsWith('.biblatex')) return 'bibtex';
  if (lower.endsWith('.json')) return 'csl-json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'csl-yaml';
  return undefined;
}

export function parseBibliography(text: string, format: BibliographyFormat, origin: string): ParsedBibliography {
  try {
    switch (format) {
      case 'csl-json':
        return fromCsl(JSON.parse(text), origin);
      case 'csl-yaml': {
        const data = parseYaml(text, { logLevel: 'error' }) as unknown;
        const list = Array.isArray(data) ? data : (data as { references?: unknown })?.references;
        return fromCsl(list, origin);
      }
      case 'bibtex':
        return fromBibtex(text, origin);
    }
  } catch (error) {
    return { entries: [], problems: [{ message: `cannot read it as ${format}: ${firstLine(error)}` }] };
  }
}

/** CSL items (from JSON, YAML or front-matter `references:`) to entries. */
export function fromCsl(list: unknown, origin: string): ParsedBibliography {
  if (!Array.isArray(list)) return { entries: [], problems: [{ message: 'Bibliography must be a list of CSL items (or a mapping with a `references:` list)' }] };
  const entries: BibEntry[] = [];
  const problems: BibliographyProblem[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object') {
      problems.push({ message: `Bibliography item ${i + 1} is not a mapping` });
      return;
    }
    const entry = normalise(item as CslItem, origin);
    if (entry) entries.push(entry);
    else problems.push({ message: `Bibliography item ${i + 1} has no \`id\`` });
  });
  return { entries, problems };
}

let citeClass: typeof CiteClass | undefined;

/**
 * citation-js is a quarter of the bundle and only BibTeX needs it: it is required on the first
 * `.bib` file, not at start-up (#13). esbuild keeps a `require` inside a function lazy.
 */
function loadCite(): typeof CiteClass {
  if (!citeClass) {
    let core: { Cite: typeof CiteClass };
    if (typeof require === 'function') {
      // the CommonJS bundles: literal requires, so esbuild bundles citation-js
      core = require('@citation-js/core') as typeof core;
      require('@citation-js/plugin-bibtex');
    } else {
      // ES modules (tests and scripts under tsx)
      const load = createRequire(import.meta.url);
      core = load('@citation-js/core') as typeof core;
      load('@citation-js/plugin-bibtex');
    }
    citeClass = core.Cite;
  }
  return citeClass;
}

function fromBibtex(text: string, origin: string): ParsedBibliography {
  const Cite = loadCite();
  const problems: BibliographyProblem[] = [];
  // citation-js logs malformed entries to the console; keep its chatter off our stdout.
  const saved = console.warn;
  const savedLog = console.log;
  console.warn = (...args: unknown[]) => problems.push({ message: args.map(String).join(' ').slice(0, 200) });
  console.log = console.warn;
  try {
    const data = new Cite(text, { forceType: '@biblatex/text' } as never).data as CslItem[];
    const result = fromCsl(data, origin);
    // citation-js drops `eprint`/`archivePrefix` (an arXiv `@misc` becomes a bare `document`): read them from the text.
    const eprints = bibtexEprints(text);
    const entries = eprints.size ? result.entries.map((e) => (eprints.has(e.key) && !e.eprint ? { ...e, eprint: eprints.get(e.key)! } : e)) : result.entries;
    return { entries, problems: [...problems, ...result.problems] };
  } finally {
    console.warn = saved;
    console.log = savedLog;
  }
}

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
interface CslItem {
  id?: string | number;
  'citation-key'?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; literal?: string; raw?: string };
  title?: string;
  'container-title'?: string;
  publisher?: string | string[];
  DOI?: string;
  URL?: string;
  type?: string;
  archive?: string;
  number?: string | number;
}

const BIBTEX_ENTRY = /@([A-Za-z]+)\s*[{(]\s*([^,\s]+)\s*,/g;
const BIBTEX_FIELD = (name: string): RegExp => new RegExp(`\\b${name}\\s*=\\s*(?:\\{([^{}]*)\\}|"([^"]*)"|([A-Za-z0-9._:/-]+))`, 'i');

/** `@misc{key, eprint = {1706.03762}, archivePrefix = {arXiv}}` → key → `{ archive: 'arXiv', id }`. One pass over the entries. */
function bibtexEprints(text: string): Map<string, { archive: string; id?: string }> {
  const out = new Map<string, { archive: string; id?: string }>();
  if (!/\beprint/i.test(text)) return out;
  const starts: { key: string; at: number }[] = [];
  BIBTEX_ENTRY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BIBTEX_ENTRY.exec(text))) starts.push({ key: m[2]!, at: m.index });
  starts.forEach((s, i) => {
    const body = text.slice(s.at, i + 1 < starts.length ? starts[i + 1]!.at : text.length);
    const field = (name: string): string | undefined => {
      const f = BIBTEX_FIELD(name).exec(body);
      return f ? (f[1] ?? f[2] ?? f[3] ?? '').trim() : undefined;
    };
    const archive = field('archiveprefix') ?? field('eprinttype');
    const id = field('eprint');
    if (archive || (id && /^\d{4}\.\d{4,5}(v\d+)?$/.test(id))) out.set(s.key, { archive: archive ?? 'arXiv', ...(id ? { id } : {}) });
  });
  return out;
}

function normalise(item: CslItem, origin: string): BibEntry | undefined {
  const key = String(item['citation-key'] ?? item.id ?? '').trim();
  if (!key) return undefined;
  const names = (item.author ?? item.editor ?? []).map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' ')).filter(Boolean);
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal ?? item.issued?.raw;
  const container = item['container-title'] ?? item.publisher;
  const publisher = Array.isArray(item.publisher) ? item.publisher.join(' and ') : item.publisher;
  return {
    key,
    authors: names,
    ...(year !== undefined ? { year: String(year) } : {}),
    ...(item.title ? { title: String(item.title) } : {}),
    ...(container ? { container: String(container) } : {}),
    ...(item.DOI ? { doi: String(item.DOI) } : {}),
    ...(item.URL ? { url: String(item.URL) } : {}),
    ...(item.type ? { type: String(item.type) } : {}),
    ...(publisher ? { publisher: String(publisher) } : {}),
    ...(item.archive ? { eprint: { archive: String(item.archive), ...(item.number !== undefined ? { id: String(item.number) } : {}) } } : {}),
    origin,
  };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
