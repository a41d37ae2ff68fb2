/**
 * Embeds data/presets/*.yaml into src/core/config/presets.generated.ts: the core cannot read
 * files, and the same constant serves tsx (tests) and the esbuild bundles. Checked (or rewritten
 * with UPDATE_PRESETS=1) by `presets.test.ts`, as the heuristics defaults are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { syncGenerated } from '../helpers/generated.js';
import { fileURLToPath } from 'node:url';

export const PRESETS_DIR = fileURLToPath(new URL('../../data/presets/', import.meta.url));
export const GENERATED_PATH = fileURLToPath(new URL('../../src/core/config/presets.generated.ts', import.meta.url));

export function generatedSource(): string {
  const names = readdirSync(PRESETS_DIR).filter((f) => f.endsWith('.yaml')).sort();
  const entries = names.map((f) => `  ${JSON.stringify(f.replace(/\.yaml$/, ''))}: ${JSON.stringify(readFileSync(PRESETS_DIR + f, 'utf8'))},`);
  return [
    '// GENERATED from data/presets/*.yaml — do not edit. Regenerate: UPDATE_PRESETS=1 npx mocha test/threat/presets.test.ts',
    '/** The shipped presets (`extends: warrant:<name>`), embedded because the core cannot read files. */',
    'export const PRESET_YAML: Readonly<Record<string, string>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

/** True when the generated file matches the YAML files; rewrites it when `write` is set. */
export function checkGenerated(write: boolean): boolean {
  return syncGenerated(GENERATED_PATH, generatedSource(), write);
}
