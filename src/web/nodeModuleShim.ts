/**
 * `node:module` for the web bundles: core's bibliography reader loads citation-js lazily with
 * `createRequire` when `require` is not a function, which is the case in a browser worker, and the
 * detector's language features load wink-nlp the same way. Here the packages are bundled and
 * handed out by name instead (scripts/web-build.mjs maps the import).
 */
import * as core from '@citation-js/core';
import * as bibtex from '@citation-js/plugin-bibtex';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

const MODULES: Record<string, unknown> = {
  '@citation-js/core': core,
  '@citation-js/plugin-bibtex': bibtex,
  // the detector's language features (src/core/heuristics/language.ts)
  'wink-nlp': winkNLP,
  'wink-eng-lite-web-model': winkModel,
};

export function createRequire(_from: string): (id: string) => unknown {
  return (id) => {
    if (id in MODULES) return MODULES[id];
    throw new Error(`${id} is not available in the browser`);
  };
}
