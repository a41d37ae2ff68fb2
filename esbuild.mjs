// Bundles each host to one CommonJS file: unified/remark are ESM-only, and bundling keeps the
// .vsix and the npm package free of node_modules. `vscode` is provided by the editor.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * wink-eng-lite-web-model's data as JSON strings parsed at load (V8 reads a JSON string far faster
 * than the same data as an object literal), and its core-model reader replaced by one that parses
 * that string instead of deep-copying an object (scripts/wink-read-core-model.cjs): the first
 * scored document of a process (`warrant lint small.md`, each worker) loads the model sooner.
 */
const winkModelPlugin = {
  name: 'wink-model',
  setup(b) {
    const inModel = (importer) => /[\\/]wink-eng-lite-web-model[\\/]/.test(importer);
    b.onResolve({ filter: /^\.\/read-core-model\.js$/ }, (args) => (inModel(args.importer) ? { path: fileURLToPath(new URL('./scripts/wink-read-core-model.cjs', import.meta.url)) } : undefined));
    b.onResolve({ filter: /^wink-core-model-text$/ }, () => ({
      path: join(dirname(fileURLToPath(import.meta.resolve('wink-eng-lite-web-model/package.json'))), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json'),
      namespace: 'wink-text',
    }));
    // Characters past Latin-1 written as JSON escapes: the string stays one byte a character (half
    // the memory and code cache of a two-byte one); JSON.parse gives the same characters back.
    const asciiJson = (path) => JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    b.onLoad({ filter: /.*/, namespace: 'wink-text' }, (args) => ({ contents: `module.exports = ${JSON.stringify(asciiJson(args.path))};`, loader: 'js' }));
    b.onLoad({ filter: /[\\/]wink-eng-lite-web-model[\\/].*\.json$/ }, (args) => ({ contents: `module.exports = JSON.parse(${JSON.stringify(asciiJson(args.path))});`, loader: 'js' }));
  },
};

await build({
  entryPoints: entries,
  plugins: [winkModelPlugin],
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
