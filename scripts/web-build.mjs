// The esbuild options of the web extension's two bundles (package.json `browser`): the client in
// VS Code's browser extension host and the language server in a web worker. Shared by
// esbuild.mjs and scripts/check-web-bundle.mjs, which proves they pull in nothing from Node.
export const WEB_ENTRIES = [
  { in: 'src/client/browserExtension.ts', out: 'web/extension' },
  { in: 'src/web/serverMain.ts', out: 'web/server' },
];

export function webBuildOptions(version, entryPoints = WEB_ENTRIES) {
  return {
    entryPoints,
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    // The extension host loads `browser` as CommonJS; the worker runs the file as a classic script.
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    // Both run in workers, where there is no `document`: take a package's worker build over its
    // DOM one (micromark's entity decoder has both).
    conditions: ['worker'],
    loader: { '.yaml': 'text' },
    // citation-js's URL fetching is never used (Warrant parses BibTeX text), as in esbuild.mjs.
    alias: { 'sync-fetch': './scripts/no-fetch.cjs', 'node-fetch': './scripts/no-fetch.cjs' },
    // import.meta.url: only core's lazy createRequire reads it, and the node:module shim ignores it.
    define: { __WARRANT_VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': '"production"', 'import.meta.url': '"about:blank"' },
    logLevel: 'warning',
    plugins: [nodeModuleShim],
  };
}

// core's bibliography reader imports node:module for a lazy require; in a browser the shim hands
// out the bundled citation-js instead (src/web/nodeModuleShim.ts).
const nodeModuleShim = {
  name: 'node-module-shim',
  setup(b) {
    b.onResolve({ filter: /^node:module$/ }, () => ({ path: new URL('../src/web/nodeModuleShim.ts', import.meta.url).pathname }));
  },
};
