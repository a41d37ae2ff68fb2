/**
 * The vocabulary: which node kinds exist, which labels and Pandoc classes tag them, and which
 * base role each has (what the rules require of it). `.warrant.yaml` can rename labels, add
 * aliases and add kinds that behave like a base kind:
 *
 * ```yaml
 * vocabulary:
 *   claim: { labels: [Claim, Thesis, Contention] }
 *   assumption: { labels: [Assumption], as: claim }
 * ```
 */

/** The five kinds of DESIGN §1; every configured kind behaves like one of them. */
export const BASE_KINDS = ['claim', 'evidence', 'defense', 'objection', 'risk'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

export interface KindSpec {
  readonly name: string;
  readonly as: BaseKind;
  /** Labels in prose (`Claim:`), matched case-insensitively. */
  readonly labels: readonly string[];
  /** Names accepted in comment tags and Pandoc classes (`<!-- claim -->`, `{.claim}`), lower case. */
  readonly names: readonly string[];
}

export type Vocabulary = ReadonlyMap<string, KindSpec>;

export const DEFAULT_VOCABULARY_SPEC: Readonly<Record<string, { labels: string[]; as?: BaseKind }>> = {
  claim: { labels: ['Claim', 'Thesis'] },
  evidence: { labels: ['Evidence', 'Data'] },
  defense: { labels: ['Defense', 'Defence', 'Mitigation', 'Response', 'Reply'] },
  objection: { labels: ['Objection', 'Counterargument', 'Counter-argument', 'Critique'] },
  risk: { labels: ['Risk', 'Threat', 'Harm'] },
};

export function buildVocabulary(spec: Readonly<Record<string, { labels?: readonly string[]; as?: BaseKind }>>): Vocabulary {
  const vocab = new Map<string, KindSpec>();
  for (const [name, entry] of Object.entries(spec)) {
    const base: BaseKind = entry.as ?? ((BASE_KINDS as readonly string[]).includes(name) ? (name as BaseKind) : 'claim');
    const labels = entry.labels ?? [];
    const names = new Set<string>([name.toLowerCase(), ...labels.map((l) => l.toLowerCase())]);
    vocab.set(name, { name, as: base, labels, names: [...names] });
  }
  return vocab;
}

export const DEFAULT_VOCABULARY: Vocabulary = buildVocabulary(DEFAULT_VOCABULARY_SPEC);

/** The kind a comment tag or Pandoc class names, or `undefined`: `kindByName(v, 'Defence')` is `defense`. */
export function kindByName(vocab: Vocabulary, name: string): KindSpec | undefined {
  const lower = name.toLowerCase();
  for (const spec of vocab.values()) if (spec.names.includes(lower)) return spec;
  return undefined;
}

/** The base role of a kind name (unknown kinds act as claims). */
export function baseOf(vocab: Vocabulary, kind: string): BaseKind {
  return vocab.get(kind)?.as ?? 'claim';
}
