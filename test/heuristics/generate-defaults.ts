/**
 * Embeds data/heuristics.yaml into src/core/heuristics/defaults.generated.ts: the core cannot
 * read files, and the same TypeScript constant serves tsx (tests, eval) and the esbuild bundle.
 * Run by `defaults.test.ts` (check, or rewrite with UPDATE_HEURISTICS=1) and by scripts/eval.mjs.
 */
import { readFileSync } from 'node:fs';
import { syncGenerated } from '../helpers/generated.js';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const YAML_PATH = fileURLToPath(new URL('../../data/heuristics.yaml', import.meta.url));
export const GENERATED_PATH = fileURLToPath(new URL('../../src/core/heuristics/defaults.generated.ts', import.meta.url));

/** The generated module's text for the current YAML. */
export function generatedSource(): string {
  // Parsed here, not at every start (#13): the bundle carries JSON, which JSON.parse reads far
  // faster than a YAML parser or an object literal.
  const data = parse(readFileSync(YAML_PATH, 'utf8')) as unknown;
  return [
    '// GENERATED from data/heuristics.yaml — do not edit. Regenerate: UPDATE_HEURISTICS=1 npx mocha test/heuristics',
    '/** The shipped heuristics, parsed from YAML when generated and embedded as JSON because the core cannot read files. */',
    `export const HEURISTICS_DATA: unknown = JSON.parse(${JSON.stringify(JSON.stringify(data))});`,
    '',
  ].join('\n');
}

/** True when the generated file matches the YAML; rewrites it when `write` is set. */
export function checkGenerated(write: boolean): boolean {
  return syncGenerated(GENERATED_PATH, generatedSource(), write);
}
