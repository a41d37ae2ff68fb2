/**
 * In-memory documents for core tests: no disk, no editor. `lintText` lints `essay.md` with other
 * files beside it; `analyzeText` returns the model.
 */
import { createEngine, defaultConfig, extendConfig, isPresetName, MemoryWorkspace, parseConfigText, presetLayer, resolveUri, RULE_IDS, type Finding, type ResolvedConfig } from '../../src/core/index.js';

export const ROOT = 'file:///ws/';
export const ESSAY = `${ROOT}essay.md`;

export function configFrom(yaml: string): ResolvedConfig {
  const parsed = parseConfigText(yaml, `${ROOT}.warrant.yaml`, RULE_IDS);
  if (parsed.problems.length) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  let config = defaultConfig();
  // Presets (`extends: warrant:ai-risk`) as the Node config loader applies them; files are not read here.
  for (const ext of parsed.config.extends ?? []) {
    if (!isPresetName(ext.path)) continue;
    const preset = presetLayer(ext.path, RULE_IDS);
    if ('error' in preset) throw new Error(preset.error);
    config = extendConfig(config, preset.layer, resolveUri);
  }
  return extendConfig(config, parsed.config, resolveUri);
}

export function setup(text: string, files: Record<string, string> = {}, config?: ResolvedConfig) {
  const docs: Record<string, string> = { [ESSAY]: text };
  for (const [name, content] of Object.entries(files)) docs[`${ROOT}${name}`] = content;
  const workspace = new MemoryWorkspace(docs);
  const engine = createEngine({ workspace, ...(config ? { config } : {}) });
  // Analyse every file so incoming edges from other files are known, as the CLI does.
  for (const [uri, t] of Object.entries(docs)) if (/\.(md|qmd)$/.test(uri)) engine.analyze(uri, t);
  return { engine, workspace };
}

export function lintText(text: string, files: Record<string, string> = {}, config?: ResolvedConfig) {
  const { engine } = setup(text, files, config);
  return engine.lint(ESSAY, text);
}

export function analyzeText(text: string, files: Record<string, string> = {}, config?: ResolvedConfig) {
  return setup(text, files, config).engine.analyze(ESSAY, text);
}

/** `rule@line:col` for each finding of the given rules (1-based), for compact assertions. */
export function where(findings: readonly Finding[], ...rules: string[]): string[] {
  return findings.filter((f) => rules.length === 0 || rules.includes(f.ruleId)).map((f) => `${f.ruleId}@${f.position.start.line + 1}:${f.position.start.character + 1}`);
}

/** The text a range covers. */
export function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}
