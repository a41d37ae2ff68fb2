/**
 * CLI/server parity: `warrant lint -f json` and the language server report the same findings
 * (rule, severity, range, message) for the same files, because both call the same engine with
 * the same config loader. Runs the CLI from source with tsx.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { FIXTURE_DIR, startHarness } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

interface CliFile {
  filePath: string;
  messages: { ruleId: string; severityName: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

const key = (m: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }) =>
  `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`;

function cli(dir: string): CliFile[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'lint', '-f', 'json', '--min-severity', 'hint', dir], { cwd: ROOT, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `cli exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as CliFile[];
}

// The threat-model rules' fixtures too: their `.warrant.yaml` extends `warrant:ai-risk`, so the
// preset, its inference and the `info` cap of inferred findings are held to parity as well.
const THREAT_FIXTURES = ['alignment-only-defense', 'unrated-risk'].map((id) => join(ROOT, 'test', 'fixtures', 'rules', id));

for (const dir of [join(ROOT, 'examples'), FIXTURE_DIR, ...THREAT_FIXTURES]) {
  describe(`CLI/server parity on ${dir.slice(ROOT.length)}`, function () {
    this.timeout(60000);
    const files = cli(dir);
    let h: Awaited<ReturnType<typeof startHarness>>;
    before(async () => (h = await startHarness({ pull: true, rootDir: dir })));
    after(() => h.close());

    for (const file of files) {
      it(file.filePath.slice(dir.length).replace(/^\//, ''), async () => {
        const uri = pathToFileURL(file.filePath).href;
        h.open(uri, readFileSync(file.filePath, 'utf8'), file.filePath.endsWith('.qmd') ? 'quarto' : 'markdown');
        const diagnostics: Diagnostic[] = await h.pull(uri);
        const server = diagnostics.map((d) =>
          key({
            ruleId: String(d.code),
            severity: SEVERITY[d.severity ?? 0]!,
            message: typeof d.message === 'string' ? d.message : d.message.value,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          }),
        );
        const expected = file.messages.map((m) => key({ ...m, severity: m.severityName }));
        assert.deepEqual(server.sort(), expected.sort());
      });
    }
  });
}
