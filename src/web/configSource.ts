/**
 * Config discovery by URI, for hosts without a disk (the web worker): the nearest `.warrant.yaml`
 * (or `.warrant.yml`) from the document's folder upwards, with `extends`, read through the
 * `Workspace`. The same rules as `src/node/config.ts`, which works on paths.
 */
import { defaultConfig, extendConfig, LineIndex, parseConfigText, resolveUri, RULE_IDS, type Finding, type ResolvedConfig, type UserConfig, type Workspace } from '../core/index.js';
import type { ConfigSource } from '../server/engineAnalyzer.js';

const NAMES = ['.warrant.yaml', '.warrant.yml'] as const;

export function uriConfigSource(workspace: Workspace): ConfigSource {
  return {
    load(uri, configFile) {
      const file = configFile ? toUri(configFile, uri) : nearest(uri);
      if (!file) return { problems: [] };
      const problems: Finding[] = [];
      let config: ResolvedConfig = defaultConfig();
      for (const layer of chain(file, [], problems)) config = extendConfig(config, layer, resolveUri);
      return { config, configFile: file, problems };
    },
    // Nothing is cached here: the workspace caches the texts, and parsing a config is cheap.
    clear() {},
  };

  function nearest(uri: string): string | undefined {
    let dir = resolveUri(uri, './');
    while (dir) {
      for (const name of NAMES) {
        const candidate = resolveUri(dir, name);
        if (candidate && workspace.exists(candidate)) return candidate;
      }
      const parent = resolveUri(dir, '../');
      if (!parent || parent === dir) return undefined;
      dir = parent;
    }
    return undefined;
  }

  function chain(file: string, stack: readonly string[], problems: Finding[]): UserConfig[] {
    const text = workspace.readText(file);
    if (text === undefined) {
      problems.push(finding(file, new LineIndex(''), { start: 0, end: 0 }, `Cannot read config file ${file}`));
      return [];
    }
    const parsed = parseConfigText(text, file, RULE_IDS);
    const index = new LineIndex(text);
    problems.push(...parsed.problems.map((p) => finding(file, index, p.range, p.message)));
    const layers: UserConfig[] = [];
    for (const ext of parsed.config.extends ?? []) {
      const target = resolveUri(file, ext.path);
      const at = (message: string) => finding(file, index, ext.range, message);
      if (!target || target === file || stack.includes(target)) problems.push(at(`\`extends\` loops back to ${ext.path}: remove one of the links`));
      else if (!workspace.exists(target)) problems.push(at(`\`extends\` names ${ext.path}, which does not exist: fix the path (relative to this file)`));
      else layers.push(...chain(target, [...stack, file], problems));
    }
    layers.push(parsed.config);
    return layers;
  }
}

/** `warrant.configFile` as a URI: already one, or a path on the document's authority. */
function toUri(configFile: string, documentUri: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(configFile)) return configFile;
  return resolveUri(documentUri, configFile.startsWith('/') ? configFile : `/${configFile}`) ?? configFile;
}

function finding(uri: string, index: LineIndex, range: { start: number; end: number }, message: string): Finding {
  return { ruleId: 'invalid-config', severity: 'error', message, uri, range, position: index.toRange(range), related: [] };
}
