/**
 * The MCP server reads nothing outside its start folder (ARCHITECTURE.md, src/mcp), for every
 * tool it lists — today's and any added later, since the tools and their parameters come from
 * `tools/list`, not from this file. Each path parameter of each tool is given a path outside the
 * folder, a sibling folder whose name starts with the folder's (`../root2/x.md` for `root`),
 * symbolic links that lead out, and globs through them: every one is refused as a tool error
 * with the same message. And the existence probe: two servers whose folders are identical but
 * whose surroundings differ (world A has the outside files, world B has none of them) must give
 * the same answer to every call, including calls on documents that link out.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { BIN } from '../cli/helpers.js';

interface Property {
  readonly type?: string | string[];
  readonly enum?: unknown[];
  readonly items?: { readonly type?: string };
}
interface Tool {
  readonly name: string;
  readonly inputSchema: { readonly properties?: Record<string, Property>; readonly required?: string[] };
}

/** Text the outside files hold: it must never appear in an answer. */
const SECRET = 'Kestrel';

const ESSAY = `# Inside

<!-- risk #local adversary=skilled harm=intentional -->
A crew rewrites the filter rules; the answer is in [the plan](../outside/secret.md#guard).

<!-- defense defends=../outside/secret.md#plan layer=product -->
A reviewer checks every release ([notes](../root2/x.md), [more](out/secret.md)).

Claim: The sibling folder says otherwise ([see](../root2/x.md#claim)).
`;

/** One folder layout; `outsideFiles` false: nothing outside the start folder exists. */
function world(base: string, outsideFiles: boolean): string {
  const root = join(base, 'root');
  mkdirSync(root, { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(root, '.warrant.yaml'), 'extends: warrant:ai-risk\nroot: true\n');
  writeFileSync(join(root, 'essay.md'), ESSAY);
  // Links out: to a file, to a folder, and to files that exist only in world A.
  symlinkSync(join(base, 'outside', 'linked.md'), join(root, 'link.md'));
  symlinkSync(join(base, 'outside'), join(root, 'out'));
  symlinkSync(join(base, 'outside', 'secret.md'), join(root, 'gone.md'));
  writeFileSync(join(base, 'outside', 'linked.md'), `# ${SECRET} linked\n\nClaim: ${SECRET} is linked in.\n`);
  if (outsideFiles) {
    writeFileSync(
      join(base, 'outside', 'secret.md'),
      `# ${SECRET}\n\n<!-- risk #plan adversary=none -->\nRisk: ${SECRET} leaks.\n\n<!-- defense #guard layer=ecosystem -->\nDefense: ${SECRET} guards it.\n`,
    );
    mkdirSync(join(base, 'root2'));
    writeFileSync(join(base, 'root2', 'x.md'), `# ${SECRET} sibling\n\n<!-- claim #claim -->\nClaim: ${SECRET} lives next door.\n`);
  }
  return root;
}

/** Paths that leave the folder, each as the agent would write it. */
function hostilePaths(base: string): string[] {
  return [
    '../outside/secret.md', // outside, exists in world A only
    '../outside/nothing.md', // outside, exists nowhere
    '../outside/linked.md', // outside, exists in both worlds
    join(base, 'outside', 'secret.md'), // absolute
    '../root2/x.md', // a sibling whose name starts with the folder's
    '../root2', // the sibling folder
    '../root2/*.md', // a glob in it
    'link.md', // a symbolic link to a file outside
    'gone.md', // a symbolic link to a file outside that exists in world A only
    'out', // a symbolic link to a folder outside
    'out/secret.md',
    'out/*.md',
    'sub/../../outside/secret.md', // climbs out through a folder that does not exist
    '*/../../outside/*.md', // a glob that climbs out
    '!../outside/secret.md', // a negation is a path too
  ];
}

const REFUSAL = /^"[^"]*" (is outside|leads outside) the folder Warrant was started in( \([^)]*\))?: refused$/;

type Answer = { error: string } | { isError: unknown; content: unknown; structured: unknown };

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Answer> {
  try {
    const r = await client.callTool({ name, arguments: args });
    return { isError: r.isError ?? false, content: r.content, structured: r.structuredContent ?? null };
  } catch (error) {
    if (error instanceof McpError) return { error: `${error.code} ${error.message}` };
    throw error;
  }
}

/** How the test fills each kind of parameter; a kind it does not know fails the test. */
function kindOf(tool: string, name: string, p: Property): 'paths' | 'path' | 'text' | 'choice' {
  if (p.enum) return 'choice';
  if (p.type === 'array' && p.items?.type === 'string') return 'paths';
  if (p.type === 'string' && name === 'text') return 'text';
  if (p.type === 'string') return 'path';
  assert.fail(`${tool}.${name} (${JSON.stringify(p)}): a parameter this test does not know; say here how it can name a file`);
}

describe('warrant mcp: every tool is confined to its start folder (tools/list)', function () {
  this.timeout(180_000);
  let dir = '';
  const bases = { A: '', B: '' };
  const roots = { A: '', B: '' };
  const clients: Partial<Record<'A' | 'B', Client>> = {};
  let tools: Tool[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-mcp-confine-'));
    for (const w of ['A', 'B'] as const) {
      bases[w] = join(dir, w);
      roots[w] = world(bases[w], w === 'A');
      const client = new Client({ name: 'warrant-confinement-test', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: roots[w], stderr: 'pipe' }));
      clients[w] = client;
    }
    tools = (await clients.A!.listTools()).tools as unknown as Tool[];
  });
  after(async () => {
    for (const c of Object.values(clients)) await c?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Arguments with every required parameter filled harmlessly, then `over`. */
  const argsFor = (tool: Tool, over: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const name of tool.inputSchema.required ?? []) {
      const p = tool.inputSchema.properties![name]!;
      const kind = kindOf(tool.name, name, p);
      out[name] = kind === 'choice' ? p.enum![0] : kind === 'paths' ? ['essay.md'] : kind === 'text' ? 'Claim: Inline.\n' : 'essay.md';
    }
    return { ...out, ...over };
  };

  /** Every call the test makes of a tool: hostile paths in each path parameter, then plain runs on the folder and on documents that link out. */
  const callsOf = (tool: Tool, base: string): { label: string; args: Record<string, unknown>; hostile: boolean }[] => {
    const props = Object.entries(tool.inputSchema.properties ?? {});
    const hasText = props.some(([n, p]) => kindOf(tool.name, n, p) === 'text');
    const calls: { label: string; args: Record<string, unknown>; hostile: boolean }[] = [];
    for (const [name, p] of props) {
      const kind = kindOf(tool.name, name, p);
      if (kind !== 'paths' && kind !== 'path') continue;
      for (const h of hostilePaths(base)) {
        if (kind === 'path' && h.startsWith('!')) continue;
        // A single path names where inline text sits (lint's `filename`): give the text too.
        const value = kind === 'paths' ? [h] : h;
        calls.push({ label: `${name}: ${h}`, args: argsFor(tool, { [name]: value, ...(kind === 'path' && hasText ? { text: ESSAY } : {}) }), hostile: true });
        if (kind === 'paths') calls.push({ label: `${name}: essay.md, ${h}`, args: argsFor(tool, { [name]: ['essay.md', h] }), hostile: true });
      }
    }
    calls.push({ label: 'no arguments but the required', args: argsFor(tool, {}), hostile: false });
    for (const [name, p] of props) {
      const kind = kindOf(tool.name, name, p);
      if (kind === 'paths') for (const v of [['.'], ['essay.md'], ['*.md'], ['**/*.md']]) calls.push({ label: `${name}: ${v}`, args: argsFor(tool, { [name]: v }), hostile: false });
      if (kind === 'text') calls.push({ label: `${name}: the essay inline`, args: argsFor(tool, { [name]: ESSAY }), hostile: false });
      if (kind === 'choice') for (const v of p.enum!) calls.push({ label: `${name}: ${String(v)}`, args: argsFor(tool, { [name]: v }), hostile: false });
    }
    return calls;
  };

  it('lists the tools this test drives (at least lint, claims, matrix and explain), each parameter of a known kind', () => {
    assert.deepEqual(['claims', 'explain', 'lint', 'matrix'].filter((n) => !tools.some((t) => t.name === n)), []);
    for (const t of tools) for (const [n, p] of Object.entries(t.inputSchema.properties ?? {})) kindOf(t.name, n, p);
  });

  it('every path parameter of every tool refuses paths that leave the folder, with one message, before reading', async () => {
    let refused = 0;
    for (const tool of tools) {
      for (const c of callsOf(tool, bases.A).filter((x) => x.hostile)) {
        const a = await call(clients.A!, tool.name, c.args);
        const where = `${tool.name} ${c.label}`;
        assert.ok(!('error' in a), `${where}: a protocol error, not a refusal: ${JSON.stringify(a)}`);
        assert.equal(a.isError, true, `${where}: not refused: ${JSON.stringify(a).slice(0, 400)}`);
        const text = (a.content as { type: string; text: string }[]).map((x) => x.text).join('\n');
        assert.match(text, REFUSAL, where);
        assert.ok(!JSON.stringify(a).includes(SECRET), `${where}: outside text in the answer`);
        refused++;
      }
    }
    assert.ok(refused >= 40, `${refused} refusals checked`);
  });

  it('the same answer to every call whether or not the files outside exist (no existence probe)', async () => {
    const normal = (a: Answer, w: 'A' | 'B'): string => JSON.stringify(a).split(bases[w]).join('<base>');
    let compared = 0;
    for (const tool of tools) {
      const calls = callsOf(tool, bases.A);
      const callsB = callsOf(tool, bases.B);
      for (const [i, c] of calls.entries()) {
        const a = await call(clients.A!, tool.name, c.args);
        const b = await call(clients.B!, tool.name, callsB[i]!.args);
        assert.equal(normal(a, 'A'), normal(b, 'B'), `${tool.name} ${c.label}: the answer tells whether files outside the folder exist`);
        assert.ok(!JSON.stringify(a).includes(SECRET), `${tool.name} ${c.label}: outside text in the answer`);
        compared++;
      }
    }
    assert.ok(compared >= 60, `${compared} calls compared`);
  });

  it('a document that links out is analysed as if the files outside were missing', async () => {
    // The local risk's only defense sits outside: the matrix shows it undefended; lint reports
    // the links as dangling. Both from the files inside alone.
    const matrix = await call(clients.A!, 'matrix', { paths: ['essay.md'] });
    assert.ok(!('error' in matrix) && matrix.isError === false, JSON.stringify(matrix));
    const risks = (matrix.structured as { matrix: { risks: { id: string | null; defenses: Record<string, string[]> }[] } }).matrix.risks;
    const local = risks.find((r) => r.id === 'local');
    assert.ok(local, JSON.stringify(risks));
    assert.deepEqual(Object.values(local.defenses).flat(), [], 'no defense read from outside');
    const lint = await call(clients.A!, 'lint', { paths: ['essay.md'] });
    assert.ok(!('error' in lint));
    const dangling = (lint.structured as { files: { findings: { rule: string; line: number }[] }[] }).files[0]!.findings.filter((f) => f.rule === 'dangling-reference');
    assert.ok(dangling.length >= 2, JSON.stringify(lint.structured));
  });
});
