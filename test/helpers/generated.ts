/**
 * Generated source files kept beside what they are generated from (data/*.yaml embedded for the
 * core, which reads no files): compare, and rewrite only when asked.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** True when `path` holds exactly `want`; rewrites it when `write` is set (a missing file is stale). */
export function syncGenerated(path: string, want: string, write: boolean): boolean {
  let have = '';
  try {
    have = readFileSync(path, 'utf8');
  } catch {
    // missing: stale
  }
  if (have === want) return true;
  if (write) writeFileSync(path, want);
  return false;
}
