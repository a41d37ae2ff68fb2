/** `warrant.*` editor settings as the server sees them, with defaults for clients that send none. */
export interface ServerSettings {
  readonly enable: boolean;
  readonly run: 'onType' | 'onSave';
  /** Milliseconds after the last change before linting (onType). */
  readonly debounce: number;
  readonly configFile?: string;
  readonly severityOverrides: Readonly<Record<string, string>>;
  readonly disableRuleComments: boolean;
  readonly codeLens: boolean;
  readonly lintWorkspaceGlobs: readonly string[];
  /** Hide prose findings on the lines of the latest edit until save or an edit elsewhere (CONVENTIONS §15). */
  readonly focusMode: boolean;
}

export const DEFAULT_GLOBS = [
  '**/*.{md,mkd,mdwn,mdown,markdown,markdn,mdtxt,mdtext,workbook,qmd}',
  '!**/node_modules',
  '!**/.git',
  '!**/vendor',
];

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  run: 'onType',
  debounce: 250,
  severityOverrides: {},
  disableRuleComments: true,
  codeLens: true,
  lintWorkspaceGlobs: DEFAULT_GLOBS,
  focusMode: true,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Accepts VS Code's nested section (`{ run, codeAction: { disableRuleComment: { enable } } }`),
 * dotted keys from other clients (`{ "codeAction.disableRuleComment.enable": false }`), or nothing.
 */
export function normaliseSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  if (!isRecord(raw)) return base;
  const get = (path: string): unknown => {
    if (path in raw) return raw[path];
    let v: unknown = raw;
    for (const part of path.split('.')) v = isRecord(v) ? v[part] : undefined;
    return v;
  };
  const bool = (path: string, d: boolean) => (typeof get(path) === 'boolean' ? (get(path) as boolean) : d);
  const run = get('run');
  const debounce = get('debounce');
  const configFile = get('configFile');
  const overrides = get('severityOverrides');
  const globs = get('lintWorkspaceGlobs');
  return {
    enable: bool('enable', base.enable),
    run: run === 'onSave' || run === 'onType' ? run : base.run,
    debounce: typeof debounce === 'number' && debounce >= 0 ? debounce : base.debounce,
    ...(typeof configFile === 'string' && configFile.trim() ? { configFile: configFile.trim() } : base.configFile ? { configFile: base.configFile } : {}),
    severityOverrides: isRecord(overrides) ? (Object.fromEntries(Object.entries(overrides).filter(([, v]) => typeof v === 'string')) as Record<string, string>) : base.severityOverrides,
    disableRuleComments: bool('codeAction.disableRuleComment.enable', base.disableRuleComments),
    codeLens: bool('codeLens.enable', base.codeLens),
    lintWorkspaceGlobs: Array.isArray(globs) && globs.every((g) => typeof g === 'string') ? (globs as string[]) : base.lintWorkspaceGlobs,
    focusMode: bool('focusMode', base.focusMode),
  };
}
