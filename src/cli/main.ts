/**
 * `warrant` command line. Exit codes as ESLint's: 0 no errors (warnings allowed), 1 errors or more
 * warnings than `--max-warnings`, 2 usage or config error, or a pattern that matched nothing.
 * Reports go to stdout (or `-o`); messages about the run go to stderr.
 */
import { SHIPPED_MODEL } from '../core/heuristics/index.js';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allRuleMeta, closest, escapeJsonControls, parseSeverity, RULE_IDS, safeOutput, SEVERITY_RANK, visibleControls, type Finding, type RuleSetting, type Severity, type UserConfig } from '../core/index.js';
import { FORMATTERS, JSON_FORMATS, type FileReport } from './formatters/index.js';
import { counts } from './formatters/types.js';
import { runSession, type SessionOptions } from './session.js';
import { claimRecords, formatClaimsTable, rankClaims } from './claims.js';
import { cachePath } from './cache.js';
import { lintRun, type Concurrency } from './lintRun.js';
import { Suppressions, suppressionsPath } from './suppressions.js';
import { graphCommand, GRAPH_FORMATS, TooLargeToDraw } from './graph.js';
import { MATRIX_BY, MATRIX_FORMATS, matrixCommand, type MatrixBy, type MatrixFormat } from './matrix.js';
import { explainCommand, initCommand, printConfig, reportableMeta } from './commands.js';
import { htmlReport, reportRun } from './report.js';
import { DEFAULT_MAX_ROWS } from '../report/markdown.js';
import { VERSION } from './version.js';
import { unmatchedMessage } from '../node/files.js';
import { unreadableReason } from '../node/readFile.js';
import { FolderError, makeFolders } from '../node/folders.js';
import { decodeText } from '../node/fsWorkspace.js';

export interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Standard input: bytes, decoded as files are (a string is taken as it is). */
  readonly readStdin: () => string | Uint8Array;
  readonly isTTY: boolean;
}

class UsageError extends Error {}

/** `-o` could not be written: one line, exit 2, no stack. */
class OutputError extends Error {}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  frail: { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  'no-inline-config': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  encoder: { type: 'boolean' },
  'no-encoder': { type: 'boolean' },
  'print-config': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  concurrency: { type: 'string' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'prune-suppressions': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
  'min-severity': { type: 'string' },
  'max-rows': { type: 'string' },
  minAlertLevel: { type: 'string' },
  debug: { type: 'boolean' },
  init: { type: 'boolean' },
  preset: { type: 'string' },
  by: { type: 'string' },
  rank: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = ['lint', 'report', 'claims', 'graph', 'matrix', 'init', 'explain', 'mcp', 'help'] as const;

export const HELP = `warrant — an argument linter for Markdown

Usage:
  warrant lint [options] [paths|globs...]     lint Markdown files (folders are searched)
  warrant report [options] [paths...]         one self-contained HTML page for reviewers (-o report.html),
                                              or the pull-request summary (-f markdown); exits like lint
  warrant claims [options] [paths...]         list every claim, its sources and status; --rank: the uncited
                                              statements most likely to need a source first
  warrant graph [options] [paths...]          export the argument graph (-f mermaid|dot|svg|json|aif)
  warrant matrix [options] [paths...]         which defenses cover which risks, by layer (-f table|markdown|csv|json;
                                              --by adversary|domain folds it, docs/ai-risk.md)
  warrant init [--preset ai-risk]             write a commented .warrant.yaml here (built on a preset)
  warrant explain <rule-id>                   print a rule's documentation
  warrant explain uncited-assertion <file>[:line]
                                              each flagged sentence with its confidence, tier and what was seen
  warrant mcp [folder]                        serve lint, claims, matrix and explain to AI agents (Model Context
                                              Protocol over stdio, read-only, confined to the folder)
  warrant help                                show this help

Output:
  -f, --format <name>                 lint: stylish (default), compact, json, sarif, github, junit, gnu, markdown
                                      report: html (default), markdown
                                      claims: json (default), table; graph: mermaid (default), dot, svg, json, aif
                                      matrix: table (default), markdown, csv, json
  -o, --output-file <path>            write the report to a file instead of stdout
      --max-rows <n>                  -f markdown: rows of the unsupported-claims table (default ${DEFAULT_MAX_ROWS})
      --quiet                         report errors only
      --min-severity <level>          report only this level and above: hint, info (default), warning, error
                                      (--minAlertLevel is the same, for Vale users; suggestion = info)
      --color, --no-color             force colours on or off
      --debug                         print what the run did (files, cache hits, workers) to stderr

Config:
  -c, --config <path>                 use this config file instead of looking for .warrant.yaml
      --no-config-lookup              use no config file at all
      --rule <id:severity>            set a rule's severity (off, hint, info, warning, error); repeatable
      --print-config <file>           print the config in force for a file, as JSON, and exit
      --no-inline-config              ignore warrant-disable comments
      --report-unused-disable-directives
                                      report warrant-disable comments that silence nothing

Files:
      --stdin                         lint text from standard input
      --stdin-filename <path>         the name to give standard input (for config lookup and links)
      --ignore-pattern <pattern>      ignore files matching a gitignore-style pattern; repeatable
      --no-ignore                     lint ignored files too (.gitignore, .warrantignore, config ignores)
      --no-error-on-unmatched-pattern exit 0 when a pattern matches no file

Exit status:
      --max-warnings <n>              exit 1 when there are more than n warnings
      --frail                         same as --max-warnings 0

Speed:
      --cache                         reuse results of unchanged files (in .warrantcache)
      --cache-location <path>         cache file, or a folder to hold .warrantcache
      --cache-strategy <s>            content (default: file hashes, safe when git resets mtimes)
                                      or metadata (size and modification time)
      --concurrency <n|auto|off>      worker threads (auto: one per CPU for large runs; off: none)
      --encoder, --no-encoder         refine uncited-assertion with the sentence encoder, or never load it
                                      (default: heuristics.encoder in the config, shipped off)

Suppressions (adopting Warrant on published essays):
      --suppress-all                  record every current finding in warrant-suppressions.json
      --suppress-rule <id>            record the current findings of one rule; repeatable
      --prune-suppressions            drop suppressions that match nothing any more
      --suppressions-location <path>  use this suppressions file

  -v, --version                       print the version
  -h, --help                          print this help

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 bad usage or config,
or a pattern that matched nothing.

Examples:
  warrant lint                        lint every Markdown file under the current folder
  warrant lint essays/ --max-warnings 0
  warrant lint "drafts/**/*.md" "!drafts/old/**"
  warrant lint -f compact             one line per finding (GitHub's eslint-compact matcher)
  warrant lint -f sarif -o warrant.sarif
  warrant lint -f markdown >> "$GITHUB_STEP_SUMMARY"
  warrant report essays/ -o report.html
  warrant lint --cache --concurrency auto
  warrant lint essays/ --suppress-all   then: warrant lint essays/ --max-warnings 0
  cat essay.md | warrant lint --stdin --stdin-filename essay.md
  warrant claims essay.md -f table
  warrant matrix essays/ --by adversary -f markdown
  warrant graph essays/ -f svg -o map.svg
  warrant explain unsupported-claim
  warrant init
`;

export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  // Every byte the CLI prints passes `safeOutput` (src/core/text/controls.ts): reports through
  // `emit`, which knows each format, and anything else (help, rule docs, messages naming files)
  // through these two. Colour sequences pass on stdout only (the formats that paint).
  const io: Io = { ...rawIo, stdout: (s) => rawIo.stdout(safeOutput(s, true)), stderr: (s) => rawIo.stderr(safeOutput(s)) };
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`warrant: ${error.message}\nRun \`warrant --help\` for usage.\n`);
      return 2;
    }
    if (error instanceof OutputError || error instanceof TooLargeToDraw) {
      io.stderr(`warrant: ${error.message}\n`);
      return 2;
    }
    const e = error as Error;
    io.stderr(`warrant: unexpected error: ${e?.stack ?? String(error)}\nPlease report this with the command you ran.\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const args = [...argv];
  let command = (args[0] && (COMMANDS as readonly string[]).includes(args[0]) ? args.shift() : 'lint') as (typeof COMMANDS)[number];
  // `warrant frobnicate`: a bare word that is no command and names no file is a mistyped command,
  // not a pattern that matched nothing.
  const first = argv[0];
  if (command === 'lint' && first !== undefined && first !== 'lint' && /^[a-z][a-z-]*$/i.test(first) && !existsSync(resolve(io.cwd, first))) {
    const near = closest(first.toLowerCase(), COMMANDS);
    throw new UsageError(`unknown command "${first}"${near ? `; did you mean \`warrant ${near}\`?` : ''} (commands: ${COMMANDS.join(', ')}; to lint a file, name it)`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const v = parsed.values;
  if (v.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (v.help || command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (v.init) command = 'init';
  if (command === 'init') return initCommand(io, v.preset);
  if (command === 'mcp') {
    if (parsed.positionals.length > 1) throw new UsageError('mcp takes at most one folder, for example `warrant mcp essays/`');
    return mcpCommand(resolve(io.cwd, parsed.positionals[0] ?? '.'), io);
  }
  const explainFindings = command === 'explain' && parsed.positionals.length === 2 && parsed.positionals[0] === 'uncited-assertion';
  if (command === 'explain' && !explainFindings) {
    if (parsed.positionals.length !== 1) throw new UsageError('explain takes one rule id, for example `warrant explain unsupported-claim` (or `warrant explain uncited-assertion essay.md[:line]`)');
    return explainCommand(parsed.positionals[0]!, io);
  }
  const session: SessionOptions = {
    cwd: io.cwd,
    patterns: parsed.positionals,
    ...(v.config ? { configFile: resolve(io.cwd, v.config) } : {}),
    ...(v['no-config-lookup'] ? { noConfigLookup: true } : {}),
    ...(v['ignore-pattern'] ? { ignorePatterns: v['ignore-pattern'] } : {}),
    ...(v['no-ignore'] ? { noIgnore: true } : {}),
    ...(v.rule || v.encoder || v['no-encoder'] ? { overrides: { ...ruleOverrides(v.rule ?? [], io.cwd), ...(v.encoder || v['no-encoder'] ? { heuristics: { encoder: !v['no-encoder'] } } : {}) } } : {}),
    ...(v['no-encoder'] ? { encoder: false as const } : {}),
    lint: { inlineConfig: !v['no-inline-config'] },
    ...(v.stdin ? { stdin: stdinInput(io.readStdin(), resolve(io.cwd, v['stdin-filename'] ?? '<stdin>.md')) } : {}),
  };
  // An output path whose folders cannot be made fails now, in one line, not after the run.
  if (v['output-file'] !== undefined) outputFolders(io, v['output-file']);
  if (v['print-config'] !== undefined) return printConfig(session, resolve(io.cwd, v['print-config']), io);
  const color = v['no-color'] ? false : v.color ? true : io.isTTY;
  if (command === 'lint' || command === 'report') return lintCommand(v, session, io, color, command);
  if (explainFindings) return explainUncited(parsed.positionals[1]!, session, io);
  const result = runSession(session);
  for (const w of result.warnings) io.stderr(`warrant: ${visibleControls(w)}\n`);
  if (result.unmatched.length && !v['no-error-on-unmatched-pattern']) {
    for (const p of result.unmatched) io.stderr(`warrant: ${visibleControls(unmatchedMessage(io.cwd, p, result.ignored.get(p)))}\n`);
    return 2;
  }
  if (command === 'graph') {
    const format = v.format ?? 'mermaid';
    if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" for graph: use one of ${GRAPH_FORMATS.join(', ')}`);
    emit(io, v['output-file'], await graphCommand(result, format as (typeof GRAPH_FORMATS)[number], io.cwd), format === 'json' || format === 'aif' ? 'json' : 'text');
    return result.configProblems.length ? 2 : 0;
  }
  if (command === 'matrix') {
    const format = v.format ?? 'table';
    if (!(MATRIX_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" for matrix: use one of ${MATRIX_FORMATS.join(', ')}`);
    if (v.by !== undefined && !(MATRIX_BY as readonly string[]).includes(v.by)) throw new UsageError(`--by takes ${MATRIX_BY.join(' or ')}, not "${v.by}"`);
    emit(io, v['output-file'], matrixCommand(result, format as MatrixFormat, v.by as MatrixBy | undefined, io.cwd), format === 'json' ? 'json' : 'text');
    return result.configProblems.length ? 2 : 0;
  }
  if (command === 'claims') {
    const format = v.format ?? 'json';
    if (format !== 'json' && format !== 'table') throw new UsageError(`unknown format "${format}" for claims: use json or table`);
    const all = claimRecords(result.files, result.engine, io.cwd);
    const records = v.rank ? rankClaims(all) : all;
    emit(io, v['output-file'], format === 'json' ? JSON.stringify(records, null, 2) + '\n' : formatClaimsTable(records, v.rank ? 'rank' : undefined), format === 'json' ? 'json' : 'text');
    return result.configProblems.length ? 2 : 0;
  }
  return 0;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

const MIN_SEVERITY: Readonly<Record<string, Severity>> = { hint: 'hint', suggestion: 'info', info: 'info', information: 'info', warning: 'warning', warn: 'warning', error: 'error' };

async function lintCommand(v: Values, session: SessionOptions, io: Io, color: boolean, command: 'lint' | 'report'): Promise<number> {
  const formatName = v.format ?? (command === 'report' ? 'html' : 'stylish');
  const html = command === 'report' && formatName === 'html';
  const formatter = command === 'report' && !html && formatName !== 'markdown' ? undefined : FORMATTERS[formatName];
  if (!formatter && !html) {
    throw new UsageError(command === 'report' ? `unknown format "${formatName}" for report: use html or markdown` : `unknown format "${formatName}": use one of ${Object.keys(FORMATTERS).join(', ')}`);
  }
  let maxRows = DEFAULT_MAX_ROWS;
  if (v['max-rows'] !== undefined) {
    maxRows = Number(v['max-rows']);
    if (!Number.isInteger(maxRows) || maxRows < 0) throw new UsageError(`--max-rows takes a whole number, not "${v['max-rows']}"`);
  }
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${v['max-warnings']}"`);
  }
  if (v.frail) maxWarnings = 0;
  // Hints (the low-confidence tier of `uncited-assertion`) are left out of the default output of
  // lint and report alike (a report is a lint run); `--min-severity hint` shows them.
  let minSeverity: Severity = v.quiet ? 'error' : 'info';
  const minFlag = v['min-severity'] ?? v.minAlertLevel;
  if (minFlag !== undefined) {
    const level = MIN_SEVERITY[minFlag.toLowerCase()];
    if (!level) throw new UsageError(`--min-severity takes hint, info, warning or error, not "${minFlag}"`);
    minSeverity = v.quiet && SEVERITY_RANK[level] < SEVERITY_RANK.error ? 'error' : level;
  }
  let concurrency: Concurrency = 'auto';
  if (v.concurrency !== undefined) {
    const c = v.concurrency.toLowerCase();
    if (c === 'auto' || c === 'off') concurrency = c;
    else if (/^\d+$/.test(c) && Number(c) >= 1) concurrency = Number(c) === 1 ? 'off' : Number(c);
    else throw new UsageError(`--concurrency takes a number, auto or off, not "${v.concurrency}"`);
  }
  const strategy = v['cache-strategy'] ?? 'content';
  if (strategy !== 'content' && strategy !== 'metadata') throw new UsageError(`--cache-strategy takes content or metadata, not "${strategy}"`);
  for (const id of v['suppress-rule'] ?? []) if (!RULE_IDS.has(id) && id !== 'unused-disable-directive') throw new UsageError(`unknown rule id "${id}" in --suppress-rule`);

  const started = Date.now();
  // The report needs the models and the graph too: one engine in this thread, as `--concurrency off`.
  const reported = command === 'report' ? reportRun(session) : undefined;
  const result = reported ? reported.run : await lintRun({
    session,
    concurrency,
    ...(v.cache || v['cache-location'] ? { cache: { path: cachePath(io.cwd, v['cache-location']), strategy } } : {}),
  });
  if (result.notice) io.stderr(`warrant: ${visibleControls(result.notice)}\n`);
  for (const w of result.warnings) io.stderr(`warrant: ${visibleControls(w)}\n`);
  if (result.unmatched.length && !v['no-error-on-unmatched-pattern']) {
    for (const p of result.unmatched) io.stderr(`warrant: ${visibleControls(unmatchedMessage(io.cwd, p, result.ignored.get(p)))}\n`);
    return 2;
  }

  const suppressPath = suppressionsPath(io.cwd, v['suppressions-location']);
  let suppressions: Suppressions;
  try {
    suppressions = Suppressions.load(suppressPath);
  } catch (error) {
    io.stderr(`warrant: cannot read the suppressions file ${relative(io.cwd, suppressPath) || suppressPath}: ${unreadableReason(error)}\n`);
    return 2;
  }
  const recordRules = v['suppress-all'] ? 'all' : v['suppress-rule']?.length ? new Set(v['suppress-rule']) : undefined;

  const reports: FileReport[] = [];
  for (const problem of result.configProblems) reports.push({ filePath: problem.filePath, findings: problem.findings });
  for (const file of result.unreadable) {
    reports.push({ filePath: file.filePath, findings: [unreadableFinding(file.filePath, file.message, file.position)] });
  }
  let hidden = 0;
  let unusedSuppressions = 0;
  const keep = (f: Finding): boolean => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[minSeverity];
  for (const file of result.outcomes) {
    const all: Finding[] = [...file.findings, ...(v['report-unused-disable-directives'] ? file.unusedDirectives : [])];
    if (recordRules) suppressions.record(file.filePath, all, recordRules);
    if (v['prune-suppressions']) suppressions.prune(file.filePath, all);
    unusedSuppressions += suppressions.unused(file.filePath, all);
    const applied = suppressions.apply(file.filePath, all);
    hidden += applied.hidden;
    reports.push({ filePath: file.filePath, findings: applied.kept.filter(keep), source: file.text });
  }
  unusedSuppressions += suppressions.missing().length;
  if (v['prune-suppressions']) suppressions.pruneMissing();
  if (recordRules || v['prune-suppressions']) {
    suppressions.save();
    io.stderr(`warrant: ${recordRules ? 'recorded' : 'pruned'} suppressions in ${relative(io.cwd, suppressPath) || suppressPath}\n`);
  } else if (unusedSuppressions) {
    io.stderr(`warrant: ${unusedSuppressions} suppression${unusedSuppressions === 1 ? '' : 's'} in ${relative(io.cwd, suppressPath)} match fewer findings than recorded or belong to deleted files; run with --prune-suppressions\n`);
  }
  const total = counts(reports.flatMap((r) => r.findings));
  const warningsFail = maxWarnings >= 0 && total.warnings > maxWarnings;
  const output = html
    ? await htmlReport(reported!.session, reports, io.cwd)
    : formatter!(reports, { cwd: io.cwd, color: color && !v['output-file'], rules: reportableMeta(), warningsFail, maxRows, ...githubLinkBase() });
  const painted = color && !v['output-file'];
  emit(io, v['output-file'], output, !html && JSON_FORMATS.has(formatName) ? 'json' : painted ? 'painted' : 'text');
  if (v.debug) {
    const s = result.stats;
    io.stderr(`warrant: ${s.files} files, ${s.fromCache} from cache, ${s.workers ? `${s.workers} worker${s.workers === 1 ? '' : 's'}` : 'no workers'} (${s.workerChoice}), ${hidden} suppressed, ${Date.now() - started} ms${s.detail ? ` (${s.detail})` : ''}\n`);
  }

  // Configuration errors exit 2 wherever they are written: .warrant.yaml, a front-matter
  // `warrant:` key, or a `warrant-disable` comment naming an unknown rule.
  if (result.configProblems.length || reports.some((r) => r.findings.some((f) => f.ruleId === 'invalid-config'))) return 2;
  if (total.errors > 0) return 1;
  if (warningsFail) {
    io.stderr(`warrant: found too many warnings (maximum: ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/** In GitHub Actions, the commit's blob URL, so `-f markdown` links open the file at the line. */
function githubLinkBase(): { linkBase?: string } {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = process.env;
  return server && repo && sha ? { linkBase: `${server}/${repo}/blob/${sha}` } : {};
}

/** dist/mcp.cjs beside the bundle (the SDK stays out of every other command's start-up); from sources, the module. */
async function mcpCommand(folder: string, io: Io): Promise<number> {
  type McpModule = { runMcpServer: (folder: string, stderr: (s: string) => void) => Promise<number> };
  const beside = fileURLToPath(new URL('./mcp.cjs', import.meta.url));
  // The bundle requires it (bin/ runs dist/cli.cjs in a vm script, where import() is unavailable);
  // from sources, a variable specifier keeps the bundler from inlining the server into dist/cli.cjs.
  const source = '../mcp/main.js';
  const mod = (existsSync(beside) ? createRequire(import.meta.url)(beside) : await import(source)) as McpModule;
  return mod.runMcpServer(folder, io.stderr);
}

/** `-o`'s folders, made (as ESLint does) or refused with one line (`OutputError`). */
function outputFolders(io: Io, outputFile: string): void {
  try {
    makeFolders(dirname(resolve(io.cwd, outputFile)));
  } catch (error) {
    if (error instanceof FolderError) throw new OutputError(`cannot write the output file ${outputFile}: ${error.message}`);
    throw error;
  }
}

/**
 * What a report is, for the one escaping layer: JSON (controls as `\u` escapes, so it still parses
 * to the document's text), text (as `\xHH`), or text Warrant painted (its colour sequences kept).
 */
type OutputKind = 'json' | 'text' | 'painted';

/**
 * Print, or write `-o`'s file (creating its folders as ESLint does): the one way a report leaves
 * the CLI, so no control character from a document reaches a terminal or a file raw.
 */
function emit(io: Io, outputFile: string | undefined, report: string, kind: OutputKind): void {
  const text = safeOutput(kind === 'json' ? escapeJsonControls(report) : report, kind === 'painted');
  if (!outputFile) {
    if (text) io.stdout(text);
    return;
  }
  const path = resolve(io.cwd, outputFile);
  outputFolders(io, outputFile);
  try {
    writeFileSync(path, text);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'EISDIR' ? 'it is a folder' : e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a file stands where a folder of its path should be' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.message;
    throw new OutputError(`cannot write the output file ${outputFile}: ${why}`);
  }
}

/**
 * `--stdin`'s bytes, decoded as a file's are: text that is not UTF-8 (or is UTF-16) is the same
 * `file-skipped` error as such a file, never text quietly full of U+FFFD.
 */
function stdinInput(input: string | Uint8Array, filename: string): NonNullable<SessionOptions['stdin']> {
  const text = typeof input === 'string' ? input : decodeText(input);
  return typeof text === 'string' ? { text, filename } : { text: '', filename, unreadable: text };
}

/** `--rule unsupported-claim:error` → a config layer applied after the config file. */
function ruleOverrides(specs: readonly string[], cwd: string): UserConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const spec of specs) {
    const at = spec.lastIndexOf(':');
    const id = at > 0 ? spec.slice(0, at).trim() : '';
    const severity = at > 0 ? parseSeverity(spec.slice(at + 1).trim()) : undefined;
    if (!id || !severity) throw new UsageError(`--rule takes id:severity (off, hint, info, warning, error), not "${spec}"`);
    if (!RULE_IDS.has(id)) throw new UsageError(`unknown rule id "${id}" in --rule`);
    rules[id] = { severity, options: {} };
  }
  return { baseUri: pathToFileURL(resolve(cwd) + "/").href, rules };
}

function unreadableFinding(filePath: string, message: string, at?: { line: number; character: number }): Finding {
  // A path that is no regular file (`at` unset) says so; a file that is not UTF-8 points at the byte.
  const text = at ? `Not linted: this path ${message}` : `Not linted: this path ${message}; only regular files are read`;
  const where = at ?? { line: 0, character: 0 };
  return { ruleId: 'file-skipped', severity: 'error', message: text, uri: filePath, range: { start: 0, end: 0 }, position: { start: where, end: where }, related: [] };
}

/**
 * `warrant explain uncited-assertion essay.md[:line]`: each sentence the detector flagged (both
 * tiers), with the model's probability, its tier and what was seen.
 */
function explainUncited(target: string, session: SessionOptions, io: Io): number {
  const m = /^(.*?)(?::(\d+))?$/.exec(target)!;
  const file = m[1]!;
  const line = m[2] !== undefined ? Number(m[2]) : undefined;
  const result = runSession({ ...session, patterns: [file] });
  if (result.files.length === 0) {
    io.stderr(`warrant: no Markdown file matches "${file}"\n`);
    return 2;
  }
  let shown = 0;
  for (const { filePath, result: lint } of result.files) {
    const name = relative(io.cwd, filePath) || filePath;
    for (const f of lint.findings) {
      if (f.ruleId !== 'uncited-assertion') continue;
      const at = lint.model.lineIndex.positionAt(f.range.start);
      if (line !== undefined && at.line + 1 !== line) continue;
      const confidence = typeof f.data?.['confidence'] === 'number' ? (f.data['confidence'] as number).toFixed(2) : '?';
      const seen = (f.data?.['seen'] ?? {}) as Record<string, string>;
      io.stdout(`${name}:${at.line + 1}:${at.character + 1}  confidence ${confidence}  ${f.severity}\n  ${f.message}\n`);
      const words = Object.entries(seen).map(([reason, w]) => `${reason} “${w}”`);
      if (words.length) io.stdout(`  seen: ${words.join('; ')}\n`);
      shown++;
    }
  }
  if (shown === 0) io.stdout(`No uncited-assertion finding${line !== undefined ? ` on line ${line}` : ''} in ${file}.\n`);
  io.stdout(`\nConfidence is the detector's probability that the sentence needs a source; from ${SHIPPED_MODEL.thresholds.info} (or rules.uncited-assertion.minConfidence) a finding is info, below it a hint. \`warrant explain uncited-assertion\` prints the rule's page.\n`);
  return 0;
}
