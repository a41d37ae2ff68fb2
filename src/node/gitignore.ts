/**
 * `.gitignore` semantics without running git. Git honours the repository's own `.git/config`
 * (`core.fsmonitor` and friends run commands), so a linter that spawns git in a workspace runs
 * that workspace's code; reading the ignore files ourselves cannot. Files are plain text, matched
 * with `ignore` (the matcher ESLint and Prettier use).
 *
 * What git does and this does too: every `.gitignore` from the repository root down to a file's
 * folder applies, patterns relative to the folder the file sits in; a deeper file and a later line
 * win; a path inside an ignored folder stays ignored whatever a negation says; `.git/info/exclude`
 * applies with the lowest precedence. Outside a repository nothing is ignored, as with
 * `git check-ignore`. Not read: `core.excludesFile` (it lives in git config, which we do not read).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readRegularFile } from './readFile.js';

/** Caps what one ignore file may cost: of a hostile or generated file only this much is compiled into patterns. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

export class GitIgnores {
  /** Folder → its `.gitignore` matcher (null when it has none). */
  private readonly perFolder = new Map<string, Ignore | null>();
  /** Folder → the repository root above it (null outside a repository). */
  private readonly roots = new Map<string, string | null>();
  /** Repository root → `.git/info/exclude` matcher. */
  private readonly excludes = new Map<string, Ignore | null>();

  /** Whether git would ignore this absolute path (a folder when `isDir`). */
  ignores(path: string, isDir = false): boolean {
    const root = this.rootOf(dirname(path));
    if (root === null) return false;
    const rel = relative(root, path);
    if (rel === '' || rel.startsWith('..')) return false;
    const parts = rel.split(sep);
    // Git never looks inside an ignored folder, so a negation below it cannot re-include anything.
    for (let i = 1; i < parts.length; i++) {
      if (this.matches(root, parts.slice(0, i), true)) return true;
    }
    return this.matches(root, parts, isDir);
  }

  /** One path against the ignore files that apply to it, deepest (highest precedence) first. */
  private matches(root: string, parts: readonly string[], isDir: boolean): boolean {
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const folder = join(root, ...parts.slice(0, depth));
      const ig = this.folderIgnore(folder);
      if (!ig) continue;
      const verdict = ig.test(parts.slice(depth).join('/') + (isDir ? '/' : ''));
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    const exclude = this.excludeOf(root);
    return exclude ? exclude.ignores(parts.join('/') + (isDir ? '/' : '')) : false;
  }

  private rootOf(folder: string): string | null {
    const known = this.roots.get(folder);
    if (known !== undefined) return known;
    // A `.git` folder, or a `.git` file as in worktrees and submodules, marks the root.
    const parent = dirname(folder);
    const root = existsSync(join(folder, '.git')) ? folder : parent === folder ? null : this.rootOf(parent);
    this.roots.set(folder, root);
    return root;
  }

  private folderIgnore(folder: string): Ignore | null {
    let ig = this.perFolder.get(folder);
    if (ig === undefined) {
      ig = readIgnoreFile(join(folder, '.gitignore'));
      this.perFolder.set(folder, ig);
    }
    return ig;
  }

  private excludeOf(root: string): Ignore | null {
    let ig = this.excludes.get(root);
    if (ig === undefined) {
      ig = readIgnoreFile(join(root, '.git', 'info', 'exclude'));
      this.excludes.set(root, ig);
    }
    return ig;
  }
}

function readIgnoreFile(path: string): Ignore | null {
  try {
    let text = readRegularFile(path);
    if (text.length > MAX_IGNORE_FILE_BYTES) text = text.slice(0, MAX_IGNORE_FILE_BYTES);
    return ignore().add(text);
  } catch {
    return null;
  }
}
