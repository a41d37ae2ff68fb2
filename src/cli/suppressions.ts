/**
 * Bulk suppressions for adopting Warrant on a backlog of published essays, in the shape of
 * ESLint's `eslint-suppressions.json`:
 *
 * ```json
 * { "essays/old.md": { "unsupported-claim": { "count": 3 } } }
 * ```
 *
 * Paths are relative to the file's folder, with `/`. A later run hides a file's findings of a
 * rule while there are no more of them than the count; when there are more, all of them show
 * again (Warrant cannot tell which one is new), as ESLint does.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from '../core/index.js';
import { readRegularFile } from '../node/readFile.js';

export const SUPPRESSIONS_FILE = 'warrant-suppressions.json';

export type SuppressionsData = Record<string, Record<string, { count: number }>>;

export class Suppressions {
  private constructor(
    readonly path: string,
    private data: SuppressionsData,
  ) {}

  static load(path: string): Suppressions {
    let data: SuppressionsData = {};
    if (existsSync(path)) {
      const parsed = JSON.parse(readRegularFile(path)) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${path} is not a suppressions file (expected an object of files)`);
      data = parsed as SuppressionsData;
    }
    return new Suppressions(path, data);
  }

  private key(filePath: string): string {
    return relative(dirname(this.path), filePath).split(sep).join('/');
  }

  /** The findings still in force, and how many were hidden. */
  apply(filePath: string, findings: readonly Finding[]): { kept: Finding[]; hidden: number } {
    const entry = this.data[this.key(filePath)];
    if (!entry) return { kept: [...findings], hidden: 0 };
    const byRule = countByRule(findings);
    const kept = findings.filter((f) => (byRule.get(f.ruleId) ?? 0) > (entry[f.ruleId]?.count ?? 0));
    return { kept, hidden: findings.length - kept.length };
  }

  /** `--suppress-all` / `--suppress-rule`: record the current counts for these files and rules. */
  record(filePath: string, findings: readonly Finding[], rules: ReadonlySet<string> | 'all'): void {
    const key = this.key(filePath);
    const entry = { ...(this.data[key] ?? {}) };
    for (const [rule, count] of countByRule(findings)) {
      if (rules === 'all' || rules.has(rule)) entry[rule] = { count };
    }
    if (rules !== 'all') for (const rule of rules) if (!countByRule(findings).has(rule)) delete entry[rule];
    this.set(key, entry);
  }

  /** `--prune-suppressions`: lower counts to what is still there, dropping what is gone. */
  prune(filePath: string, findings: readonly Finding[]): void {
    const key = this.key(filePath);
    const entry = this.data[key];
    if (!entry) return;
    const byRule = countByRule(findings);
    const next: Record<string, { count: number }> = {};
    for (const [rule, { count }] of Object.entries(entry)) {
      const now = Math.min(count, byRule.get(rule) ?? 0);
      if (now > 0) next[rule] = { count: now };
    }
    this.set(key, next);
  }

  /** `--prune-suppressions`: drop the entries of files that no longer exist, whatever the run named. */
  pruneMissing(): void {
    for (const key of this.missing()) delete this.data[key];
  }

  /** Entries of files that no longer exist (for the hint to prune). */
  missing(): string[] {
    return Object.keys(this.data).filter((key) => !existsSync(resolve(dirname(this.path), key)));
  }

  /** Entries counting more findings than a file has now (for a hint to prune). */
  unused(filePath: string, findings: readonly Finding[]): number {
    const entry = this.data[this.key(filePath)];
    if (!entry) return 0;
    const byRule = countByRule(findings);
    return Object.entries(entry).filter(([rule, { count }]) => (byRule.get(rule) ?? 0) < count).length;
  }

  save(): void {
    const sorted: SuppressionsData = {};
    for (const file of Object.keys(this.data).sort()) {
      const rules = this.data[file]!;
      sorted[file] = Object.fromEntries(Object.keys(rules).sort().map((r) => [r, rules[r]!]));
    }
    writeFileSync(this.path, JSON.stringify(sorted, null, 2) + '\n');
  }

  private set(key: string, entry: Record<string, { count: number }>): void {
    if (Object.keys(entry).length) this.data[key] = entry;
    else delete this.data[key];
  }
}

export function suppressionsPath(cwd: string, location: string | undefined): string {
  return resolve(cwd, location ?? SUPPRESSIONS_FILE);
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of findings) map.set(f.ruleId, (map.get(f.ruleId) ?? 0) + 1);
  return map;
}
