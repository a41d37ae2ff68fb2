/**
 * Embeds data/heuristics.yaml into src/core/heuristics/defaults.generated.ts: the core cannot
 * read files, and the same TypeScript constant serves tsx (tests, eval) and the esbuild bundle.
 * Run by `defaults.test.ts` (check, or rewrite with UPDATE_HEURISTICS=1) and by scripts/eval.mjs.
 */
import { syncGenerated, yamlAsJsonModule } from '../helpers/generated.js';
import { fileURLToPath } from 'node:url';

export const YAML_PATH = fileURLToPath(new URL('../../data/heuristics.yaml', import.meta.url));
export const GENERATED_PATH = fileURLToPath(new URL('../../src/core/heuristics/defaults.generated.ts', import.meta.url));

/** The generated module's text for the current YAML. */
export function generatedSource(): string {
  return yamlAsJsonModule(
    YAML_PATH,
    'HEURISTICS_DATA',
    '// GENERATED from data/heuristics.yaml — do not edit. Regenerate: UPDATE_HEURISTICS=1 npx mocha test/heuristics',
    '/** The shipped heuristics, parsed from YAML when generated and embedded as JSON because the core cannot read files. */',
  );
}

/** True when the generated file matches the YAML; rewrites it when `write` is set. */
export function checkGenerated(write: boolean): boolean {
  return syncGenerated(GENERATED_PATH, generatedSource(), write);
}
