import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '../../src/core/index.js';
import { parseConfigText, TOP_LEVEL_KEYS } from '../../src/core/config/config.js';
import ajvModule from 'ajv';
import { parse } from 'yaml';

const Ajv = ajvModule.default;

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'warrant.schema.json'), 'utf8'));

describe('schemas/warrant.schema.json', () => {
  it('names every rule id the config accepts, and no other', () => {
    assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...RULE_IDS].sort());
  });
  it('has the same top-level keys as the config parser', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_LEVEL_KEYS].sort());
  });
  it('accepts exactly the bibliography forms the parser accepts (issue #22: searchPaths)', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    const forms: [string, boolean][] = [
      ['bibliography: refs.bib\n', true],
      ['bibliography: [a.bib, b.json]\n', true],
      ['bibliography:\n  files: [refs.bib]\n  searchPaths: [assets/bibliography, _bibliography]\n', true],
      ['bibliography:\n  searchPaths: []\n', true],
      ['bibliography:\n  searchpath: [x]\n', false],
      ['bibliography:\n  searchPaths: 3\n', false],
    ];
    for (const [yaml, ok] of forms) {
      assert.equal(validate(parse(yaml)), ok, `schema on ${yaml}`);
      assert.equal(parseConfigText(yaml, 'file:///x/.warrant.yaml', RULE_IDS).problems.length === 0, ok, `parser on ${yaml}`);
    }
  });
});
