/** The server's Node runtime: the disk, file search, and the engine analyzer. */
import { resolve } from 'node:path';
import { findFiles } from '../node/files.js';
import { FsWorkspace, toPath, toUri } from '../node/fsWorkspace.js';
import type { ServerDeps } from './analyzer.js';
import { createEngineAnalyzer } from './engineAnalyzer.js';
import { initTemplate } from '../cli/commands.js';

export function nodeDeps(): ServerDeps {
  const disk = new FsWorkspace();
  return {
    // the same commented template `warrant init` writes
    createAnalyzer: (workspace) => createEngineAnalyzer(workspace, initTemplate),
    readFile: (uri) => disk.readText(uri),
    exists: (uri) => disk.exists(uri),
    async listFiles(folderUri, globs) {
      const cwd = toPath(folderUri);
      if (!cwd) return [];
      return findFiles({ cwd, patterns: [...globs] }).files.map(toUri);
    },
    resolvePath: (base, path) => resolve(base, path),
  };
}
