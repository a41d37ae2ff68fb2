/**
 * The essays in `examples/` are documentation that runs: together they must make every rule of
 * DESIGN §4 fire, each where examples/README.md says it does, and `multi-file/replies.md` must
 * pass clean. They are linted the way the CLI does it: config discovery per file, one engine over
 * the file-system workspace, every file analysed before any rule runs (so cross-file links resolve).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createEngine, summarizeNode, type Engine, type Finding, type LintResult } from '../src/core/index.js';
import { ConfigLoader } from '../src/node/config.js';
import { FsWorkspace, toUri } from '../src/node/fsWorkspace.js';
import { claimRecords, type ClaimRecord } from '../src/cli/claims.js';
import type { FileResult } from '../src/cli/session.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');

/** The heuristic rule another change adds; until it is registered it is not expected anywhere. */
const HEURISTIC = 'uncited-assertion';

/**
 * Every finding the examples are meant to produce, by file, as `rule-id` (repeated when a rule
 * fires more than once). `uncited-assertion` is checked separately, since its exact count
 * follows the heuristic's lexicons, which change.
 */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'unannotated.md': ['unsupported-claim', 'missing-footnote'],
  'labels.md': ['unsourced-evidence', 'unanswered-objection', 'unsupported-claim', 'unmitigated-risk', 'orphan-node'],
  // The circular pair is also unsupported: claims leaning only on each other are not grounded.
  'comments.md': ['dangling-reference', 'orphan-node', 'circular-support', 'unsupported-claim', 'unsupported-claim', 'duplicate-id', 'unsupported-claim'],
  'pandoc.qmd': ['unsourced-evidence', 'unanswered-objection', 'unmitigated-risk'],
  'multi-file/liability.md': ['unknown-citation-key', 'dangling-reference'],
  'multi-file/replies.md': [],
  // Under warrant:ai-risk: the one risk a skilled crew brings, answered by model alignment alone.
  'ai-risk/essay.md': ['alignment-only-defense'],
};

const PASSING = 'multi-file/replies.md';

/** The rules of DESIGN §4, heuristic one included. */
const DESIGN_RULES = [
  'unsupported-claim',
  'unmitigated-risk',
  'unanswered-objection',
  'unsourced-evidence',
  'orphan-node',
  'dangling-reference',
  'duplicate-id',
  'unknown-citation-key',
  'missing-footnote',
  'circular-support',
  HEURISTIC,
] as const;

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(path));
    else if (/\.(md|qmd)$/.test(entry.name) && entry.name !== 'README.md') out.push(path);
  }
  return out.sort();
}

interface Run {
  readonly engine: Engine;
  readonly files: readonly FileResult[];
  /** Findings by path relative to examples/, with forward slashes. */
  readonly byFile: ReadonlyMap<string, readonly Finding[]>;
}

function lintExamples(): Run {
  const engine = createEngine({ workspace: new FsWorkspace() });
  const loader = new ConfigLoader();
  const jobs = markdownFiles(EXAMPLES).map((filePath) => {
    const loaded = loader.loadFor(filePath);
    assert.deepEqual(loaded.problems, [], `config for ${filePath} has problems`);
    return { filePath, uri: toUri(filePath), text: readFileSync(filePath, 'utf8'), config: loaded.config };
  });
  for (const job of jobs) engine.analyze(job.uri, job.text, job.config);
  const files: FileResult[] = jobs.map((job) => ({ filePath: job.filePath, text: job.text, result: engine.lint(job.uri, job.text, job.config) as LintResult }));
  const byFile = new Map(files.map((f) => [relative(EXAMPLES, f.filePath).split('\\').join('/'), f.result.findings]));
  return { engine, files, byFile };
}

const line = (f: Finding): string => `${f.position.start.line + 1}:${f.position.start.character + 1} ${f.ruleId} ${f.message}`;

describe('examples/', () => {
  let run: Run;
  before(() => {
    run = lintExamples();
  });

  it('holds exactly the essays examples/README.md describes', () => {
    assert.deepEqual([...run.byFile.keys()].sort(), Object.keys(EXPECTED).sort());
    const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    for (const file of Object.keys(EXPECTED)) assert.ok(readme.includes(file), `README.md does not mention ${file}`);
    for (const rule of DESIGN_RULES) assert.ok(readme.includes(rule), `README.md does not mention ${rule}`);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length ? expected.join(', ') : 'no findings'}`, () => {
      const findings = run.byFile.get(file) ?? [];
      const actual = findings.filter((f) => f.ruleId !== HEURISTIC);
      assert.deepEqual(
        actual.map((f) => f.ruleId).sort(),
        [...expected].sort(),
        `findings in ${file}:\n${actual.map(line).join('\n')}`,
      );
    });
  }

  it('keeps README.md itself quiet (warrant-disable-file), as `warrant lint examples` reads it too', () => {
    const file = join(EXAMPLES, 'README.md');
    const engine = createEngine({ workspace: new FsWorkspace() });
    const result = engine.lint(toUri(file), readFileSync(file, 'utf8'), new ConfigLoader().loadFor(file).config);
    assert.deepEqual(result.findings.map(line), []);
  });

  it('makes every rule of DESIGN §4 fire at least once', () => {
    const fired = new Set([...run.byFile.values()].flat().map((f) => f.ruleId));
    for (const rule of DESIGN_RULES) {
      assert.ok(fired.has(rule), `no example makes ${rule} fire`);
    }
  });

  it(`passes ${PASSING} with no findings at all, heuristic ones included`, () => {
    const findings = run.byFile.get(PASSING) ?? [];
    assert.deepEqual(findings.map(line), []);
  });

  it('reports uncited statistics and attributions in unannotated.md', () => {
    const heuristic = (run.byFile.get('unannotated.md') ?? []).filter((f) => f.ruleId === HEURISTIC);
    const text = readFileSync(join(EXAMPLES, 'unannotated.md'), 'utf8');
    const flagged = heuristic.map((f) => text.slice(f.range.start, f.range.end).replace(/\s+/g, ' '));
    for (const needle of ['Roughly 70 percent', 'According to security researchers', 'Studies show']) {
      assert.ok(flagged.some((s) => s.includes(needle)), `expected an ${HEURISTIC} finding on "${needle}…"; got:\n${flagged.join('\n')}`);
    }
  });

  it('points each finding at the construct it is about', () => {
    const at = (file: string, rule: string): string[] => {
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      return (run.byFile.get(file) ?? []).filter((f) => f.ruleId === rule).map((f) => text.slice(f.range.start, f.range.end));
    };
    assert.deepEqual(at('unannotated.md', 'missing-footnote'), ['[^3]']);
    assert.match(at('unannotated.md', 'unsupported-claim')[0]!, /^\**Claim 3: Monitoring after deployment/);
    assert.deepEqual(at('comments.md', 'dangling-reference'), ['#sandbagging-risk']);
    assert.deepEqual(at('comments.md', 'duplicate-id'), ['<!-- claim #eval-gaming -->']);
    assert.deepEqual(at('multi-file/liability.md', 'unknown-citation-key'), ['@vance2021pricing']);
    assert.deepEqual(at('multi-file/liability.md', 'dangling-reference'), ['[companion note](replies.md#insurance-markets)']);
    assert.match(at('labels.md', 'orphan-node')[0]!, /^Mitigation: Staged release/);
    assert.match(at('labels.md', 'unmitigated-risk')[0]!, /^Risk: A released model/);
    assert.match(at('pandoc.qmd', 'unmitigated-risk')[0]!, /^Reports themselves become a target/);
  });

  describe('multi-file: relations across files resolve', () => {
    let records: ClaimRecord[];
    const record = (file: string, id: string): ClaimRecord => {
      const r = records.find((c) => c.file === file && c.id === id);
      assert.ok(r, `no node ${file}#${id} in:\n${records.map((c) => `${c.file}#${c.id}`).join('\n')}`);
      return r;
    };
    before(() => {
      records = claimRecords(run.files.filter((f) => f.filePath.includes('multi-file')), run.engine, join(EXAMPLES, 'multi-file'));
    });

    it('answers the objection in liability.md with the defense in replies.md', () => {
      const objection = record('liability.md', 'chilling-effect');
      assert.equal(objection.kind, 'objection');
      assert.equal(objection.status, 'answered');
      const defense = record('replies.md', 'safe-harbour');
      assert.equal(defense.status, 'linked');
      assert.deepEqual(
        defense.relations.filter((r) => r.via === 'attribute'),
        [{ type: 'defends', target: 'liability.md#chilling-effect', via: 'attribute', line: 7 }],
      );
      // The edge itself lands on the objection's node in the other file.
      const graph = run.engine.graph();
      const model = graph.model(toUri(join(EXAMPLES, 'multi-file/replies.md')))!;
      const index = model.nodes.findIndex((n) => n.id === 'safe-harbour');
      const targets = graph.outgoing({ uri: model.uri, index }).filter((e) => e.type === 'defends' && e.via === 'attribute').map((e) => graph.node(e.to));
      assert.deepEqual(targets.map((n) => n && [n.kind, n.id]), [['objection', 'chilling-effect']]);
      assert.ok(graph.outgoing({ uri: model.uri, index }).every((e) => e.to.uri.endsWith('/multi-file/liability.md')));
    });

    it('backs Claim 3, which cites nothing itself, with the defense linked from the other file', () => {
      const claim = record('liability.md', 'claim-3-liability-should-follow-deployment');
      assert.equal(claim.sources.length, 0);
      assert.equal(claim.status, 'supported');
      assert.ok(claim.relations.some((r) => r.target === 'replies.md#research-exemption' && r.via === 'link'));
      const graph = run.engine.graph();
      const uri = toUri(join(EXAMPLES, 'multi-file/liability.md'));
      const index = graph.model(uri)!.nodes.findIndex((n) => n.id === claim.id);
      const summary = summarizeNode(graph, { uri, index })!;
      assert.ok(summary.defenses.length >= 1);
      assert.ok(summary.defenses.every((e) => e.from.uri.endsWith('/multi-file/replies.md')));
    });

    it('resolves [@key] citations through both the BibTeX and the CSL-YAML bibliography', () => {
      const keys = records.flatMap((r) => r.sources.filter((s) => s.kind === 'citation' && s.entry).map((s) => s.key));
      assert.ok(keys.includes('marsh2022cost'), 'BibTeX entry not resolved');
      assert.ok(keys.includes('diallo2021harbour'), 'CSL-YAML entry not resolved');
      const custom = records.find((r) => r.kind === 'assumption');
      assert.ok(custom, 'the `assumption` kind from .warrant.yaml was not recognised');
      assert.equal(custom.status, 'supported');
    });
  });
});
