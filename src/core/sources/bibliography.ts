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
    return { entries: result.entries, problems: [...problems, ...result.problems] };
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
  publisher?: string;
  DOI?: string;
  URL?: string;
}

function normalise(item: CslItem, origin: string): BibEntry | undefined {
  const key = String(item['citation-key'] ?? item.id ?? '').trim();
  if (!key) return undefined;
  const names = (item.author ?? item.editor ?? []).map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' ')).filter(Boolean);
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal ?? item.issued?.raw;
  const container = item['container-title'] ?? item.publisher;
  return {
    key,
    authors: names,
    ...(year !== undefined ? { year: String(year) } : {}),
    ...(item.title ? { title: String(item.title) } : {}),
    ...(container ? { container: String(container) } : {}),
    ...(item.DOI ? { doi: String(item.DOI) } : {}),
    ...(item.URL ? { url: String(item.URL) } : {}),
    origin,
  };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
