/**
 * The extension manifest (package.json `contributes`) against what the extension lints: a
 * language Warrant validates by default must exist in a plain VS Code, or its files open as Plain
 * Text and are never linted (issue #22: `.qmd` without the Quarto extension).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: {
    languages?: { id: string; extensions?: string[]; aliases?: string[] }[];
    configuration: { properties: Record<string, { default?: unknown }> };
  };
};

/** Languages a plain VS Code knows (built-in extensions). */
const BUILT_IN = new Set(['markdown']);

describe('extension manifest', () => {
  it('every language of warrant.validate is built in or contributed, and .qmd opens as quarto', () => {
    const validate = pkg.contributes.configuration.properties['warrant.validate']!.default as string[];
    const contributed = new Map((pkg.contributes.languages ?? []).map((l) => [l.id, l]));
    for (const id of validate) assert.ok(BUILT_IN.has(id) || contributed.has(id), `language ${id} is neither built in nor contributed`);
    assert.deepEqual(contributed.get('quarto')?.extensions, ['.qmd']);
    assert.ok(contributed.get('quarto')?.aliases?.includes('Quarto'));
  });
});
