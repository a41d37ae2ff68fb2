/**
 * Named presets for `extends`: `extends: warrant:ai-risk`. A preset is a config layer shipped as
 * YAML in `data/presets/` (embedded in `presets.generated.ts`), parsed like any `.warrant.yaml`.
 */
import { PRESET_YAML } from './presets.generated.js';
import { closest, parseConfigText, type AttributeDecl, type ConfigProblem, type UserConfig } from './config.js';

export const PRESET_PREFIX = 'warrant:';

/** The names of the shipped presets, with their prefix: `['warrant:ai-risk']`. */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESET_YAML).map((n) => PRESET_PREFIX + n);

/** Whether an `extends` entry names a preset rather than a file. */
export function isPresetName(entry: string): boolean {
  return entry.startsWith(PRESET_PREFIX);
}

/**
 * The layer of a preset (`baseUri` is its name), or a message for an unknown one with the
 * nearest name. Problems in a shipped preset are a bug; they are returned so a test can fail.
 */
export function presetLayer(name: string, knownRules: ReadonlySet<string>): { layer: UserConfig; problems: readonly ConfigProblem[] } | { error: string } {
  const yaml = PRESET_YAML[name.slice(PRESET_PREFIX.length)];
  if (yaml === undefined) {
    const near = closest(name, PRESET_NAMES);
    return { error: `Unknown preset \`${name}\`: ${near ? `did you mean \`${near}\`?` : `use one of ${PRESET_NAMES.join(', ')}`}` };
  }
  const parsed = parseConfigText(yaml, name, knownRules);
  return { layer: parsed.config, problems: parsed.problems };
}

/** The YAML text of a preset, for `--print-config` readers and docs. */
export function presetYaml(name: string): string | undefined {
  return PRESET_YAML[name.startsWith(PRESET_PREFIX) ? name.slice(PRESET_PREFIX.length) : name];
}

let builtin: Readonly<Record<string, AttributeDecl>> | undefined;

/**
 * The threat-model vocabularies that apply with or without a preset: `warrant:ai-risk`'s
 * attributes (`adversary`, `harm`, `severity`, `domain` on risks; `layer` on defenses) with their
 * kinds and values only, no cues. So `adversary=skiled` is an `invalid-tag` with "did you mean"
 * everywhere, never a new adversary of its own that `alignment-only-defense` and `warrant matrix`
 * would take at its word; inference from cue words stays the preset's. A config's own
 * `attributes:` entry for the same key wins, field by field.
 */
export function builtinAttributes(): Readonly<Record<string, AttributeDecl>> {
  if (!builtin) {
    const preset = presetLayer(`${PRESET_PREFIX}ai-risk`, new Set());
    const out: Record<string, AttributeDecl> = {};
    if (!('error' in preset)) {
      for (const [key, decl] of Object.entries(preset.layer.attributes ?? {})) {
        out[key] = { on: decl.on ?? [], values: decl.values ?? [], cues: {}, from: {}, builtin: true, ...(decl.description !== undefined ? { description: decl.description } : {}) };
      }
    }
    builtin = out;
  }
  return builtin;
}
