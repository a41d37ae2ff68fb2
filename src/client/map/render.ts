/**
 * DOT → SVG in the extension host, with `dist/viz.cjs` (Graphviz in WebAssembly) required on the
 * first map and kept: the language server stays small for editors that never draw a map.
 */
import { createRequire } from 'node:module';

interface Viz {
  renderString(dot: string, options: { format: 'svg' }): string;
}

let viz: Promise<Viz> | undefined;

/** `bundle` is the absolute path of `dist/viz.cjs`. */
export async function renderSvg(dot: string, bundle: string): Promise<string> {
  viz ??= Promise.resolve()
    .then(() => (createRequire(import.meta.url)(bundle) as { instance: () => Promise<Viz> }).instance())
    .catch((e: unknown) => {
      viz = undefined; // a failed load is retried on the next map
      throw e;
    });
  return (await viz).renderString(dot, { format: 'svg' });
}
