/**
 * Where a front-matter `bibliography:` name points. Pandoc and Quarto read it beside the document;
 * Distill posts on al-folio sites name a file of the site's `assets/bibliography/`
 * (`bibliography: 2025-01-01-post.bib` in `_posts/2025-01-01-post.md`), and jekyll-scholar sites
 * keep theirs in `_bibliography/`. So a name that is not beside the document is looked for in each
 * search path (`bibliography.searchPaths`), tried in each folder from the document's own up to the
 * site root, nearest first: the first file that exists wins. The site root is the nearest folder
 * that holds `_config.yml`, `_config.yaml`, `_quarto.yml` or `.git`, else the file system's root.
 * Pure URL arithmetic plus `workspace.exists`, so it runs in every host.
 */
import { DEFAULT_BIBLIOGRAPHY_SEARCH_PATHS } from '../config/config.js';
import { relativeUri, resolveUri, type Workspace } from '../workspace.js';

const SITE_ROOT_MARKERS = ['_config.yml', '_config.yaml', '_quarto.yml', '.git'];
/** A walk up never tries more folders than this (a file can sit deep, but not this deep). */
const MAX_LEVELS = 32;

export interface BibliographyLookup {
  /** The file found, or the path beside the document when none was found. */
  readonly uri: string;
  /** When nothing exists: every folder looked in, relative to the document (`./`, `../assets/bibliography/`). */
  readonly lookedIn?: readonly string[];
}

export function findBibliography(documentUri: string, written: string, workspace: Workspace, searchPaths: readonly string[] = DEFAULT_BIBLIOGRAPHY_SEARCH_PATHS): BibliographyLookup | undefined {
  const beside = resolveUri(documentUri, written);
  if (!beside) return undefined;
  // A path that says where it is (absolute, `./`, `../`, a URL) or a file that is there: as written.
  if (workspace.exists(beside) || /^(\/|\.{1,2}\/|[a-z][a-z0-9+.-]*:)/i.test(written) || searchPaths.length === 0) return { uri: beside };
  const lookedIn: string[] = ['./'];
  const tried = new Set<string>([beside]);
  const absolute = searchPaths.filter((p) => p.startsWith('/'));
  const relative = searchPaths.filter((p) => !p.startsWith('/'));
  let folder = resolveUri(documentUri, './');
  for (let level = 0; folder && level < MAX_LEVELS; level++) {
    for (const path of relative) {
      const candidateFolder = resolveUri(folder, path.endsWith('/') ? path : `${path}/`);
      const candidate = candidateFolder && resolveUri(candidateFolder, written);
      if (!candidateFolder || !candidate || tried.has(candidate)) continue;
      tried.add(candidate);
      if (workspace.exists(candidate)) return { uri: candidate };
      lookedIn.push(relativeUri(documentUri, candidateFolder) || './');
    }
    if (SITE_ROOT_MARKERS.some((m) => workspace.exists(resolveUri(folder!, m) ?? ''))) break;
    const parent = resolveUri(folder, '../');
    folder = parent && parent !== folder ? parent : undefined;
  }
  for (const path of absolute) {
    const candidateFolder = resolveUri(documentUri, path.endsWith('/') ? path : `${path}/`);
    const candidate = candidateFolder && resolveUri(candidateFolder, written);
    if (!candidateFolder || !candidate || tried.has(candidate)) continue;
    tried.add(candidate);
    if (workspace.exists(candidate)) return { uri: candidate };
    lookedIn.push(path.endsWith('/') ? path : `${path}/`);
  }
  return { uri: beside, lookedIn };
}
