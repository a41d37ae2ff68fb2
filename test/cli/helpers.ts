/** Runs the built CLI (`bin/warrant.cjs`, so `npm run build` first) as a child process. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'warrant.cjs');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'cli');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `timeout`: milliseconds before the child is killed (its status is then null): a hang fails the test, never stalls it. */
export function warrant(args: readonly string[], options: { cwd?: string; input?: string | Buffer; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch copy of fixture folders (outside any git repository's ignores), removed by `done`. */
export function scratch(...folders: string[]): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-cli-'));
  for (const f of folders) cpSync(f.startsWith('/') ? f : join(FIXTURES, f), join(dir, f.startsWith('/') ? f.split('/').pop()! : f), { recursive: true });
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
