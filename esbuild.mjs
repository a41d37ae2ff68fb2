// Bundles each host to one CommonJS file: unified/remark are ESM-only, and bundling keeps the
// .vsix and the npm package free of node_modules. `vscode` is provided by the editor.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { webBuildOptions } from './scripts/web-build.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'src/cli/bin.ts', out: 'cli' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: 'src/client/extension.ts', out: 'client' },
  { in: 'src/cli/worker.ts', out: 'worker' },
  // `warrant mcp` and the editor's MCP server definition, loaded only for that command
  { in: 'src/mcp/main.ts', out: 'mcp' },
  // Graphviz for the editor's argument map, loaded on first use (src/client/map/render.ts)
  { in: 'src/client/map/viz.ts', out: 'viz' },
  // wink-nlp and its English model (3.5 MB), loaded on the first document the detector scores
  // (src/core/heuristics/language.ts), so no host pays for it at start-up
  { in: 'src/core/heuristics/nlpBundle.ts', out: 'nlp' },
  // The sentence encoder (TensorFlow.js on WebAssembly), required on first use (src/node/encoder)
  { in: 'src/node/encoder/runtime.ts', out: 'encoder' },
].filter((e) => existsSync(e.in));

await build({
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch && process.env.WARRANT_MINIFY !== '0',
  keepNames: true,
  external: ['vscode'],
  // citation-js's URL fetching is never used (Warrant parses BibTeX text): no network, no subprocess.
  alias: { 'sync-fetch': './scripts/no-fetch.cjs', 'node-fetch': './scripts/no-fetch.cjs' },
  loader: { '.yaml': 'text' },
  define: { __WARRANT_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__import_meta_url' },
  logLevel: 'warning',
  // import.meta.url is used by a few ESM dependencies; give them the bundle's own URL.
  banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
});

// The encoder's weights are not copied into dist/: the loader reads them from the optional
// packages where npm installed them (src/node/encoder/index.ts), so the .vsix never carries them.
// A dist/encoder-model/ left by an older build is removed.
rmSync('dist/encoder-model', { recursive: true, force: true });

// The web extension (package.json `browser`): the client and the worker's language server, built
// for the browser; scripts/check-web-bundle.mjs (npm run lint) holds them free of Node.
await build({
  ...webBuildOptions(pkg.version),
  sourcemap: true,
  minify: !watch && process.env.WARRANT_MINIFY !== '0',
  keepNames: true,
});
