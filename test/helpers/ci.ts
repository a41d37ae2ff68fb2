/**
 * The one rule for tests whose input is not always on the machine (`../shared` beside the
 * repository: the seed essay, the development corpus; an offline npm cache): outside CI they skip
 * with a line saying why; in CI they fail, since a skip there would hide exactly the failure the
 * test is for. CI means `CI=true` — what `.ci/run` exports and what hosted CI services set — and
 * nothing else, everywhere.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

/** `CI=true`: inputs must be there, and a missing one is a failure. */
export function inCI(): boolean {
  return process.env['CI'] === 'true';
}

/** Skip this test (or hook) saying why; under `CI=true`, fail with that reason instead. */
export function skipOutsideCI(ctx: Mocha.Context, why: string): never {
  if (inCI()) assert.fail(`${why} (CI=true: what a test needs must be there; outside CI this test is skipped)`);
  console.log(`      (skipped: ${why})`);
  ctx.skip();
  throw new Error('unreachable: mocha skip() throws');
}

/** `path` exists; otherwise skip (or, under `CI=true`, fail) naming what is missing. */
export function requirePath(ctx: Mocha.Context, path: string, what: string): void {
  if (!existsSync(path)) skipOutsideCI(ctx, `${what}: not found at ${path}`);
}
