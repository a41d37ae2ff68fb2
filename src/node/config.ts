/**
 * Config discovery for the CLI and the server: the nearest `.warrant.yaml` (or `.warrant.yml`)
 * from the file's folder upwards wins, as with `.markdownlint.*`; `-c` names one explicitly.
 * Loaded files are cached by path and content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  defaultConfig,
  extendConfig,
  isPresetName,
  LineIndex,
  parseConfigText,
  presetLayer,
  resolveUri,
  RULE_IDS,
  type Finding,
  type ResolvedConfig,
  type UserConfig,
} from '../core/index.js';
import { toUri } from './fsWorkspace.js';

export const CONFIG_FILE_NAMES = ['.warrant.yaml', '.warrant.yml'] as const;

export interface LoadedConfig {
  readonly config: ResolvedConfig;
  /** The config file in force, if any. */
  readonly configFile?: string;
  /** Problems in the config file, as findings located in it (rule `invalid-config`). */
  readonly problems: readonly Finding[];
}

export interface ConfigOptions {
  /** `-c/--config`: use this file, skip lookup. */
  readonly configFile?: string;
  /** `--no-config-lookup`: no file at all. */
  readonly noLookup?: boolean;
  /** Extra layer from the command line (`--rule id:severity`) or editor settings, applied last. */
  readonly overrides?: UserConfig;
}

export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export class ConfigLoader {
  private readonly files = new Map<string, { text: string; layer: UserConfig; problems: Finding[] }>();
  private readonly resolved = new Map<string, { loaded: LoadedConfig; files: readonly string[] }>();
  /** Folder → the config file that governs it, so a run over many files walks each folder once. */
  private readonly lookups = new Map<string, string | undefined>();

  constructor(private readonly options: ConfigOptions = {}) {}

  /** The config for a Markdown file at `filePath`. */
  loadFor(filePath: string): LoadedConfig {
    const file = this.options.noLookup ? undefined : this.options.configFile ? resolve(this.options.configFile) : this.lookup(dirname(resolve(filePath)));
    const key = file ?? '';
    const cached = this.resolved.get(key);
    if (cached && cached.files.every((f) => this.files.get(f)?.text === safeRead(f))) return cached.loaded;
    let config = defaultConfig();
    const problems: Finding[] = [];
    const files: string[] = [];
    if (file) {
      for (const layer of this.chain(file, [], problems, files)) config = extendConfig(config, layer, resolveUri);
    }
    if (this.options.overrides) config = extendConfig(config, this.options.overrides, resolveUri);
    const loaded: LoadedConfig = { config, ...(file ? { configFile: file } : {}), problems };
    this.resolved.set(key, { loaded, files });
    return loaded;
  }

  /**
   * The layers of `file`, the files and presets it `extends` first (depth first, in order), itself
   * last. A missing or circular `extends`, or an unknown preset, is a problem at the entry naming it.
   */
  private chain(file: string, stack: readonly string[], problems: Finding[], files: string[]): UserConfig[] {
    const read = this.readLayer(file);
    files.push(file);
    problems.push(...read.problems);
    const layers: UserConfig[] = [];
    for (const ext of read.layer.extends ?? []) {
      const at = (message: string) => configFinding(toUri(file), new LineIndex(read.text), ext.range, message);
      // `warrant:ai-risk`: a preset shipped inside the package, not a file.
      if (isPresetName(ext.path)) {
        const preset = presetLayer(ext.path, RULE_IDS);
        if ('error' in preset) problems.push(at(preset.error));
        else layers.push(preset.layer);
        continue;
      }
      const target = resolve(dirname(file), ext.path);
      if (target === file || stack.includes(target)) problems.push(at(`\`extends\` loops back to ${ext.path}: remove one of the links`));
      else if (!existsSync(target)) problems.push(at(`\`extends\` names ${ext.path}, which does not exist: fix the path (relative to this file)`));
      else layers.push(...this.chain(target, [...stack, file], problems, files));
    }
    layers.push(read.layer);
    return layers;
  }

  private lookup(dir: string): string | undefined {
    if (!this.lookups.has(dir)) this.lookups.set(dir, findConfigFile(dir));
    return this.lookups.get(dir);
  }

  /** Forget cached files (a config or bibliography changed on disk). */
  clear(): void {
    this.files.clear();
    this.resolved.clear();
    this.lookups.clear();
  }

  private readLayer(file: string): { text: string; layer: UserConfig; problems: Finding[] } {
    const text = safeRead(file);
    const cached = this.files.get(file);
    if (cached && cached.text === text) return cached;
    const uri = toUri(file);
    if (text === undefined) {
      const problems = [configFinding(uri, new LineIndex(''), { start: 0, end: 0 }, `Cannot read config file ${file}`)];
      const value = { text: '', layer: { baseUri: uri }, problems };
      this.files.set(file, value);
      return value;
    }
    const parsed = parseConfigText(text, uri, RULE_IDS);
    const index = new LineIndex(text);
    const problems = parsed.problems.map((p) => configFinding(uri, index, p.range, p.message));
    const value = { text, layer: parsed.config, problems };
    this.files.set(file, value);
    return value;
  }
}

function configFinding(uri: string, index: LineIndex, range: { start: number; end: number }, message: string): Finding {
  return { ruleId: 'invalid-config', severity: 'error', message, uri, range, position: index.toRange(range), related: [] };
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
