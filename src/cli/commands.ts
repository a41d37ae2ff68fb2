/** The small commands: `init`, `explain <rule>` and `--print-config <file>`. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRuleMeta, DEFAULT_MAX_FILE_SIZE, docsUrl, PRESET_NAMES, ruleMeta, type ResolvedConfig, type RuleMeta } from '../core/index.js';
import { CONFIG_FILE_NAMES } from '../node/config.js';
import { configLoaderFor, type SessionOptions } from './session.js';

/**
 * Findings only the CLI reports (they are not rules the engine runs, so configs cannot name them),
 * explainable like every other id the tool prints.
 */
export const CLI_FINDINGS: readonly RuleMeta[] = [
  { id: 'unused-disable-directive', description: 'A `warrant-disable…` comment that silences nothing', defaultSeverity: 'warning', tags: ['system'] },
];

/** Every id a report can carry: the engine's rules and system findings, and the CLI's own. */
export function reportableMeta(): readonly RuleMeta[] {
  return [...allRuleMeta(), ...CLI_FINDINGS];
}

interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/**
 * The file `warrant init` writes: every key commented, defaults spelled out. With a preset
 * (`ai-risk`), the file extends it and its rules are left to the preset.
 */
export function initTemplate(preset?: string): string {
  const rules = allRuleMeta()
    .filter((m) => !m.tags.includes('system'))
    .map((m) => `  # ${m.description}\n  ${preset ? '# ' : ''}${m.id}: ${m.defaultSeverity}`)
    .join('\n');
  const extendsPreset = preset
    ? `
# Build on the ${preset} preset: its attributes (adversary, harm, severity, domain on risks;
# layer on defenses), their cue words, and its rule settings. docs/ai-risk.md explains it;
# \`warrant --print-config <file>\` shows the result. Settings below win over the preset's.
extends: ${preset}
`
    : '';
  return `# Warrant configuration: https://github.com/warrant-dev/warrant/blob/main/docs/cli.md
# The nearest .warrant.yaml up the folder tree applies; a document's front matter can add a
# \`warrant:\` key on top. YAML only: configuration never runs code.
${extendsPreset}
# Rule severities: off, hint, info, warning, error (ESLint's warn, 0, 1, 2 work too).
# A rule with options: rule-id: [warning, { option: value }]. \`warrant explain <rule-id>\` says more.
${preset ? `# The defaults are shown commented out: the preset's settings apply unless you set one here.\n# rules:` : 'rules:'}
${rules}

# Labels that tag a block as a node kind, beyond the defaults (Claim, Thesis, Evidence, Data,
# Defense, Mitigation, Objection, Risk, …). A new kind says which base kind it counts as.
# vocabulary:
#   claim:
#     labels: [Claim, Thesis, Position]
#   recommendation:
#     labels: [Recommendation]
#     as: claim

# Bibliographies for Pandoc citations [@key] (BibTeX, CSL-JSON or CSL-YAML), relative to this file.
# bibliography:
#   - references.bib

# Files not to lint (gitignore syntax, relative to this file); .gitignore and .warrantignore apply too.
# ignores:
#   - drafts/**
#   - CHANGELOG.md

# The zero-annotation detector (uncited-assertion): thresholds and cue lexicons (docs/heuristics.md).
# heuristics:
#   threshold: 0.5   # a probability (0-1): higher flags fewer sentences; unset: the trained thresholds

# Files larger than this many bytes are skipped with a file-skipped finding (default: ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024} MiB).
# maxFileSize: ${DEFAULT_MAX_FILE_SIZE}

# Stop looking for .warrant.yaml files further up the tree.
root: true
`;
}

export function initCommand(io: Io, preset?: string): number {
  if (preset !== undefined) {
    const name = preset.startsWith('warrant:') ? preset : `warrant:${preset}`;
    if (!PRESET_NAMES.includes(name)) {
      io.stderr(`warrant: unknown preset "${preset}"; known presets: ${PRESET_NAMES.map((p) => p.slice('warrant:'.length)).join(', ')}\n`);
      return 2;
    }
    preset = name;
  }
  for (const name of CONFIG_FILE_NAMES) {
    if (existsSync(join(io.cwd, name))) {
      io.stderr(`warrant: ${name} already exists here; not overwriting it\n`);
      return 2;
    }
  }
  const path = join(io.cwd, CONFIG_FILE_NAMES[0]);
  writeFileSync(path, initTemplate(preset), { flag: 'wx' });
  io.stderr(`warrant: wrote ${CONFIG_FILE_NAMES[0]}${preset ? ` (extends ${preset})` : ''}\n`);
  return 0;
}

/** docs/rules beside the bundle (dist/../docs in the npm package), or in the repository from sources. */
function docsFolder(): string | undefined {
  for (const rel of ['../docs/rules/', '../../docs/rules/']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** A rule's documentation page (docs/rules/<id>.md), or a short page from its metadata; `undefined` for an unknown id. */
export function ruleDocumentation(id: string): string | undefined {
  const meta = ruleMeta(id) ?? CLI_FINDINGS.find((m) => m.id === id);
  if (!meta) return undefined;
  const folder = docsFolder();
  const page = folder ? join(folder, `${id}.md`) : undefined;
  if (page && existsSync(page)) {
    const text = readFileSync(page, 'utf8');
    return text.endsWith('\n') ? text : text + '\n';
  }
  return `# ${meta.id}\n\n${meta.description}.\n\nDefault severity: ${meta.defaultSeverity}. Tags: ${meta.tags.join(', ') || 'none'}.\n\nDocumentation: ${docsUrl(meta.id)}\n`;
}

export function explainCommand(id: string, io: Io): number {
  const text = ruleDocumentation(id);
  if (text === undefined) {
    io.stderr(`warrant: unknown rule id "${id}"; known rules: ${reportableMeta().map((m) => m.id).join(', ')}\n`);
    return 2;
  }
  io.stdout(text);
  return 0;
}

/** `--print-config <file>`: the resolved config for that file, as JSON (Maps as objects). */
export function printConfig(session: SessionOptions, file: string, io: Io): number {
  const loaded = configLoaderFor(session).loadFor(file);
  for (const p of loaded.problems) io.stderr(`warrant: ${loaded.configFile}:${p.position.start.line + 1}:${p.position.start.character + 1}: ${p.message}\n`);
  io.stdout(JSON.stringify({ configFile: loaded.configFile ?? null, ...configJson(loaded.config) }, null, 2) + '\n');
  return loaded.problems.length ? 2 : 0;
}

function configJson(config: ResolvedConfig): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const [id, setting] of config.rules) rules[id] = Object.keys(setting.options).length ? [setting.severity, setting.options] : setting.severity;
  return {
    presets: config.presets,
    rules,
    vocabulary: config.vocabularySpec,
    attributes: config.attributes,
    bibliography: config.bibliography,
    references: config.references,
    ignores: config.ignores,
    heuristics: config.heuristics,
    maxFileSize: config.maxFileSize,
    sources: config.sources,
  };
}
