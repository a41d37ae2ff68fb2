/**
 * Graphviz compiled to WebAssembly, bundled alone into `dist/viz.cjs` (about 1.2 MB) so the
 * extension loads it only when a map is first drawn, offline: the .vsix has no node_modules.
 */
export { instance } from '@viz-js/viz';
