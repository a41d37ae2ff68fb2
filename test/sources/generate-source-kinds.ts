/**
 * Embeds data/source-kinds.yaml into src/core/sources/kinds.generated.ts: the core cannot read
 * files, and the same constant serves tsx (tests) and the esbuild bundles. Checked (or rewritten
 * with UPDATE_SOURCE_KINDS=1) by `kinds.test.ts`, as the presets and heuristics defaults are.
 */
import { fileURLToPath } from 'node:url';
import { syncGenerated, yamlAsJsonModule } from '../helpers/generated.js';

export const YAML_PATH = fileURLToPath(new URL('../../data/source-kinds.yaml', import.meta.url));
export const GENERATED_PATH = fileURLToPath(new URL('../../src/core/sources/kinds.generated.ts', import.meta.url));

export function generatedSource(): string {
  return yamlAsJsonModule(
    YAML_PATH,
    'SOURCE_KINDS_DATA',
    '// GENERATED from data/source-kinds.yaml — do not edit. Regenerate: UPDATE_SOURCE_KINDS=1 npx mocha test/sources/kinds.test.ts',
    '/** The shipped table of source kinds, parsed from YAML when generated and embedded as JSON because the core cannot read files. */',
  );
}

/** True when the generated file matches the YAML; rewrites it when `write` is set. */
export function checkGenerated(write: boolean): boolean {
  return syncGenerated(GENERATED_PATH, generatedSource(), write);
}
