/**
 * `.warrant.yaml` and the front-matter `warrant:` key: parsed from YAML only (configuration never
 * runs code), validated with positions so that a bad key becomes a finding at its line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { OffsetRange } from '../text/lineIndex.js';
import type { SeverityOrOff } from '../findings.js';
import { defaultHeuristicOptions, mergeHeuristicOptions } from '../heuristics/index.js';
import type { SourceType } from '../model/types.js';
import { isSourceType, parseHostPattern, SOURCE_TYPES } from '../sources/kinds.js';
import { BASE_KINDS, buildVocabulary, DEFAULT_VOCABULARY_SPEC, type BaseKind, type Vocabulary } from './vocabulary.js';

/** One rule's setting: `warning`, or `[warning, { citationScope: paragraph }]`. */
export interface RuleSetting {
  readonly severity: SeverityOrOff;
  readonly options: Readonly<Record<string, unknown>>;
}

/** A config layer as written (a file or front matter), paths still relative to `baseUri`. */
export interface UserConfig {
  readonly baseUri: string;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly vocabulary?: Readonly<Record<string, { labels?: string[]; as?: BaseKind }>>;
  readonly bibliography?: readonly string[];
  readonly references?: readonly unknown[];
  readonly ignores?: readonly string[];
  readonly heuristics?: unknown;
  readonly maxFileSize?: number;
  readonly root?: boolean;
  /** Declared node attributes (`attributes: { adversary: { on: [risk], values: [...] } }`), validated on every node. */
  readonly attributes?: Readonly<Record<string, Partial<AttributeDecl>>>;
  /** Source kinds by host and the document's own site: `sources: { kinds: { "example.org": official }, site: https://… }`. */
  readonly sources?: Partial<SourcesConfig>;
  /** Config files this one builds on (`extends: ../org.warrant.yaml` or a preset `warrant:ai-risk`), as written, with their place. */
  readonly extends?: readonly { readonly path: string; readonly range: OffsetRange }[];
}

/**
 * A declared attribute: which kinds carry it, which values it takes, and how to infer it where a
 * node does not write it. For `warrant:ai-risk`'s `layer`:
 * `{ on: [defense], values: [model, product, ecosystem], cues: { model: [RLHF, alignment, …] } }`.
 */
export interface AttributeDecl {
  /** Kind names or base kinds the attribute belongs on; empty: any kind. */
  readonly on: readonly string[];
  /** The values it may take; empty: any value. */
  readonly values: readonly string[];
  /** Cue phrases per value (case-insensitive whole words, `*` ends a prefix): the inference lexicon. */
  readonly cues: Readonly<Record<string, readonly string[]>>;
  /** Values implied by another attribute's value: `from: { adversary: { none: accidental } }`. */
  readonly from: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** One line for hovers and `--print-config`. */
  readonly description?: string;
}

/** `sources:`: host → kind entries looked up before the shipped table, and the document's own site. */
export interface SourcesConfig {
  readonly kinds: Readonly<Record<string, SourceType>>;
  /** `https://example.org` (or `example.org/essays`): links there are `same-site`. */
  readonly site?: string;
}

export interface ConfigProblem {
  readonly message: string;
  readonly range: OffsetRange;
}

export interface ResolvedConfig {
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly vocabulary: Vocabulary;
  /** Bibliography URIs, resolved against the layer that named them. */
  readonly bibliography: readonly string[];
  /** Each bibliography as written in its layer (same order as `bibliography`), for messages. */
  readonly bibliographyAsWritten?: readonly string[];
  /** Inline CSL items from config or front-matter `references:`. */
  readonly references: readonly unknown[];
  readonly ignores: readonly string[];
  /** Raw `heuristics:` overrides, merged and validated by the heuristics module. */
  readonly heuristics: readonly unknown[];
  readonly maxFileSize: number;
  /** Declared attributes, by key (empty unless a config or preset declares some). */
  readonly attributes: Readonly<Record<string, AttributeDecl>>;
  /** Presets in force, in the order they were applied (`warrant:ai-risk`). */
  readonly presets: readonly string[];
  /** Source kinds by host and the site, merged over every layer (a later layer's host entries win). */
  readonly sources: SourcesConfig;
  /** The vocabulary as written, so that later layers can extend it. */
  readonly vocabularySpec: Readonly<Record<string, { labels?: readonly string[]; as?: BaseKind }>>;
}

export const TOP_LEVEL_KEYS = ['$schema', 'root', 'extends', 'rules', 'vocabulary', 'attributes', 'bibliography', 'references', 'ignores', 'heuristics', 'maxFileSize', 'sources'] as const;

const SEVERITY_ALIASES: Readonly<Record<string, SeverityOrOff>> = {
  off: 'off',
  '0': 'off',
  false: 'off',
  hint: 'hint',
  suggestion: 'hint',
  info: 'info',
  information: 'info',
  warning: 'warning',
  warn: 'warning',
  '1': 'warning',
  error: 'error',
  '2': 'error',
  true: 'error',
};

/** `warn` → `warning`, `2` → `error`; `undefined` for anything else. */
export function parseSeverity(value: unknown): SeverityOrOff | undefined {
  return SEVERITY_ALIASES[String(value).toLowerCase()];
}

export interface ParsedConfig {
  readonly config: UserConfig;
  readonly problems: readonly ConfigProblem[];
}

/** Parse `.warrant.yaml` text. `knownRules` decides which rule ids are accepted. */
export function parseConfigText(text: string, baseUri: string, knownRules: ReadonlySet<string>): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  for (const err of doc.errors) {
    problems.push({ message: `Invalid YAML: ${err.message.split('\n')[0]!.replace(/\.$/, '')}`, range: { start: err.pos[0], end: Math.max(err.pos[0], err.pos[1]) } });
  }
  if (doc.errors.length) return { config: { baseUri }, problems };
  if (doc.contents === null) return { config: { baseUri }, problems };
  return { config: validateConfigNode(doc.contents as YamlNode, baseUri, knownRules, 0, problems), problems };
}

/**
 * Validate a parsed YAML node as a config layer. `offset` shifts ranges (front matter sits inside
 * the document). Problems are appended; what is valid is kept.
 */
export function validateConfigNode(node: YamlNode, baseUri: string, knownRules: ReadonlySet<string>, offset: number, problems: ConfigProblem[]): UserConfig {
  const at = (n: { range?: [number, number, number] | null } | null | undefined): OffsetRange =>
    n?.range ? { start: offset + n.range[0], end: offset + n.range[1] } : { start: offset, end: offset };
  // Aliases (`*x`) resolve only when YAML becomes data, and may fail there: a problem, not a throw.
  const toData = (n: YamlNode | null): unknown => {
    try {
      return n ? n.toJSON() : undefined;
    } catch (error) {
      problems.push({ message: `Invalid YAML: ${String((error as Error)?.message ?? error).split('\n')[0]}`, range: at(n) });
      return undefined;
    }
  };
  const config: { -readonly [K in keyof UserConfig]: UserConfig[K] } = { baseUri };
  if (!isMap(node)) {
    problems.push({ message: 'Configuration must be a mapping of keys such as `rules:` and `vocabulary:`', range: at(node) });
    return config;
  }
  for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case '$schema':
        break;
      case 'root':
        config.root = isScalar(value) && value.value === true;
        break;
      case 'extends': {
        const items = isSeq(value) ? (value.items as YamlNode[]) : [value];
        const paths: { path: string; range: OffsetRange }[] = [];
        for (const item of items) {
          if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) paths.push({ path: item.value.trim(), range: at(item) });
          else problems.push({ message: '`extends` takes a path to another YAML config file, a preset such as `warrant:ai-risk`, or a list of them', range: at(item) });
        }
        config.extends = paths;
        break;
      }
      case 'rules':
        config.rules = validateRules(value, knownRules, at, problems);
        break;
      case 'vocabulary':
        config.vocabulary = validateVocabulary(value, at, problems);
        break;
      case 'attributes':
        config.attributes = validateAttributes(value, at, problems);
        break;
      case 'bibliography':
        config.bibliography = stringList(value, 'bibliography', at, problems);
        break;
      case 'ignores':
        config.ignores = stringList(value, 'ignores', at, problems);
        break;
      case 'references':
        if (isSeq(value)) config.references = (toData(value) as unknown[] | undefined) ?? [];
        else problems.push({ message: '`references` must be a list of CSL items', range: at(value) });
        break;
      case 'heuristics': {
        const raw = toData(value);
        const checked = mergeHeuristicOptions(defaultHeuristicOptions(), raw);
        for (const p of checked.problems) problems.push({ message: `\`${p.path}\`: ${p.message}`, range: at(value) });
        if (checked.problems.length === 0) config.heuristics = raw;
        break;
      }
      case 'sources':
        config.sources = validateSources(value, at, problems);
        break;
      case 'maxFileSize':
        if (isScalar(value) && typeof value.value === 'number' && value.value > 0) config.maxFileSize = value.value;
        else problems.push({ message: '`maxFileSize` must be a positive number of bytes', range: at(value) });
        break;
      default: {
        const keys = TOP_LEVEL_KEYS.filter((k) => k !== '$schema');
        const near = closest(key, keys);
        problems.push({ message: `Unknown configuration key \`${key}\`: ${near ? `did you mean \`${near}\`?` : `expected one of ${keys.join(', ')}`}`, range: at(pair.key as YamlNode) });
      }
    }
  }
  return config;
}

function validateRules(
  value: YamlNode | null,
  knownRules: ReadonlySet<string>,
  at: (n: YamlNode | null | undefined) => OffsetRange,
  problems: ConfigProblem[],
): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (!isMap(value)) {
    problems.push({ message: '`rules` must map rule ids to a severity (off, hint, info, warning, error)', range: at(value) });
    return rules;
  }
  for (const pair of value.items as Pair<YamlNode, YamlNode>[]) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!knownRules.has(id)) {
      const near = closest(id, [...knownRules]);
      problems.push({ message: `Unknown rule id \`${id}\`${near ? `: did you mean \`${near}\`?` : ''}`, range: at(pair.key as YamlNode) });
      continue;
    }
    let severityNode: YamlNode | null = pair.value;
    let options: Record<string, unknown> = {};
    if (isSeq(pair.value)) {
      severityNode = (pair.value.items[0] as YamlNode) ?? null;
      const opts = pair.value.items[1] as YamlNode | undefined;
      if (opts !== undefined) {
        if (isMap(opts)) options = safeJson(opts) ?? {};
        else problems.push({ message: `Options for \`${id}\` must be a mapping`, range: at(opts) });
      }
    }
    const severity = isScalar(severityNode) ? parseSeverity(severityNode.value) : undefined;
    if (!severity) {
      problems.push({ message: `Invalid severity for \`${id}\`: use off, hint, info, warning or error`, range: at(severityNode ?? (pair.key as YamlNode)) });
      continue;
    }
    rules[id] = { severity, options };
  }
  return rules;
}

function validateVocabulary(value: YamlNode | null, at: (n: YamlNode | null | undefined) => OffsetRange, problems: ConfigProblem[]): Record<string, { labels?: string[]; as?: BaseKind }> {
  const vocab: Record<string, { labels?: string[]; as?: BaseKind }> = {};
  if (!isMap(value)) {
    problems.push({ message: '`vocabulary` must map kind names to `{ labels: [...], as: claim }`', range: at(value) });
    return vocab;
  }
  for (const pair of value.items as Pair<YamlNode, YamlNode>[]) {
    const kind = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!/^[a-z][a-z0-9-]*$/.test(kind)) {
      problems.push({ message: `Kind name \`${kind}\` must be lower-case letters, digits and dashes`, range: at(pair.key as YamlNode) });
      continue;
    }
    const entry: { labels?: string[]; as?: BaseKind } = {};
    if (isMap(pair.value)) {
      for (const p of pair.value.items as Pair<YamlNode, YamlNode>[]) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        if (k === 'labels') entry.labels = stringList(p.value, `vocabulary.${kind}.labels`, at, problems);
        else if (k === 'as') {
          const base = isScalar(p.value) ? String(p.value.value) : '';
          if ((BASE_KINDS as readonly string[]).includes(base)) entry.as = base as BaseKind;
          else problems.push({ message: `\`as\` must be one of ${BASE_KINDS.join(', ')}`, range: at(p.value) });
        } else problems.push({ message: `Unknown key \`${k}\` in vocabulary entry \`${kind}\`: expected labels or as`, range: at(p.key as YamlNode) });
      }
    } else if (isSeq(pair.value)) {
      entry.labels = stringList(pair.value, `vocabulary.${kind}`, at, problems);
    } else {
      problems.push({ message: `Vocabulary entry \`${kind}\` must be a mapping with \`labels\``, range: at(pair.value) });
      continue;
    }
    vocab[kind] = entry;
  }
  return vocab;
}

const ATTRIBUTE_KEY = /^[A-Za-z_][\w-]*$/;

function validateAttributes(value: YamlNode | null, at: (n: YamlNode | null | undefined) => OffsetRange, problems: ConfigProblem[]): Record<string, Partial<AttributeDecl>> {
  const out: Record<string, Partial<AttributeDecl>> = {};
  if (!isMap(value)) {
    problems.push({ message: '`attributes` must map attribute names to `{ on: [risk], values: [...] }`', range: at(value) });
    return out;
  }
  for (const pair of value.items as Pair<YamlNode, YamlNode>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!ATTRIBUTE_KEY.test(name) || relationKey(name)) {
      problems.push({ message: `Attribute name \`${name}\` must be letters, digits, \`_\` and \`-\`, and not a relation (supports, defends, attacks…)`, range: at(pair.key as YamlNode) });
      continue;
    }
    if (!isMap(pair.value)) {
      problems.push({ message: `Attribute \`${name}\` must be a mapping such as \`{ on: [risk], values: [low, high] }\``, range: at(pair.value) });
      continue;
    }
    const decl: { -readonly [K in keyof AttributeDecl]?: AttributeDecl[K] } = {};
    const valueNodes: { cues?: YamlNode | null; from?: YamlNode | null } = {};
    for (const p of pair.value.items as Pair<YamlNode, YamlNode>[]) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (k === 'on') decl.on = stringList(p.value, `attributes.${name}.on`, at, problems);
      else if (k === 'values') decl.values = stringList(p.value, `attributes.${name}.values`, at, problems).map(String);
      else if (k === 'description') decl.description = isScalar(p.value) ? String(p.value.value) : '';
      else if (k === 'cues') valueNodes.cues = p.value;
      else if (k === 'from') valueNodes.from = p.value;
      else problems.push({ message: `Unknown key \`${k}\` in attribute \`${name}\`: expected on, values, cues, from or description`, range: at(p.key as YamlNode) });
    }
    const allowed = decl.values ?? [];
    const checkValue = (v: string, node: YamlNode | null | undefined, what: string): boolean => {
      if (!allowed.length || allowed.includes(v)) return true;
      const near = closest(v, allowed);
      problems.push({ message: `${what} \`${v}\` is not a value of \`${name}\`: ${near ? `did you mean \`${near}\`?` : `use one of ${allowed.join(', ')}`}`, range: at(node) });
      return false;
    };
    if (valueNodes.cues !== undefined) {
      const cues: Record<string, string[]> = {};
      if (!isMap(valueNodes.cues)) problems.push({ message: `\`attributes.${name}.cues\` must map each value to a list of cue phrases`, range: at(valueNodes.cues) });
      else
        for (const c of valueNodes.cues.items as Pair<YamlNode, YamlNode>[]) {
          const v = isScalar(c.key) ? String(c.key.value) : '';
          if (checkValue(v, c.key as YamlNode, 'Cue value')) cues[v] = stringList(c.value, `attributes.${name}.cues.${v}`, at, problems);
        }
      decl.cues = cues;
    }
    if (valueNodes.from !== undefined) {
      const from: Record<string, Record<string, string>> = {};
      if (!isMap(valueNodes.from)) problems.push({ message: `\`attributes.${name}.from\` must map another attribute to \`{ its value: this value }\``, range: at(valueNodes.from) });
      else
        for (const f of valueNodes.from.items as Pair<YamlNode, YamlNode>[]) {
          const other = isScalar(f.key) ? String(f.key.value) : '';
          const map: Record<string, string> = {};
          if (!isMap(f.value)) problems.push({ message: `\`attributes.${name}.from.${other}\` must map values of \`${other}\` to values of \`${name}\``, range: at(f.value) });
          else
            for (const m of f.value.items as Pair<YamlNode, YamlNode>[]) {
              const v = isScalar(m.value) ? String(m.value.value) : '';
              if (checkValue(v, m.value, 'Derived value')) map[isScalar(m.key) ? String(m.key.value) : ''] = v;
            }
          from[other] = map;
        }
      decl.from = from;
    }
    out[name] = decl;
  }
  return out;
}

function validateSources(value: YamlNode | null, at: (n: YamlNode | null | undefined) => OffsetRange, problems: ConfigProblem[]): Partial<SourcesConfig> {
  const out: { kinds?: Record<string, SourceType>; site?: string } = {};
  if (!isMap(value)) {
    problems.push({ message: '`sources` must be a mapping such as `{ kinds: { "example.org": official }, site: https://example.org }`', range: at(value) });
    return out;
  }
  for (const pair of value.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'kinds') {
      const kinds: Record<string, SourceType> = {};
      if (!isMap(pair.value)) {
        problems.push({ message: `\`sources.kinds\` must map hosts to a kind (${SOURCE_TYPES.join(', ')})`, range: at(pair.value) });
        continue;
      }
      for (const k of pair.value.items as Pair<YamlNode, YamlNode>[]) {
        const host = isScalar(k.key) ? String(k.key.value) : '';
        if (!parseHostPattern(host)) {
          problems.push({ message: `\`${host}\` is not a host: write one such as \`example.org\` or \`example.org/blog\``, range: at(k.key as YamlNode) });
          continue;
        }
        const kind = isScalar(k.value) ? String(k.value.value) : '';
        const wanted = kind === 'same site' ? 'same-site' : kind;
        if (!isSourceType(wanted)) {
          const near = closest(kind, SOURCE_TYPES);
          problems.push({ message: `Unknown source kind \`${kind}\` for \`${host}\`: ${near ? `did you mean \`${near}\`?` : `use one of ${SOURCE_TYPES.join(', ')}`}`, range: at(k.value ?? (k.key as YamlNode)) });
          continue;
        }
        kinds[host] = wanted;
      }
      out.kinds = kinds;
    } else if (key === 'site') {
      const site = isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value.trim() : '';
      if (site && /^(https?:\/\/)?[^\s/]+\.[^\s/]+/i.test(site) && parseHostPattern(site)) out.site = site;
      else problems.push({ message: '`sources.site` must be the address of the document\'s own site, such as `https://example.org`', range: at(pair.value) });
    } else {
      problems.push({ message: `Unknown key \`${key}\` in \`sources\`: expected kinds or site`, range: at(pair.key as YamlNode) });
    }
  }
  return out;
}

function relationKey(name: string): boolean {
  return ['supports', 'support', 'defends', 'defend', 'answers', 'mitigates', 'attacks', 'attack', 'rebuts'].includes(name.toLowerCase());
}

/** A declaration as written, completed: what `extendConfig` stores. */
function completeDecl(base: AttributeDecl | undefined, layer: Partial<AttributeDecl>): AttributeDecl {
  const description = layer.description ?? base?.description;
  return {
    on: layer.on ?? base?.on ?? [],
    values: layer.values ?? base?.values ?? [],
    cues: { ...(base?.cues ?? {}), ...(layer.cues ?? {}) },
    from: { ...(base?.from ?? {}), ...(layer.from ?? {}) },
    ...(description !== undefined ? { description } : {}),
  };
}

function safeJson(node: YamlNode): Record<string, unknown> | undefined {
  try {
    return node.toJSON() as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function stringList(value: YamlNode | null, name: string, at: (n: YamlNode | null | undefined) => OffsetRange, problems: ConfigProblem[]): string[] {
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (isSeq(value) && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) return value.items.map((i) => String((i as { value: unknown }).value));
  problems.push({ message: `\`${name}\` must be a string or a list of strings`, range: at(value) });
  return [];
}

/** Closest candidate by edit distance, when close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

/** Defaults before any layer: every rule at its default severity, the default vocabulary. */
export function baseConfig(defaults: ReadonlyMap<string, RuleSetting>): ResolvedConfig {
  return {
    rules: new Map(defaults),
    vocabulary: buildVocabulary(DEFAULT_VOCABULARY_SPEC),
    vocabularySpec: DEFAULT_VOCABULARY_SPEC,
    attributes: {},
    presets: [],
    bibliography: [],
    references: [],
    ignores: [],
    heuristics: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    sources: { kinds: {} },
  };
}

/**
 * Apply one layer on top of a resolved config, the layer winning: rule settings merge per rule
 * (options merge too), vocabulary entries and attribute declarations per name (an attribute's
 * cues per value); `ignores` is replaced, bibliographies add up. A preset layer's `baseUri` is
 * its name (`warrant:ai-risk`), recorded in `presets`.
 */
export function extendConfig(base: ResolvedConfig, layer: UserConfig, resolvePath: (baseUri: string, path: string) => string | undefined): ResolvedConfig {
  const rules = new Map(base.rules);
  for (const [id, setting] of Object.entries(layer.rules ?? {})) {
    const previous = rules.get(id);
    rules.set(id, { severity: setting.severity, options: { ...(previous?.options ?? {}), ...setting.options } });
  }
  const vocabularySpec = layer.vocabulary ? { ...base.vocabularySpec, ...layer.vocabulary } : base.vocabularySpec;
  const attributes: Record<string, AttributeDecl> = { ...base.attributes };
  for (const [name, decl] of Object.entries(layer.attributes ?? {})) attributes[name] = completeDecl(base.attributes[name], decl);
  const presets = layer.baseUri.startsWith('warrant:') && !base.presets.includes(layer.baseUri) ? [...base.presets, layer.baseUri] : base.presets;
  const bibliography = [...base.bibliography];
  const bibliographyAsWritten = base.bibliography.map((uri, i) => base.bibliographyAsWritten?.[i] ?? uri);
  for (const path of layer.bibliography ?? []) {
    const uri = resolvePath(layer.baseUri, path);
    if (uri && !bibliography.includes(uri)) {
      bibliography.push(uri);
      bibliographyAsWritten.push(path);
    }
  }
  return {
    rules,
    vocabulary: layer.vocabulary ? buildVocabulary(vocabularySpec) : base.vocabulary,
    vocabularySpec,
    attributes,
    presets,
    bibliography,
    bibliographyAsWritten,
    references: [...base.references, ...(layer.references ?? [])],
    ignores: layer.ignores ?? base.ignores,
    heuristics: layer.heuristics !== undefined ? [...base.heuristics, layer.heuristics] : base.heuristics,
    maxFileSize: layer.maxFileSize ?? base.maxFileSize,
    sources: layer.sources ? mergeSources(base.sources, layer.sources) : base.sources,
  };
}

/** A layer's `sources:` over the ones below: host entries merge (the layer's win), its site replaces theirs. */
function mergeSources(base: SourcesConfig, layer: Partial<SourcesConfig>): SourcesConfig {
  const site = layer.site ?? base.site;
  return { kinds: { ...base.kinds, ...(layer.kinds ?? {}) }, ...(site !== undefined ? { site } : {}) };
}
