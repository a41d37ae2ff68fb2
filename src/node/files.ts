/**
 * Which files to lint: named files as they are; folders searched for Markdown; globs with `!`
 * negation. `node_modules`, `.git` and `vendor` are skipped, and so are files that `.gitignore`
 * files ignore (read as text: git itself never runs, see `gitignore.ts`), `.warrantignore`
 * patterns (gitignore syntax) and config `ignores`, unless `--no-ignore`.
 */
import { lstatSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore from 'ignore';
import { GitIgnores } from './gitignore.js';
import { readRegularFileOrUndefined } from './readFile.js';

/** VS Code's Markdown extensions plus Quarto's. */
export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdwn', 'mdtxt', 'mdtext', 'markdn', 'workbook', 'qmd'] as const;
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**', '**/vendor/**'];

export interface FileSearch {
  readonly cwd: string;
  readonly patterns: readonly string[];
  /** `--ignore-pattern`: more gitignore-style patterns. */
  readonly ignorePatterns?: readonly string[];
  /** `--no-ignore`: lint ignored files too. */
  readonly noIgnore?: boolean;
}

export interface FileSearchResult {
  readonly files: readonly string[];
  /** Patterns that matched no file (ESLint exits 2 for these). */
  readonly unmatched: readonly string[];
  /** Per pattern, how many files it found that ignore files dropped (only patterns that lost some). */
  readonly ignored: ReadonlyMap<string, number>;
  /** Files named on the command line that are ignored, and what ignores them: not linted, but said. */
  readonly ignoredNamed: readonly { readonly pattern: string; readonly by: IgnoredBy }[];
}

/** What ignored a file: a `.gitignore`, or `.warrantignore` / `--ignore-pattern`. */
export type IgnoredBy = 'gitignore' | 'warrantignore';

function isGlob(pattern: string): boolean {
  return /[*?[\]{}!]/.test(pattern);
}

export function findFiles(search: FileSearch): FileSearchResult {
  const cwd = resolve(search.cwd);
  const patterns = search.patterns.length ? search.patterns : ['.'];
  const negations = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const found = new Set<string>();
  const unmatched: string[] = [];
  const ignored = new Map<string, number>();
  const ignoredNamed: { pattern: string; by: IgnoredBy }[] = [];
  const mdGlob = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;
  const why = search.noIgnore ? undefined : ignoreReason(cwd, search.ignorePatterns ?? []);
  const filter = why && ((files: string[], pattern: string): string[] => {
    const kept = files.filter((f) => !why(f));
    if (kept.length < files.length) ignored.set(pattern, (ignored.get(pattern) ?? 0) + files.length - kept.length);
    return kept;
  });
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const abs = resolve(cwd, pattern);
    let matches: string[] = [];
    if (!isGlob(pattern) && pathExists(abs)) {
      // A named path that exists is linted or gets a file-skipped finding saying why (a named
      // pipe, a symbolic link loop); only folders are searched.
      if (isFolder(abs)) {
        matches = fg.sync(mdGlob, { cwd: abs, absolute: true, dot: false, ignore: ALWAYS_SKIPPED, caseSensitiveMatch: false, followSymbolicLinks: false });
        if (filter) matches = filter(matches, pattern);
      } else {
        // A file named explicitly is linted whatever its extension, as ESLint does; one that an
        // ignore file ignores is not, and is said (ESLint's "File ignored…" warning), not dropped
        // in silence.
        const by = why?.(abs);
        if (by) ignoredNamed.push({ pattern, by });
        else matches = [abs];
      }
    } else {
      matches = fg.sync(pattern.replace(/\\/g, '/'), { cwd, absolute: true, dot: false, ignore: [...ALWAYS_SKIPPED, ...negations], followSymbolicLinks: false });
      if (filter) matches = filter(matches, pattern);
    }
    if (negations.length && matches.length) {
      const neg = ignore().add(negations);
      matches = matches.filter((f) => {
        const rel = relative(cwd, f);
        return rel.startsWith('..') || !neg.ignores(rel.split(sep).join('/'));
      });
    }
    if (matches.length === 0 && !ignoredNamed.some((n) => n.pattern === pattern)) unmatched.push(pattern);
    for (const m of matches) found.add(resolve(m));
  }
  return { files: [...found].sort(), unmatched, ignored, ignoredNamed };
}

/** True when the path itself exists, even as a broken or looping symbolic link. */
function pathExists(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

function isFolder(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Who reads the advice on ignored files: the CLI's user can pass `--no-ignore`; an agent calling
 * the MCP tools cannot (they have no such option), so it is told what the tools do instead.
 */
export type IgnoredAdvice = 'cli' | 'mcp';

function includeIgnored(advice: IgnoredAdvice, one: boolean): string {
  const them = one ? 'it' : 'them';
  return advice === 'mcp' ? `the MCP tools skip ignored files (\`warrant lint --no-ignore\` lints ${them})` : `pass --no-ignore to lint ${them}`;
}

/**
 * What to tell the user about a pattern that matched nothing: a folder without Markdown files is
 * not the same mistake as a path that is not there.
 */
export function unmatchedMessage(cwd: string, pattern: string, ignoredCount = 0, advice: IgnoredAdvice = 'cli'): string {
  const folder = !isGlob(pattern) && isFolder(resolve(cwd, pattern));
  if (ignoredCount > 0) {
    const files = ignoredCount === 1 ? 'the one Markdown file' : `all ${ignoredCount} Markdown files`;
    const where = folder ? `in the folder "${pattern}"` : `matching "${pattern}"`;
    return `${files} ${where} ${ignoredCount === 1 ? 'is' : 'are'} ignored (by a .gitignore, .warrantignore or --ignore-pattern): ${includeIgnored(advice, ignoredCount === 1)}`;
  }
  if (folder) return `"${pattern}" is a folder, and no Markdown files were found in it`;
  return `no files matching the pattern "${pattern}" were found`;
}

/** The warning for a file named on the command line that an ignore file ignores. */
export function ignoredNamedMessage(pattern: string, by: IgnoredBy | 'config', advice: IgnoredAdvice = 'cli'): string {
  const what = by === 'gitignore' ? 'a .gitignore' : by === 'config' ? 'the `ignores` of its .warrant.yaml' : '.warrantignore or --ignore-pattern';
  return `warning: "${pattern}" is ignored (by ${what}) and was not linted: ${includeIgnored(advice, true)}`;
}

/** What ignores a file, if anything: `.warrantignore` or `--ignore-pattern` first, then git. */
function ignoreReason(cwd: string, extra: readonly string[]): (file: string) => IgnoredBy | undefined {
  const ig = ignore();
  const warrantIgnore = join(cwd, '.warrantignore');
  const ignoreText = readRegularFileOrUndefined(warrantIgnore);
  if (ignoreText !== undefined) ig.add(ignoreText);
  if (extra.length) ig.add([...extra]);
  const git = new GitIgnores();
  return (f) => {
    const rel = relative(cwd, f);
    if (rel && !rel.startsWith('..') && ig.ignores(rel.split(sep).join('/'))) return 'warrantignore';
    return git.ignores(f) ? 'gitignore' : undefined;
  };
}

/** Config `ignores` (globs relative to the config file's folder). */
export function matchesIgnores(file: string, baseDir: string, ignores: readonly string[]): boolean {
  if (ignores.length === 0) return false;
  const rel = relative(baseDir, file);
  if (rel.startsWith('..')) return false;
  return ignore().add([...ignores]).ignores(rel.split(sep).join('/'));
}
