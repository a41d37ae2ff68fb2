/**
 * The tools `warrant mcp` offers an AI agent: `lint` (files or inline Markdown → findings),
 * `claims` (the inventory of `warrant claims -f json`), `matrix` (the threat-coverage matrix of
 * `warrant matrix -f json`) and `explain` (a rule's documentation).
 * Each has a JSON-schema'd input (from the zod schemas below) and a structured output. All are
 * read-only, and every path is confined to the folder the server started in: a path that leaves
 * it (`..`, an absolute path elsewhere, a symbolic link pointing out) is refused before any read.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { docsUrl, oneBasedSpan, type Finding } from '../core/index.js';
import { findFiles, unmatchedMessage } from '../node/files.js';
import { FsWorkspace, toPath } from '../node/fsWorkspace.js';
import { claimRecords } from '../cli/claims.js';
import { reportableMeta, ruleDocumentation } from '../cli/commands.js';
import { matrixCommand } from '../cli/matrix.js';
import { isInside, runSession, type SessionOptions, type SessionResult } from '../cli/session.js';
import { Suppressions, suppressionsPath } from '../cli/suppressions.js';

/** A refusal or a failure the agent should read: becomes a tool result with `isError`. */
export class ToolError extends Error {}

/** Bad input the schema cannot express (both `paths` and `text`): becomes a protocol error. */
export class InvalidInput extends Error {}

const pathList = z
  .array(z.string().min(1).max(4096))
  .min(1)
  .max(1000)
  .describe('Files, folders or globs (with `!` to exclude), relative to the folder the server started in');

export const LintInput = z
  .strictObject({
    paths: pathList.optional(),
    text: z.string().max(16 * 1024 * 1024).optional().describe('Markdown to lint instead of files'),
    filename: z.string().min(1).max(4096).optional().describe('The name `text` is linted as (for config lookup and relative links); default `inline.md`'),
  })
  .describe('Give `paths` or `text`, not both; with neither, every Markdown file under the folder is linted');

const FindingOut = z.strictObject({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info', 'hint']),
  message: z.string(),
  line: z.number().int().describe('1-based'),
  column: z.number().int().describe('1-based, in UTF-16 code units'),
  endLine: z.number().int(),
  endColumn: z.number().int(),
});

export const LintOutput = z.strictObject({
  files: z.array(z.strictObject({ file: z.string().describe('relative to the start folder'), findings: z.array(FindingOut) })),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  infoCount: z.number().int(),
});

export const ClaimsInput = z.strictObject({ paths: pathList.optional() });

const ClaimOut = z.looseObject({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  kind: z.string(),
  id: z.string().nullable(),
  text: z.string(),
  status: z.string(),
  sources: z.array(
    z.looseObject({
      kind: z.string().describe('how the citation is written: link, footnote, numbered, citation, dcite, doi, arxiv, file'),
      type: z.enum(['paper', 'preprint', 'official', 'news', 'blog', 'same-site', 'note', 'web']).describe('what kind of source it is (docs/sources.md)'),
      where: z.string().optional().describe('what the type was read from: a host, a journal, a footnote'),
      line: z.number().int(),
    }),
  ),
  findings: z.array(z.string()),
});

export const ClaimsOutput = z.strictObject({ claims: z.array(ClaimOut).describe('as `warrant claims -f json`') });

// Every id a finding can carry, the CLI's own `unused-disable-directive` included, as `warrant explain`.
const ruleIds = reportableMeta().map((m) => m.id).sort() as [string, ...string[]];

export const ExplainInput = z.strictObject({ rule: z.enum(ruleIds).describe('A rule id, e.g. `unsupported-claim`') });

export const ExplainOutput = z.strictObject({
  rule: z.string(),
  description: z.string(),
  defaultSeverity: z.string(),
  tags: z.array(z.string()),
  docsUrl: z.string(),
  documentation: z.string().describe('the rule page in Markdown: what triggers it, an example, how to fix it, options'),
});

export const MatrixInput = z.strictObject({
  paths: pathList.optional(),
  by: z.enum(['adversary', 'domain']).optional().describe('Fold the matrix by a risk attribute, as `warrant matrix --by`'),
});

export const MatrixOutput = z.strictObject({
  matrix: z.looseObject({}).describe('as `warrant matrix -f json` (with `--by`, its summary): risks with their ratings and the defenses that meet them, by layer'),
});

export interface ToolSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly run: (args: never, root: Root) => object;
}

/** The folder the server started in, as given and with symbolic links resolved. */
export interface Root {
  readonly path: string;
  readonly real: string;
}

/** Throws when `folder` is not an existing folder. */
export function rootAt(folder: string): Root {
  const path = resolve(folder);
  if (!statSync(path).isDirectory()) throw new Error('not a folder');
  return { path, real: realpathSync(path) };
}

export const TOOLS: readonly ToolSpec[] = [
  {
    name: 'lint',
    title: 'Lint Markdown arguments',
    description:
      'Find claims nobody has backed, uncited statistics and assertions, unanswered objections, broken citations and links. ' +
      'Lints files under the start folder (`paths`), or Markdown you pass as `text`. Returns each finding with its rule, severity, 1-based line and column, and message, exactly as `warrant lint -f json`.',
    input: LintInput,
    output: LintOutput,
    run: (args: z.infer<typeof LintInput>, root: Root) => lint(args, root),
  },
  {
    name: 'claims',
    title: 'List claims and their sources',
    description:
      'The inventory of claims, evidence, defenses, objections and risks (tagged or detected) with their place, text, sources (links, footnotes, citation keys resolved to bibliography entries), relations and status, as `warrant claims -f json`.',
    input: ClaimsInput,
    output: ClaimsOutput,
    run: (args: z.infer<typeof ClaimsInput>, root: Root) => claims(args, root),
  },
  {
    name: 'matrix',
    title: 'Threat coverage matrix',
    description:
      'For documents using the AI-risk threat model (`extends: warrant:ai-risk`): which defenses cover which risks, at which layer, with each risk\'s adversary, harm, severity and domain (inferred values marked), as `warrant matrix -f json`; `by` folds it by adversary or domain.',
    input: MatrixInput,
    output: MatrixOutput,
    run: (args: z.infer<typeof MatrixInput>, root: Root) => matrix(args, root),
  },
  {
    name: 'explain',
    title: 'Explain a Warrant rule',
    description: "A rule's documentation: what triggers it, an example, how to fix it, its options.",
    input: ExplainInput,
    output: ExplainOutput,
    run: (args: z.infer<typeof ExplainInput>) => explain(args.rule),
  },
];

/** Reads go through this: a file outside the start folder reads as absent. */
class ConfinedWorkspace extends FsWorkspace {
  constructor(private readonly root: Root) {
    super();
  }
  override readText(uri: string): string | undefined {
    const path = toPath(uri);
    return path && !inside(path, this.root) ? undefined : super.readText(uri);
  }
  override exists(uri: string): boolean {
    const path = toPath(uri);
    return path && !inside(path, this.root) ? false : super.exists(uri);
  }
}

/** Inside the start folder, both as written and after resolving symbolic links. */
function inside(path: string, root: Root, links = 0): boolean {
  const abs = resolve(root.path, path);
  if (!isInside(abs, root.path) && !isInside(abs, root.real)) return false;
  // The longest existing prefix must resolve inside too (a link may point out).
  let probe = abs;
  while (!existsSync(probe)) {
    // A link to nothing is judged by where it points: else the answer (refused, or "does not
    // exist") would tell whether a file outside the folder exists.
    const target = linkTarget(probe);
    if (target !== undefined) return links < 40 && inside(resolve(dirname(probe), target), root, links + 1);
    const parent = resolve(probe, '..');
    if (parent === probe) return true;
    probe = parent;
  }
  try {
    return isInside(realpathSync(probe), root.real);
  } catch {
    return false;
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

const GLOB = /[*?[\]{}()!]/;

/** A path or glob the agent gave, checked: returns it unchanged, or throws a refusal. */
function confine(pattern: string, root: Root): string {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body.includes('\0')) throw new ToolError(`"${pattern}" is not a path`);
  // The part before the first glob character is a real folder or file; check that.
  const segments = body.split(/[\\/]/);
  const first = segments.findIndex((s) => GLOB.test(s));
  const fixed = (first < 0 ? segments : segments.slice(0, first)).join(sep) || '.';
  if (!inside(fixed, root) || (first >= 0 && segments.slice(first).includes('..'))) {
    throw new ToolError(`"${pattern}" is outside the folder Warrant was started in (${root.path}): refused`);
  }
  return pattern;
}

function sessionFor(paths: readonly string[] | undefined, root: Root): SessionOptions {
  const patterns = (paths ?? []).map((p) => confine(p, root));
  // A symbolic link inside the folder may still name a file outside it.
  for (const file of findFiles({ cwd: root.path, patterns }).files) {
    if (!inside(file, root)) throw new ToolError(`"${rel(file, root)}" leads outside the folder Warrant was started in: refused`);
  }
  return { cwd: root.path, patterns, lint: { inlineConfig: true }, workspace: new ConfinedWorkspace(root), within: root.path, ignoredAdvice: 'mcp' };
}

function rel(file: string, root: Root): string {
  return (relative(root.path, file) || file).split(sep).join('/');
}

function lint(args: z.infer<typeof LintInput>, root: Root): z.infer<typeof LintOutput> {
  if (args.paths && args.text !== undefined) throw new InvalidInput('give `paths` or `text`, not both');
  if (args.filename !== undefined && args.text === undefined) throw new InvalidInput('`filename` names inline `text`; give `text` too');
  let session: SessionOptions;
  if (args.text !== undefined) {
    const filename = confine(args.filename ?? 'inline.md', root);
    if (GLOB.test(filename)) throw new InvalidInput('`filename` is a file name, not a glob');
    session = { ...sessionFor([], root), patterns: [], stdin: { text: args.text, filename: resolve(root.path, filename) } };
  } else {
    session = sessionFor(args.paths, root);
  }
  const result = runSession(session);
  nothingFound(result, root);
  // As `warrant lint`: config problems and unreadable files first, then each file with the
  // project's warrant-suppressions.json applied.
  const files: { file: string; findings: z.infer<typeof FindingOut>[] }[] = [];
  for (const p of result.configProblems) files.push({ file: rel(p.filePath, root), findings: p.findings.map(findingOut) });
  for (const u of result.unreadable) {
    const message = `Cannot read ${u.filePath}: ${u.message}`;
    files.push({ file: rel(u.filePath, root), findings: [{ rule: 'file-skipped', severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1 }] });
  }
  const suppressions = Suppressions.load(suppressionsPath(root.path, undefined));
  // Hints (the low-confidence tier of `uncited-assertion`) are left out, as `warrant lint` does by default.
  for (const f of result.files) {
    files.push({ file: rel(f.filePath, root), findings: suppressions.apply(f.filePath, [...f.result.findings]).kept.filter((x) => x.severity !== 'hint').map(findingOut) });
  }
  const all = files.flatMap((f) => f.findings);
  return {
    files,
    errorCount: all.filter((f) => f.severity === 'error').length,
    warningCount: all.filter((f) => f.severity === 'warning').length,
    infoCount: all.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
  };
}

function findingOut(f: Finding): z.infer<typeof FindingOut> {
  return {
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...oneBasedSpan(f),
  };
}

/**
 * As `warrant lint` exits 2: a pattern that matched nothing (saying so when its files are all
 * ignored), or named files that are ignored when nothing else was found. A tool error the agent reads.
 */
function nothingFound(result: SessionResult, root: Root): void {
  const problems = result.unmatched.map((p) => unmatchedMessage(root.path, p, result.ignored.get(p), 'mcp'));
  if (result.files.length === 0) problems.push(...result.warnings);
  if (problems.length) throw new ToolError(problems.join('; '));
}

function claims(args: z.infer<typeof ClaimsInput>, root: Root): z.infer<typeof ClaimsOutput> {
  const result = runSession(sessionFor(args.paths, root));
  nothingFound(result, root);
  return { claims: claimRecords(result.files, result.engine, root.path) as unknown as z.infer<typeof ClaimOut>[] };
}

function matrix(args: z.infer<typeof MatrixInput>, root: Root): z.infer<typeof MatrixOutput> {
  const result = runSession(sessionFor(args.paths, root));
  nothingFound(result, root);
  return { matrix: JSON.parse(matrixCommand(result, 'json', args.by, root.path)) as Record<string, unknown> };
}

function explain(id: string): z.infer<typeof ExplainOutput> {
  const meta = reportableMeta().find((m) => m.id === id);
  const documentation = ruleDocumentation(id);
  if (!meta || documentation === undefined) throw new InvalidInput(`unknown rule id "${id}"; known rules: ${reportableMeta().map((m) => m.id).join(', ')}`);
  return { rule: meta.id, description: meta.description, defaultSeverity: meta.defaultSeverity, tags: [...meta.tags], docsUrl: docsUrl(meta.id), documentation };
}
