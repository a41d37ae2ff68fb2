/**
 * Attribute lists shared by comment tags and Pandoc attributes:
 * `claim #toxicity defends=#a,#b adversary="well resourced" .risk`.
 */
import type { OffsetRange } from '../text/lineIndex.js';
import type { AttributeRelation } from './types.js';
import type { AttributeRange } from '../model/types.js';

export interface AttributeToken {
  readonly type: 'id' | 'class' | 'pair' | 'word';
  readonly value: string;
  readonly key?: string;
  /** Range of the whole token in the document. */
  readonly range: OffsetRange;
  /** Range of the value (for `key=value`, the value alone). */
  readonly valueRange: OffsetRange;
}

const TOKEN = /#([^\s"'=#.][^\s"'=]*)|\.([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S*))|([^\s"'=]+)/g;

/** Tokenise `source`, which starts at document offset `base`. */
export function tokenizeAttributes(source: string, base: number): AttributeToken[] {
  const tokens: AttributeToken[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(source))) {
    const start = base + m.index;
    const range = { start, end: start + m[0].length };
    if (m[1] !== undefined) {
      tokens.push({ type: 'id', value: m[1], range, valueRange: { start: start + 1, end: range.end } });
    } else if (m[2] !== undefined) {
      tokens.push({ type: 'class', value: m[2], range, valueRange: { start: start + 1, end: range.end } });
    } else if (m[3] !== undefined) {
      const quoted = m[4] ?? m[5];
      const value = quoted ?? m[6] ?? '';
      const valueStart = start + m[3].length + 1 + (quoted !== undefined ? 1 : 0);
      tokens.push({ type: 'pair', key: m[3], value, range, valueRange: { start: valueStart, end: valueStart + value.length } });
    } else if (m[7] !== undefined) {
      tokens.push({ type: 'word', value: m[7], range, valueRange: range });
    }
  }
  return tokens;
}

const RELATION_KEYS: Readonly<Record<string, AttributeRelation['type']>> = {
  supports: 'supports',
  support: 'supports',
  defends: 'defends',
  defend: 'defends',
  answers: 'defends',
  mitigates: 'defends',
  attacks: 'attacks',
  attack: 'attacks',
  rebuts: 'attacks',
};

/** The relation type an attribute key names, if any: `mitigates` is `defends`. */
export function relationForKey(key: string): AttributeRelation['type'] | undefined {
  return RELATION_KEYS[key.toLowerCase()];
}

/**
 * Split a relation value into node references: `#a,#b` or `other.md#x`.
 * For `defends=#a,#b` written at `valueRange`, returns two refs with their own ranges.
 */
export function parseRelationValue(type: AttributeRelation['type'], value: string, valueStart: number): AttributeRelation[] {
  const out: AttributeRelation[] = [];
  let offset = 0;
  for (const part of value.split(',')) {
    const trimmed = part.trim();
    const lead = part.indexOf(trimmed);
    const start = valueStart + offset + Math.max(0, lead);
    offset += part.length + 1;
    if (!trimmed) continue;
    const hash = trimmed.indexOf('#');
    const file = hash > 0 ? trimmed.slice(0, hash) : hash < 0 && /\.(md|markdown|qmd|mdx)$/i.test(trimmed) ? trimmed : undefined;
    const id = hash >= 0 ? trimmed.slice(hash + 1) : file ? '' : trimmed;
    out.push({ type, ...(file ? { file } : {}), id, range: { start, end: start + trimmed.length } });
  }
  return out;
}

export interface InterpretedAttributes {
  id?: { value: string; range: OffsetRange };
  classes: AttributeToken[];
  words: AttributeToken[];
  attributes: Record<string, string>;
  /** Where each attribute of `attributes` is written: its key and its value. */
  attributeRanges: Record<string, AttributeRange>;
  relations: AttributeRelation[];
}

/** Sort tokens into id, classes, plain attributes and relations. */
export function interpretAttributes(tokens: readonly AttributeToken[]): InterpretedAttributes {
  const result: InterpretedAttributes = { classes: [], words: [], attributes: {}, attributeRanges: {}, relations: [] };
  for (const token of tokens) {
    if (token.type === 'id') {
      result.id ??= { value: token.value, range: token.valueRange };
    } else if (token.type === 'class') {
      result.classes.push(token);
    } else if (token.type === 'word') {
      result.words.push(token);
    } else if (token.key) {
      const rel = relationForKey(token.key);
      if (rel) result.relations.push(...parseRelationValue(rel, token.value, token.valueRange.start));
      else {
        result.attributes[token.key] = token.value;
        result.attributeRanges[token.key] = { key: { start: token.range.start, end: token.range.start + token.key.length }, value: token.valueRange };
      }
    }
  }
  return result;
}
