'use strict';
// Loads a dist bundle with V8's code cache, so a start compiles almost nothing (#13).
// Node ≥ 22.1 has `module.enableCompileCache` (its cache lives in the OS temp folder). Older Node
// gets the same effect by hand: the bundle is compiled with `vm.Script` from cached data kept next
// to it (`<bundle>.v8cache`), keyed by Node, V8, the platform and the bundle's size and mtime so a
// new version or build never uses a stale cache. The cache is refreshed at exit with every
// function compiled during the run. Any failure (read-only install, rejected data) falls back to a
// plain `require`, so the cache can only make a start faster, never break it.
// Bundles the entry requires later from its own folder (dist/nlp.cjs, wink-nlp and its model,
// on the first document the detector scores) go through the same cache (#20).
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

function load(file) {
  if (process.env.WARRANT_NO_COMPILE_CACHE) return require(file);
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache();
    } catch {
      // no cache: a plain start
    }
    return require(file);
  }
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return require(file);
  }
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  cacheSiblings(file);
  if (!runCached(m, file, source)) return require(file);
  m.loaded = true;
  return m.exports;
}

/** Later requires of a bundle beside `entry` compile from its cache too. */
function cacheSiblings(entry) {
  const dir = path.dirname(entry);
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (path.dirname(filename) === dir && filename.endsWith('.cjs') && runCached(this, filename, content)) return undefined;
    return compile.call(this, content, filename);
  };
}

/** Compile `source` (the text of `file`) from cached data and run it as module `m`; false: not done, nothing ran. */
function runCached(m, file, source) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  const vm = require('node:vm');
  const cacheFile = `${file}.v8cache`;
  const key = Buffer.from(`${process.version} ${process.versions.v8} ${process.platform} ${process.arch} ${stat.size} ${stat.mtimeMs}\n`);
  let cachedData;
  try {
    const raw = fs.readFileSync(cacheFile);
    if (raw.subarray(0, key.length).equals(key)) cachedData = raw.subarray(key.length);
  } catch {
    // first run
  }
  let script;
  try {
    // import() inside the bundle (Graphviz for `warrant graph -f svg`): resolved from bin/, beside dist/.
    script = new vm.Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)) });
  } catch {
    return false;
  }
  require.cache[file] = m;
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a read-only install: start without a cache next time too
      }
    });
  }
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  return true;
}

module.exports = { load };
