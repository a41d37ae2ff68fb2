/** The server's Node runtime: the disk, file search, config discovery and the engine analyzer. */
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { ConfigLoader } from '../node/config.js';
import { findFiles } from '../node/files.js';
import { FsWorkspace, toPath, toUri } from '../node/fsWorkspace.js';
import type { ServerDeps } from './analyzer.js';
import { createEngineAnalyzer, type ConfigSource } from './engineAnalyzer.js';
import { initTemplate } from '../cli/commands.js';
import { SentenceEncoder } from '../node/encoder/index.js';

/** The nearest `.warrant.yaml` on disk, as `warrant lint` finds it (one loader per `warrant.configFile`). */
export function nodeConfigSource(): ConfigSource {
  const loaders = new Map<string, ConfigLoader>();
  const loaderFor = (configFile: string | undefined): ConfigLoader => {
    const key = configFile ?? '';
    let l = loaders.get(key);
    if (!l) loaders.set(key, (l = new ConfigLoader(configFile ? { configFile } : {})));
    return l;
  };
  return {
    load(uri, configFile) {
      const path = toPath(uri);
      // Untitled buffers have no folder: they get the default config (or the configured file).
      if (!path && !configFile) return { problems: [] };
      return loaderFor(configFile).loadFor(path ?? process.cwd() + '/untitled.md');
    },
    clear() {
      for (const l of loaders.values()) l.clear();
    },
  };
}

export function nodeDeps(options: { log?: (message: string) => void } = {}): ServerDeps {
  const disk = new FsWorkspace();
  return {
    // the same commented template `warrant init` writes; the sentence encoder is created here but
    // loaded only when an open document's configuration turns it on (`heuristics.encoder`)
    createAnalyzer: (workspace) => createEngineAnalyzer(workspace, nodeConfigSource(), initTemplate, new SentenceEncoder(options.log ? { log: options.log } : {})),
    readFile: (uri) => disk.readText(uri),
    exists: (uri) => disk.exists(uri),
    async listFiles(folderUri, globs) {
      const cwd = toPath(folderUri);
      if (!cwd) return [];
      return findFiles({ cwd, patterns: [...globs] }).files.map(toUri);
    },
    resolvePath: (base, path) => resolve(base, path),
    // The index's trees die old: under V8's default heap growth (up to 4× the live heap between
    // full collections) a 1,008-file workspace whose summaries need about 130 MB held 460 MB of
    // RSS. Growing by a fifth keeps it near 225 MB for about a tenth more CPU while indexing. Not
    // for typing: there it cost a fifth more CPU per keystroke and the full collections' pauses
    // (#20; `npm run bench` prints both). 0 is V8's default, which also keeps the V8 code cache
    // written at exit valid for the next start (bin/compile-cache.cjs; V8 stamps it with the flags).
    leanHeap: (on) => setFlagsFromString(`--heap-growing-percent=${on ? 20 : 0}`),
  };
}
