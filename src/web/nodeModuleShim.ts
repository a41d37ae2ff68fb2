/**
 * `node:module` for the web bundles: core's bibliography reader loads citation-js lazily with
 * `createRequire` when `require` is not a function, which is the case in a browser worker. Here the
 * two packages are bundled and handed out by name instead (scripts/web-build.mjs maps the import).
 */
import * as core from '@citation-js/core';
import * as bibtex from '@citation-js/plugin-bibtex';

const MODULES: Record<string, unknown> = { '@citation-js/core': core, '@citation-js/plugin-bibtex': bibtex };

export function createRequire(_from: string): (id: string) => unknown {
  return (id) => {
    if (id in MODULES) return MODULES[id];
    throw new Error(`${id} is not available in the browser`);
  };
}
