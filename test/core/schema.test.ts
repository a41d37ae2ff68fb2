import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '../../src/core/index.js';
import { TOP_LEVEL_KEYS } from '../../src/core/config/config.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'warrant.schema.json'), 'utf8'));

describe('schemas/warrant.schema.json', () => {
  it('names every rule id the config accepts, and no other', () => {
    assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...RULE_IDS].sort());
  });
  it('has the same top-level keys as the config parser', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_LEVEL_KEYS].sort());
  });
});
