/**
 * Snapshot files (expected findings, grammar scopes, the .vsix file list). A test run never writes
 * one unless it was asked to with an update variable (`UPDATE_EXPECT=1`): a missing snapshot is a
 * failure that names the file and the command that writes it, so deleting or forgetting one can
 * never pass by comparing fresh output with itself. `.ci/run` refuses to start with any
 * `UPDATE_*` variable set, so CI always compares.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** True when `variable` (e.g. `UPDATE_EXPECT`) asks this run to rewrite snapshots. */
export function updating(variable = 'UPDATE_EXPECT'): boolean {
  return process.env[variable] === '1';
}

export interface SnapshotOptions {
  /** The variable that rewrites this snapshot; `UPDATE_EXPECT` unless given. */
  readonly variable?: string;
  /** The test file to run with it, for the message, e.g. `test/grammar/grammar.test.ts`. */
  readonly testFile: string;
}

/** How to rewrite the snapshot at `path`, for failure messages. */
export function updateHint(path: string, { variable = 'UPDATE_EXPECT', testFile }: SnapshotOptions): string {
  return `${relative(REPO, path)}: run \`${variable}=1 npx mocha ${testFile}\` to write it, then review the diff`;
}

/**
 * The snapshot's text, or, under the update variable, `actual` after writing it. Throws when the
 * file is missing and no update was asked for.
 */
export function readSnapshot(path: string, actual: string, options: SnapshotOptions): string {
  if (updating(options.variable)) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    return actual;
  }
  if (!existsSync(path)) throw new Error(`missing snapshot ${updateHint(path, options)}`);
  return readFileSync(path, 'utf8');
}
