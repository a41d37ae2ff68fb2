/**
 * `warrant mcp`: a Model Context Protocol server over stdio, built on the official SDK's low-level
 * `Server` so that malformed tool input is a JSON-RPC protocol error (-32602), as the protocol
 * asks, while a refused path or a failed lint is a tool result with `isError`. Bundled on its own
 * (dist/mcp.cjs): the CLI loads it only for this command, and the editor starts it directly.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { VERSION } from '../cli/version.js';
import { InvalidInput, rootAt, TOOLS, type Root } from './tools.js';

const INSTRUCTIONS =
  'Warrant lints the argument structure of Markdown: claims without citations or linked defenses, uncited statistics, ' +
  'objections nobody answered, unknown citation keys. Call `lint` on a draft (paths or inline text) before finishing it, ' +
  '`claims` to see what each claim rests on and what its citation keys resolve to, and `explain` for what a rule wants.';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): { type: 'object'; [k: string]: unknown } {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...rest, type: 'object' };
}

/** The MCP server for `root`, not yet connected (tests may connect it to any transport). */
export function createMcpServer(root: Root): Server {
  const server = new Server({ name: 'warrant', title: 'Warrant', version: VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  const tools = TOOLS.map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: jsonSchema(t.input, 'input'),
    outputSchema: jsonSchema(t.output, 'output'),
    annotations: { title: t.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  }));
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, (request): CallToolResult => {
    const tool = TOOLS.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${request.params.name}": use one of ${TOOLS.map((t) => t.name).join(', ')}`);
    const parsed = tool.input.safeParse(request.params.arguments ?? {});
    if (!parsed.success) throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for ${tool.name}: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`);
    let structured: object;
    try {
      structured = tool.run(parsed.data as never, root);
    } catch (error) {
      if (error instanceof InvalidInput) throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for ${tool.name}: ${error.message}`);
      return { content: [{ type: 'text', text: (error as Error)?.message ?? String(error) }], isError: true };
    }
    return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured as Record<string, unknown> };
  });
  return server;
}

/** Serve on stdin/stdout until stdin ends. Nothing but protocol messages goes to stdout. */
export async function runMcpServer(folder: string, stderr: (s: string) => void): Promise<number> {
  let root: Root;
  try {
    root = rootAt(folder);
  } catch (error) {
    stderr(`warrant mcp: cannot use ${folder}: ${(error as Error).message}\n`);
    return 2;
  }
  const server = createMcpServer(root);
  const closed = new Promise<void>((done) => {
    server.onclose = done;
  });
  server.onerror = (error) => stderr(`warrant mcp: ${error.message}\n`);
  await server.connect(new StdioServerTransport());
  const end = (): void => void server.close();
  process.stdin.once('end', end);
  process.stdin.once('close', end);
  await closed;
  return 0;
}

// Started directly (the editor runs `node dist/mcp.cjs` with the workspace folder as cwd).
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  void runMcpServer(process.cwd(), (s) => process.stderr.write(s)).then((code) => {
    process.exitCode = code;
  });
}
