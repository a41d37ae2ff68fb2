/**
 * `warrant mcp` through the official SDK's client over stdio, against the built CLI: no mocks.
 * The findings must be those of `warrant lint -f json`, paths outside the start folder are
 * refused, and malformed input is a protocol error that leaves the server running.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { BIN, REPO, warrant } from '../cli/helpers.js';

interface McpFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface LintOut {
  files: { file: string; findings: McpFinding[] }[];
  errorCount: number;
  warningCount: number;
}

async function connect(cwd: string, ...args: string[]): Promise<Client> {
  const client = new Client({ name: 'warrant-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', ...args], cwd, stderr: 'pipe' }));
  return client;
}

/** `warrant lint -f json` output in the MCP tool's shape, files relative to `cwd`. */
function cliLint(args: string[], cwd: string, input?: string): LintOut['files'] {
  const r = warrant(['lint', ...args, '-f', 'json'], { cwd, ...(input !== undefined ? { input } : {}) });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const reports = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severityName: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
  return reports.map((rep) => ({
    file: relative(cwd, rep.filePath),
    findings: rep.messages.map((m) => ({ rule: m.ruleId, severity: m.severityName, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn })),
  }));
}

async function rejection(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof McpError, `not a protocol error: ${String(error)}`);
    return error;
  }
  assert.fail('expected a protocol error');
}

const ESSAY = `# Kerbside charging

Claim: Kerbside chargers pay for themselves within five years.

Roughly 64 percent of drivers in terraced streets have no driveway, according to a council survey.

<!-- objection #cost -->
Objection: Each charger costs more than a year of parking fees.
`;

describe('warrant mcp (SDK client over stdio)', function () {
  this.timeout(60_000);
  let client: Client;
  before(async () => {
    client = await connect(REPO);
  });
  after(async () => {
    await client?.close();
  });

  it('lists lint, claims, matrix and explain, read-only, with JSON schemas for input and output', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['claims', 'explain', 'lint', 'matrix']);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.outputSchema?.type, 'object', tool.name);
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      assert.equal(tool.annotations?.openWorldHint, false, tool.name);
    }
    const lint = tools.find((t) => t.name === 'lint')!;
    assert.deepEqual(Object.keys(lint.inputSchema.properties ?? {}).sort(), ['filename', 'paths', 'text']);
  });

  it('lint on examples/ gives the findings of `warrant lint examples -f json`', async () => {
    const result = await client.callTool({ name: 'lint', arguments: { paths: ['examples'] } });
    assert.equal(result.isError, undefined, JSON.stringify(result.content));
    const out = result.structuredContent as unknown as LintOut;
    const expected = cliLint(['examples'], REPO);
    assert.ok(expected.flatMap((f) => f.findings).length > 10, 'the examples have findings to compare');
    assert.deepEqual(out.files, expected);
    assert.deepEqual(JSON.parse((result.content as { text: string }[])[0]!.text), out, 'the text content is the same JSON');
  });

  it('lint on inline text gives the findings of `warrant lint --stdin`', async () => {
    const result = await client.callTool({ name: 'lint', arguments: { text: ESSAY, filename: 'charging.md' } });
    const out = result.structuredContent as unknown as LintOut;
    const expected = cliLint(['--stdin', '--stdin-filename', 'charging.md'], REPO, ESSAY);
    assert.deepEqual(new Set(out.files[0]!.findings.map((f) => f.rule)), new Set(['unsupported-claim', 'uncited-assertion', 'unanswered-objection']));
    assert.deepEqual(out.files, expected);
    assert.equal(out.warningCount, expected[0]!.findings.filter((f) => f.severity === 'warning').length);
  });

  it('claims and explain give what `warrant claims -f json` and `warrant explain` print', async () => {
    const claims = await client.callTool({ name: 'claims', arguments: { paths: ['examples/multi-file'] } });
    const cli = warrant(['claims', 'examples/multi-file', '-f', 'json'], { cwd: REPO });
    assert.deepEqual((claims.structuredContent as { claims: unknown[] }).claims, JSON.parse(cli.stdout));
    // Each source says what kind it is (issue 23), as the output schema declares.
    const kinds = await client.callTool({ name: 'claims', arguments: { paths: ['test/fixtures/cli/kinds/essay.md'] } });
    const records = (kinds.structuredContent as { claims: { sources: { kind: string; type: string }[] }[] }).claims;
    assert.deepEqual(records.flatMap((c) => c.sources.map((s) => `${s.kind}:${s.type}`)), ['citation:preprint', 'link:official', 'link:same-site', 'footnote:note']);
    const explain = await client.callTool({ name: 'explain', arguments: { rule: 'unsupported-claim' } });
    const doc = explain.structuredContent as { rule: string; documentation: string; docsUrl: string };
    assert.equal(doc.documentation, warrant(['explain', 'unsupported-claim'], { cwd: REPO }).stdout);
    assert.match(doc.docsUrl, /docs\/rules\/unsupported-claim\.md$/);
    // Every id the CLI explains, its own `unused-disable-directive` included (issue #22).
    const unused = await client.callTool({ name: 'explain', arguments: { rule: 'unused-disable-directive' } });
    assert.equal(unused.isError, undefined, JSON.stringify(unused.content));
    assert.equal((unused.structuredContent as { documentation: string }).documentation, warrant(['explain', 'unused-disable-directive'], { cwd: REPO }).stdout);
  });

  it('matrix gives what `warrant matrix -f json` prints, folded with `by` as `--by`', async () => {
    for (const by of [undefined, 'adversary', 'domain'] as const) {
      const result = await client.callTool({ name: 'matrix', arguments: { paths: ['examples/ai-risk'], ...(by ? { by } : {}) } });
      assert.equal(result.isError, undefined, JSON.stringify(result.content));
      const cli = warrant(['matrix', 'examples/ai-risk', '-f', 'json', ...(by ? ['--by', by] : [])], { cwd: REPO });
      assert.equal(cli.status, 0, cli.stderr);
      assert.deepEqual((result.structuredContent as { matrix: unknown }).matrix, JSON.parse(cli.stdout), by ?? 'no --by');
    }
    const risks = ((await client.callTool({ name: 'matrix', arguments: { paths: ['examples/ai-risk'] } })).structuredContent as { matrix: { risks: unknown[] } }).matrix.risks;
    assert.ok(risks.length > 0, 'the example has risks to compare');
    assert.equal((await rejection(client.callTool({ name: 'matrix', arguments: { by: 'layer' } }))).code, ErrorCode.InvalidParams);
  });

  it('refuses paths outside the start folder, as a tool error, without reading them', async () => {
    for (const path of ['..', '../', '/etc', '/etc/passwd', 'examples/../../', '../**/*.md', 'examples/**/../../../x.md', '!../x']) {
      const result = await client.callTool({ name: 'lint', arguments: { paths: [path] } });
      assert.equal(result.isError, true, path);
      assert.match((result.content as { text: string }[])[0]!.text, /outside the folder Warrant was started in .*: refused/, path);
    }
    const inline = await client.callTool({ name: 'lint', arguments: { text: 'x', filename: '../x.md' } });
    assert.equal(inline.isError, true);
    const claims = await client.callTool({ name: 'claims', arguments: { paths: ['/tmp'] } });
    assert.equal(claims.isError, true);
  });

  it('malformed input is a protocol error (-32602), and the server keeps answering', async () => {
    const bad: [string, Record<string, unknown>][] = [
      ['lint', { paths: 42 }],
      ['lint', { paths: [] }],
      ['lint', { paths: ['a.md'], text: 'Claim: x' }],
      ['lint', { filename: 'a.md' }],
      ['lint', { path: 'a.md' }],
      ['explain', {}],
      ['explain', { rule: 'no-such-rule' }],
      ['claims', { paths: [null] }],
      ['no-such-tool', {}],
    ];
    for (const [name, args] of bad) {
      const error = await rejection(client.callTool({ name, arguments: args }));
      assert.equal(error.code, ErrorCode.InvalidParams, `${name} ${JSON.stringify(args)}: ${error.message}`);
    }
    const ok = await client.callTool({ name: 'explain', arguments: { rule: 'duplicate-id' } });
    assert.equal((ok.structuredContent as { rule: string }).rule, 'duplicate-id');
  });
});

describe('warrant mcp: symbolic links that lead out of the start folder', function () {
  this.timeout(60_000);
  let dir: string;
  let client: Client;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-mcp-'));
    mkdirSync(join(dir, 'outside'));
    mkdirSync(join(dir, 'root'));
    writeFileSync(join(dir, 'outside', 'secret.md'), '# Secret\n\n<!-- claim #plan -->\nClaim: The secret plan works.\n');
    writeFileSync(join(dir, 'root', 'essay.md'), '# Essay\n\n<!-- defense defends=../outside/secret.md#plan -->\nDefense: It does ([source](https://example.org)).\n');
    symlinkSync(join(dir, 'outside', 'secret.md'), join(dir, 'root', 'link.md'));
    symlinkSync(join(dir, 'outside'), join(dir, 'root', 'out'));
    client = await connect(join(dir, 'root'));
  });
  after(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file or folder link that points outside', async () => {
    for (const paths of [['link.md'], ['out'], ['out/secret.md'], ['out/*.md']]) {
      const result = await client.callTool({ name: 'lint', arguments: { paths } });
      assert.equal(result.isError, true, JSON.stringify(paths));
      assert.match((result.content as { text: string }[])[0]!.text, /refused/);
      assert.doesNotMatch(JSON.stringify(result), /secret plan/i);
    }
  });

  it('a folder or glob run does not follow the links (as `warrant lint`)', async () => {
    for (const paths of [['.'], ['*.md'], ['**/*.md']]) {
      const result = await client.callTool({ name: 'lint', arguments: { paths } });
      assert.equal(result.isError, undefined, JSON.stringify(result.content));
      assert.deepEqual((result.structuredContent as unknown as LintOut).files.map((f) => f.file), ['essay.md'], JSON.stringify(paths));
      assert.doesNotMatch(JSON.stringify(result), /secret plan/i);
    }
  });

  it('lints a file inside; a file outside that it links to is not read (the link reads as missing)', async () => {
    // The CLI reads ../outside/secret.md and finds the claim the defense defends: no findings.
    assert.deepEqual(cliLint(['essay.md'], join(dir, 'root')), [{ file: 'essay.md', findings: [] }]);
    const result = await client.callTool({ name: 'lint', arguments: { paths: ['essay.md'] } });
    assert.equal(result.isError, undefined, JSON.stringify(result.content));
    const out = result.structuredContent as unknown as LintOut;
    assert.deepEqual(out.files.map((f) => f.file), ['essay.md']);
    assert.match(out.files[0]!.findings.find((f) => f.rule === 'dangling-reference')?.message ?? '', /does not exist/);
    assert.doesNotMatch(JSON.stringify(result), /secret plan/i);
  });
});

describe('warrant mcp: ignored files (issue #22)', function () {
  this.timeout(60_000);
  it('says a named path is ignored and how to include it, instead of an empty answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-mcp-ignored-'));
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, '.warrantignore'), 'drafts/\n');
    writeFileSync(join(dir, 'drafts', 'one.md'), '# One\n\nClaim: Unbacked.\n');
    const client = await connect(dir);
    try {
      // The tools have no --no-ignore: the advice must not tell the agent to pass one.
      for (const [paths, said] of [[['drafts/one.md'], /"drafts\/one\.md" is ignored .*: the MCP tools skip ignored files \(`warrant lint --no-ignore` lints it\)$/], [['drafts'], /the one Markdown file in the folder "drafts" is ignored .*: the MCP tools skip ignored files/]] as const) {
        const result = await client.callTool({ name: 'lint', arguments: { paths: [...paths] } });
        assert.equal(result.isError, true, JSON.stringify(result.content));
        const text = (result.content as { text: string }[])[0]!.text;
        assert.match(text, said);
        assert.doesNotMatch(text, /pass --no-ignore/);
      }
    } finally {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('warrant mcp <folder>', function () {
  this.timeout(60_000);

  it('serves the folder given, confined to it', async () => {
    const client = await connect(REPO, 'examples');
    try {
      const inside = await client.callTool({ name: 'lint', arguments: { paths: ['multi-file'] } });
      assert.deepEqual((inside.structuredContent as unknown as LintOut).files, cliLint(['multi-file'], join(REPO, 'examples')));
      const outside = await client.callTool({ name: 'lint', arguments: { paths: ['../README.md'] } });
      assert.equal(outside.isError, true);
    } finally {
      await client.close();
    }
  });

  it('exits 2 with a message when the folder does not exist', () => {
    const r = warrant(['mcp', 'no-such-folder'], { cwd: REPO });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /warrant mcp: cannot use .*no-such-folder/);
    assert.equal(r.stdout, '');
  });
});
