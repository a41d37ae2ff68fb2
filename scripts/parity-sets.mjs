// What scripts/parity-snapshot.mjs records and test/parity/findings.test.ts compares: the
// findings of one `warrant lint -f json` run per set, keyed by path relative to the set.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SNAPSHOT = join(REPO, 'test', 'fixtures', 'parity', 'findings.json');
export const DEV_ESSAYS = process.env.WARRANT_DEV_ESSAYS ?? join(REPO, '..', 'shared', 'corpus', 'dev', 'essays');

export const PARITY_SETS = [
  { name: 'examples', dir: join(REPO, 'examples') },
  { name: 'fixtures', dir: join(REPO, 'test', 'fixtures') },
  { name: 'dev-essays', dir: DEV_ESSAYS, hashMessages: true },
];

/** `{ file: ["line:col-endLine:endCol rule severity message", …] }` for one set, linted by `bin`. */
export function findingsOf(bin, set) {
  // Every finding, hints too (`warrant lint` leaves them out of its default output).
  const r = spawnSync(process.execPath, [bin, 'lint', '.', '-f', 'json', '--min-severity', 'hint', '--no-error-on-unmatched-pattern', '--concurrency', 'off'], {
    cwd: set.dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status === null || r.status > 2 || !r.stdout.trim().startsWith('[')) throw new Error(`warrant lint in ${set.dir}: exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
  const out = {};
  for (const file of JSON.parse(r.stdout)) {
    // Real paths on both sides: a set reached through a symbolic link is reported by its target.
    const name = relative(realpathSync(set.dir), realpathSync(file.filePath)).split('\\').join('/');
    out[name] = file.messages.map((m) => {
      const message = set.hashMessages ? createHash('sha256').update(m.message).digest('hex').slice(0, 16) : m.message;
      return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.severityName} ${message}`;
    });
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
