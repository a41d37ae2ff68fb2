/**
 * Generated source files kept beside what they are generated from (data/*.yaml embedded for the
 * core, which reads no files): compare, and rewrite only when asked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

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

/**
 * A module embedding one YAML file as a JSON constant: parsed when generated, not at every start
 * (#13) — the bundle carries JSON, which `JSON.parse` reads far faster than a YAML parser or an
 * object literal.
 */
export function yamlAsJsonModule(yamlPath: string, constName: string, header: string, doc: string): string {
  const data = parse(readFileSync(yamlPath, 'utf8')) as unknown;
  return [header, doc, `export const ${constName}: unknown = JSON.parse(${JSON.stringify(JSON.stringify(data))});`, ''].join('\n');
}
