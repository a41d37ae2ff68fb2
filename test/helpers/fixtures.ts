/**
 * Data-driven rule tests: every `test/fixtures/rules/<id>/*.md` is linted with the real config
 * discovery and file-system workspace; findings of rule `<id>` are compared with `<name>.expected`
 * beside it, one finding per line:
 *
 *     20:5-20:88 warning Claim "…" has no citation …
 *
 * `ok*.md` fixtures must produce none and need no expected file. Run with `UPDATE_EXPECT=1` to
 * rewrite expected files after a deliberate change, then review the diff.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createEngine, type Finding } from '../../src/core/index.js';
import { ConfigLoader } from '../../src/node/config.js';
import { FsWorkspace, toUri } from '../../src/node/fsWorkspace.js';
import { readSnapshot } from './snapshot.js';

export function lintFixture(file: string): Finding[] {
  const text = readFileSync(file, 'utf8');
  const engine = createEngine({ workspace: new FsWorkspace() });
  const { config } = new ConfigLoader().loadFor(file);
  return [...engine.lint(toUri(file), text, config).findings];
}

export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const s = f.position.start;
      const e = f.position.end;
      return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${f.severity} ${f.message}`;
    })
    .join('\n');
}

export function expectedPath(fixture: string): string {
  return fixture.replace(/\.(md|markdown|qmd)$/, '.expected');
}

/**
 * The expected file's findings beside `actual`, as [actual, expected]; under UPDATE_EXPECT=1 the
 * file is rewritten first. A missing expected file throws, naming it and the update command.
 */
export function checkExpected(fixture: string, actual: string): [string, string] {
  return [actual, readSnapshot(expectedPath(fixture), actual + '\n', FIXTURE_SNAPSHOTS).replace(/\n$/, '')];
}

export const FIXTURE_SNAPSHOTS = { testFile: 'test/rules/fixtures.test.ts' } as const;

export { dirname };
