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

/**
 * Where settings come from: the client's `workspace/configuration` per document when it answers
 * it (cached until `didChangeConfiguration`), else `initializationOptions` and the pushed section.
 */
export class SettingsStore {
  private global: ServerSettings = DEFAULT_SETTINGS;
  private readonly perDocument = new Map<string, Promise<ServerSettings>>();
  private askClient = false;

  constructor(private readonly ask: (uri: string) => Promise<unknown>) {}

  initialize(askClient: boolean, initializationOptions: unknown): void {
    this.askClient = askClient;
    const init = initializationOptions as Record<string, unknown> | undefined;
    this.global = normaliseSettings(init && typeof init === 'object' && 'settings' in init ? init.settings : init, DEFAULT_SETTINGS);
  }

  get(uri?: string): Promise<ServerSettings> {
    if (!this.askClient || !uri) return Promise.resolve(this.global);
    let p = this.perDocument.get(uri);
    if (!p) {
      p = this.ask(uri).then((raw) => normaliseSettings(raw, this.global), () => this.global);
      this.perDocument.set(uri, p);
    }
    return p;
  }

  /** `workspace/didChangeConfiguration`: `pushed` is the notification's `settings`. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    if (this.askClient) return;
    const raw = (pushed as Record<string, unknown> | undefined)?.warrant;
    if (raw !== undefined) this.global = normaliseSettings(raw, this.global);
  }
}

/** `warrant.configFile` as an absolute path: relative ones are taken from the first workspace folder. */
export function configFileFor(settings: ServerSettings, folders: readonly string[], resolvePath?: (base: string, path: string) => string): string | undefined {
  const file = settings.configFile;
  if (!file) return undefined;
  if (file.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(file)) return file;
  const folder = folders[0];
  if (!folder || !resolvePath) return file;
  return resolvePath(decodeURIComponent(new URL(folder).pathname), file);
}
