/**
 * `warrant` command line. Exit codes as ESLint's: 0 no errors (warnings allowed), 1 errors or more
 * warnings than `--max-warnings`, 2 usage or config error, or a pattern that matched nothing.
 * Reports go to stdout (or `-o`); messages about the run go to stderr.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allRuleMeta, parseSeverity, RULE_IDS, type Finding, type RuleSetting, type UserConfig } from '../core/index.js';
import { FORMATTERS, type FileReport } from './formatters/index.js';
import { counts } from './formatters/types.js';
import { runSession, type SessionOptions } from './session.js';
import { claimRecords, formatClaimsTable } from './claims.js';
import { VERSION } from './version.js';

export interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readStdin: () => string;
  readonly isTTY: boolean;
}

class UsageError extends Error {}

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
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = ['lint', 'claims', 'help'] as const;

export const HELP = `warrant — an argument linter for Markdown

Usage:
  warrant lint [options] [paths|globs...]     lint Markdown files (folders are searched)
  warrant claims [options] [paths...]         list every claim, its sources and status
  warrant help                                show this help

Options:
  -f, --format <name>                 stylish (default) or json; for claims: table or json
  -o, --output-file <path>            write the report to a file instead of stdout
  -c, --config <path>                 use this config file instead of looking for .warrant.yaml
      --no-config-lookup              use no config file at all
      --rule <id:severity>            set a rule's severity (off, hint, info, warning, error); repeatable
      --quiet                         report errors only
      --max-warnings <n>              exit 1 when there are more than n warnings
      --frail                         same as --max-warnings 0
      --stdin                         lint text from standard input
      --stdin-filename <path>         the name to give standard input (for config lookup and links)
      --ignore-pattern <pattern>      ignore files matching a gitignore-style pattern; repeatable
      --no-ignore                     lint ignored files too (.gitignore, .warrantignore, config ignores)
      --no-inline-config              ignore warrant-disable comments
      --report-unused-disable-directives
                                      report warrant-disable comments that silence nothing
      --no-error-on-unmatched-pattern exit 0 when a pattern matches no file
      --color, --no-color             force colours on or off
  -v, --version                       print the version
  -h, --help                          print this help

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 bad usage or config,
or a pattern that matched nothing.

Examples:
  warrant lint                        lint every Markdown file under the current folder
  warrant lint essays/ --max-warnings 0
  warrant lint "drafts/**/*.md" "!drafts/old/**"
  warrant lint -f json -o report.json
  cat essay.md | warrant lint --stdin --stdin-filename essay.md
  warrant claims essay.md -f table
`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`warrant: ${error.message}\nRun \`warrant --help\` for usage.\n`);
      return 2;
    }
    const e = error as Error;
    io.stderr(`warrant: unexpected error: ${e?.stack ?? String(error)}\nPlease report this with the command you ran.\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const args = [...argv];
  const command = (args[0] && (COMMANDS as readonly string[]).includes(args[0]) ? args.shift() : 'lint') as (typeof COMMANDS)[number];
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
  const session: SessionOptions = {
    cwd: io.cwd,
    patterns: parsed.positionals,
    ...(v.config ? { configFile: resolve(io.cwd, v.config) } : {}),
    ...(v['no-config-lookup'] ? { noConfigLookup: true } : {}),
    ...(v['ignore-pattern'] ? { ignorePatterns: v['ignore-pattern'] } : {}),
    ...(v['no-ignore'] ? { noIgnore: true } : {}),
    ...(v.rule ? { overrides: ruleOverrides(v.rule, io.cwd) } : {}),
    lint: { inlineConfig: !v['no-inline-config'] },
    ...(v.stdin ? { stdin: { text: io.readStdin(), filename: resolve(io.cwd, v['stdin-filename'] ?? '<stdin>.md') } } : {}),
  };
  const result = runSession(session);
  if (result.unmatched.length && !v['no-error-on-unmatched-pattern']) {
    for (const p of result.unmatched) io.stderr(`warrant: no files matching the pattern "${p}" were found\n`);
    return 2;
  }
  const color = v['no-color'] ? false : v.color ? true : io.isTTY;
  if (command === 'claims') {
    const format = v.format ?? 'json';
    if (format !== 'json' && format !== 'table') throw new UsageError(`unknown format "${format}" for claims: use json or table`);
    const records = claimRecords(result.files, result.engine, io.cwd);
    emit(io, v['output-file'], format === 'json' ? JSON.stringify(records, null, 2) + '\n' : formatClaimsTable(records));
    return result.configProblems.length ? 2 : 0;
  }
  const formatName = v.format ?? 'stylish';
  const formatter = FORMATTERS[formatName];
  if (!formatter) throw new UsageError(`unknown format "${formatName}": use one of ${Object.keys(FORMATTERS).join(', ')}`);
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${v['max-warnings']}"`);
  }
  if (v.frail) maxWarnings = 0;

  const reports: FileReport[] = [];
  for (const problem of result.configProblems) reports.push({ filePath: problem.filePath, findings: problem.findings });
  for (const file of result.unreadable) {
    reports.push({ filePath: file.filePath, findings: [unreadableFinding(file.filePath, file.message)] });
  }
  for (const file of result.files) {
    let findings: Finding[] = [...file.result.findings];
    if (v['report-unused-disable-directives']) {
      for (const d of file.result.unusedDirectives) {
        findings.push({
          ruleId: 'unused-disable-directive',
          severity: 'warning',
          message: `Unused \`warrant-${d.kind}\` comment${d.rules.length ? ` for ${d.rules.map((r) => r.id).join(', ')}` : ''}: nothing is reported here; remove it`,
          uri: file.result.uri,
          range: d.range,
          position: file.result.model.lineIndex.toRange(d.range),
          related: [],
        });
      }
    }
    if (v.quiet) findings = findings.filter((f) => f.severity === 'error');
    reports.push({ filePath: file.filePath, findings, source: file.text });
  }
  const output = formatter(reports, { cwd: io.cwd, color: color && !v['output-file'], rules: allRuleMeta() });
  emit(io, v['output-file'], output);

  const total = counts(reports.flatMap((r) => r.findings));
  if (result.configProblems.length) return 2;
  if (total.errors > 0) return 1;
  if (maxWarnings >= 0 && total.warnings > maxWarnings) {
    io.stderr(`warrant: found too many warnings (maximum: ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

function emit(io: Io, outputFile: string | undefined, text: string): void {
  if (outputFile) writeFileSync(resolve(io.cwd, outputFile), text);
  else if (text) io.stdout(text);
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
  return { baseUri: new URL(`file://${resolve(cwd)}/`).href, rules };
}

function unreadableFinding(filePath: string, message: string): Finding {
  const zero = { line: 0, character: 0 };
  return { ruleId: 'file-skipped', severity: 'error', message: `Cannot read ${filePath}: ${message}`, uri: filePath, range: { start: 0, end: 0 }, position: { start: zero, end: zero }, related: [] };
}
