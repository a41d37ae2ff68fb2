/**
 * Robustness: whatever text an editor hands the engine — half-typed tags, unbalanced braces,
 * broken front matter, CRLF, NUL bytes, astral characters — `lint` returns findings and never
 * throws, and every finding points inside the text at a position that agrees with its offsets.
 *
 * Documents come from a small grammar of Markdown pieces (what Warrant recognises, plus what
 * tends to break parsers), then get mutated: spliced, truncated, line endings swapped, random
 * characters injected. fast-check shrinks any failure to a minimal document; the seed is printed.
 *
 * Run counts are tuned to stay well under 20 s on two cores; raise them locally with
 * `WARRANT_FUZZ_RUNS=20000 npx mocha test/robustness.test.ts`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import {
  createEngine,
  defaultConfig,
  extendConfig,
  LineIndex,
  MemoryWorkspace,
  parseConfigText,
  presetLayer,
  resolveUri,
  RULE_IDS,
  type Finding,
  type LintResult,
  type ResolvedConfig,
} from '../src/core/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env['WARRANT_FUZZ_RUNS'] ?? 600);
const DOC = 'file:///ws/essay.md';

// ---------------------------------------------------------------------------------------------
// The grammar

const KINDS = ['claim', 'evidence', 'defense', 'defence', 'objection', 'risk', 'mitigation', 'thesis', 'reply', 'note', 'Claim', 'RISK', 'warrant-disable', ''];
const LABELS = ['Claim', 'Claim 2', 'Thesis', 'Evidence', 'Data', 'Defense', 'Reply', 'Response', 'Mitigation', 'Objection', 'Counter-argument', 'Risk', 'Threat', 'Harm IV', 'Claim 3.1a'];
const RULE_NAMES = [...RULE_IDS, 'no-such-rule', ''];

const word = fc.constantFrom('alignment', 'model', 'RLHF', 'adversary', 'the', 'harm', '70%', '1,200', 'in 2023', 'studies show', 'experts say', 'never', 'Ω', '日本語', '🙂', 'e\u0301', '\u200b', '\t', '\\', '*', '_', '`', '|', '<', '>', '&amp;', ':', '#', '@', '[', ']', '{', '}', '(', ')', '!', '"', "'");
const words = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
const noise = fc.string({ unit: 'binary', maxLength: 12 });
const text = fc.oneof({ weight: 4, arbitrary: words }, { weight: 1, arbitrary: noise }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) });

const ident = fc.oneof(
  fc.constantFrom('toxicity', 'x', 'a-b', 'claim-1', 'o1', 'Ω', '', '#', 'a.b', 'other.md', '日本'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
);
const target = fc.oneof(
  ident.map((id) => `#${id}`),
  ident.map((id) => `other.md#${id}`),
  ident.map((id) => `missing.md#${id}`),
  fc.constantFrom('other.md', '#', 'a.md#', '#a,#b', ' #a , ,#b ', '../up.md#x', 'file:///etc/passwd#x', '%E0%A4%A#x'),
);
const attribute = fc.oneof(
  ident.map((id) => `#${id}`),
  fc.constantFrom('.claim', '.risk', '.objection', '.defense', '.evidence', '.callout-note', '.', '..x', '#'),
  fc.tuple(fc.constantFrom('defends', 'mitigates', 'answers', 'supports', 'attacks', 'rebuts', 'adversary', 'harm', 'layer', 'x'), target).map(([k, v]) => `${k}=${v}`),
  fc.tuple(fc.constantFrom('adversary', 'defends', 'k'), text).map(([k, v]) => `${k}="${v.replace(/"/g, '')}"`),
  fc.constantFrom('=', '="', "='", 'a=', '"unterminated', '{', '}', '-->', '<!--'),
  // declared values of the AI-risk preset, right and wrong
  fc.constantFrom('adversary=skilled', 'adversary=skiled', 'layer=model', 'layer=', 'harm=intentional', 'domain=privacy', 'severity=Ω'),
);
const attributes = fc.array(attribute, { maxLength: 5 }).map((a) => a.join(' '));

const footnoteLabel = fc.constantFrom('1', '2', 'note', 'x y', '^', '', '99');
const citeKey = fc.constantFrom('smith2020', 'known', 'doe:2019', '{weird key}', 'a.b-c', '', '@', 'k_1', 'ünï');

const piece: fc.Arbitrary<string> = fc.oneof(
  // headings, with labels and Pandoc attributes, sometimes unbalanced
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('', '**', '_'), fc.option(fc.constantFrom(...LABELS)), text, fc.option(attributes), fc.constantFrom('', '}', '{', ' #')).map(
    ([depth, emph, label, t, attrs, tail]) => `${'#'.repeat(depth)} ${emph}${label ? `${label}: ` : ''}${t}${emph}${attrs !== null ? ` {${attrs}` + (tail === '{' ? '' : '}') : tail}`,
  ),
  // labels in prose: paragraphs, list items, block quotes
  fc.tuple(fc.constantFrom('', '**', '- ', '* ', '1. ', '> ', '  - ', '>> ', '- [ ] '), fc.constantFrom(...LABELS), fc.constantFrom(':', ':**', '**:', ' :', ''), text).map(([pre, label, colon, t]) => `${pre}${label}${colon} ${t}`),
  // comment tags and directives
  fc.tuple(fc.constantFrom(...KINDS), attributes, fc.constantFrom('-->', '->', '', ' -- >', '--->')).map(([k, a, close]) => `<!-- ${k} ${a} ${close}`),
  fc.tuple(fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file', 'bogus'), fc.array(fc.constantFrom(...RULE_NAMES), { maxLength: 3 })).map(([d, r]) => `<!-- warrant-${d} ${r.join(', ')} -->`),
  fc.tuple(text, fc.constantFrom(...KINDS), attributes).map(([t, k, a]) => `${t}. <!-- ${k} ${a} -->`),
  // Pandoc spans, fenced divs
  fc.tuple(text, attributes, fc.constantFrom('', ']', '[', '}')).map(([t, a, extra]) => `[${t}]{${a}}${extra}`),
  fc.tuple(text, attributes).map(([t, a]) => `[${t}{${a}`),
  fc.tuple(fc.integer({ min: 2, max: 5 }), attributes, fc.constantFrom('', ' :::', '{', '}')).map(([n, a, tail]) => `${':'.repeat(n)} {${a}}${tail}`),
  fc.constantFrom(':::', '::::', '::: claim', '::: {.risk}', ':::{', '   :::', '\t:::'),
  // footnotes, links, citations
  fc.tuple(text, footnoteLabel).map(([t, l]) => `${t}[^${l}]`),
  fc.tuple(footnoteLabel, text).map(([l, t]) => `[^${l}]: ${t}`),
  fc.tuple(text, target).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(text, fc.constantFrom('https://example.org/a', 'http://', '//x', 'mailto:a@b', 'doi:10.1234/x', 'notes.txt', '/site/page', 'javascript:x', '<>', '(', 'https://example.org/#footnote-1', 'https://example.org/#footnote-anchor-1')).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(text, fc.constantFrom('ref', 'REF', '')).map(([t, r]) => `[${t}][${r}]`),
  fc.constantFrom('[ref]: https://example.org/ref "Title"', '[ref]: <>', '<https://example.org/auto>', 'doi:10.5555/abc.def', 'arXiv:2401.01234v2', '10.1000/xyz)', 'a@b.c'),
  fc.tuple(fc.array(citeKey, { minLength: 1, maxLength: 3 }), fc.constantFrom('', ', p. 3', '; ', ' and')).map(([keys, loc]) => `[${keys.map((k) => `@${k}`).join('; ')}${loc}]`),
  fc.tuple(citeKey, text).map(([k, t]) => `@${k} ${t} [-@${k}]`),
  // tables, HTML, code
  fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |\n|---|:-:|\n| Claim: ${b} | [@known] |`),
  fc.constantFrom(
    '<div id="x">',
    '</div>',
    '<a href="https://example.org/h">h</a>',
    '<a name="anchor"></a>',
    '<a href=\'#x\'>',
    '<d-cite key="known,missing"></d-cite>',
    '<span id="">',
    '<!--',
    '-->',
    '<script>alert(1)</script>',
    '<details><summary>Claim: x</summary>',
  ),
  fc.tuple(fc.constantFrom('```', '~~~', '````'), text).map(([f, t]) => `${f}md\n<!-- claim #in-code -->\n[x]{.claim}\n${t}`),
  fc.constantFrom('```', '    indented <!-- claim -->', '`code <!-- risk --> `'),
  // raw text, breaks and rules
  text,
  fc.constantFrom('---', '***', '', ' ', '\\', '&#0;', '&#xD800;', '\u2028', '\ufeff'),
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '---\ntitle: x\n---\n',
    '---\nwarrant:\n  rules:\n    unsupported-claim: off\n---\n',
    '---\nwarrant:\n  rules:\n    no-such-rule: error\n    orphan-node: loud\n  vocabulary: 3\n---\n',
    '---\nwarrant: [1, 2\n---\n',
    '---\nkey: [unclosed\n---\n',
    '---\n: : :\n\t- x\n---\n',
    '---\n- a list\n---\n',
    '---\nbibliography: refs.bib\n---\n',
    '---\nbibliography: [missing.bib, refs.json, 3]\n---\n',
    '---\nreferences:\n  - id: known\n    title: T\n  - 42\n  - {}\n---\n',
    '---\nreferences: nope\nwarrant:\n  maxFileSize: -1\n---\n',
    '---\na: &x [*x]\n---\n',
    '---\nx: *undefined-alias\n---\n',
    '---\n*: \n---\n',
    '---\nwarrant:\n  heuristics: *a\n---\n',
    '---\nunterminated: front matter\n',
    '---\n---\n',
  ),
  fc.tuple(text, text).map(([k, v]) => `---\n${k}: ${v}\n---\n`),
);

const separator = fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' ', '\n    ', '\n> ', '\n- ');

const document = fc
  .tuple(frontMatter, fc.array(fc.tuple(piece, separator), { maxLength: 25 }))
  .map(([fm, parts]) => fm + parts.map(([p, s]) => p + s).join(''));

type Mutation = (s: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, len]): Mutation => (s) => s.slice(0, at % (s.length + 1)) + s.slice((at % (s.length + 1)) + len)),
  fc.tuple(fc.nat(), fc.oneof(noise, fc.constantFrom('\u0000', '\r', '\n', '{', '}', '[', ']', '<!--', '-->', ':::', '\uD800', '\uDC00', '**'))).map(
    ([at, ins]): Mutation => (s) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + ins + s.slice(i);
    },
  ),
  fc.nat().map((at): Mutation => (s) => s.slice(0, at % (s.length + 1))),
  fc.constant<Mutation>((s) => s.replace(/\r?\n/g, '\r\n')),
  fc.constant<Mutation>((s) => s.replace(/\r\n?/g, '\r')),
  fc.constant<Mutation>((s) => s + s),
);
const mutated = fc.tuple(document, fc.array(mutation, { maxLength: 3 })).map(([doc, ms]) => ms.reduce((acc, m) => m(acc), doc));

// ---------------------------------------------------------------------------------------------
// The checks

const OTHER = '# Other\n\n<!-- claim #x -->\nA claim [@known].\n\n## Toxicity\n\n::: {.defense #o1 defends=essay.md#toxicity}\nText.\n:::\n';
const BIB = '@article{known, author = {Doe, Jane}, title = {Known}, year = {2020}}\n@broken{';

function workspace(): MemoryWorkspace {
  return new MemoryWorkspace({
    'file:///ws/other.md': OTHER,
    'file:///ws/refs.bib': BIB,
    'file:///ws/refs.json': '[{"id": "known"}, 3, {"title": "no id"}]',
    'file:///ws/notes.txt': 'notes',
  });
}

function configs(): ResolvedConfig[] {
  const base = defaultConfig();
  const layer = parseConfigText(
    'bibliography: [refs.bib, missing.yaml]\nvocabulary:\n  assumption: { labels: [Assumption, Note], as: claim }\n  risk: { labels: [Risk, Hazard] }\nrules:\n  orphan-node: error\n  circular-support: [warning, { x: 1 }]\n',
    'file:///ws/.warrant.yaml',
    RULE_IDS,
  );
  assert.deepEqual(layer.problems, []);
  // The AI-risk preset: declared attributes, inference, and its two rules.
  const preset = presetLayer('warrant:ai-risk', RULE_IDS);
  assert.ok(!('error' in preset));
  return [base, extendConfig(base, layer.config, resolveUri), extendConfig(base, preset.layer, resolveUri)];
}

function checkResult(text: string, result: LintResult): void {
  const index = new LineIndex(text);
  const show = (f: Finding): string => `${f.ruleId} ${JSON.stringify(f.range)} ${f.message}`;
  for (const f of result.findings) {
    assert.notEqual(f.ruleId, 'internal-error', `a rule threw: ${f.message}`);
    assert.ok(RULE_IDS.has(f.ruleId), `unknown rule id in ${show(f)}`);
    assert.ok(Number.isInteger(f.range.start) && Number.isInteger(f.range.end), `non-integer range: ${show(f)}`);
    assert.ok(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length, `range outside the text (length ${text.length}): ${show(f)}`);
    assert.deepEqual(f.position, index.toRange(f.range), `position disagrees with offsets: ${show(f)}`);
    // Round trip: no range starts or ends between the \r and \n of a CRLF, where no position can point.
    assert.equal(index.offsetAt(f.position.start), f.range.start, `start offset does not round-trip: ${show(f)}`);
    assert.equal(index.offsetAt(f.position.end), f.range.end, `end offset does not round-trip: ${show(f)}`);
    assert.ok(f.message.length > 0 && !/\n\s+at /.test(f.message), `message empty or a stack trace: ${show(f)}`);
    for (const r of f.related) {
      assert.ok(r.range.start.line >= 0 && r.range.start.character >= 0, `related position negative: ${show(f)}`);
      if (r.uri === result.uri) assert.ok(index.offsetAt(r.range.end) <= text.length);
    }
  }
  for (const n of result.model.nodes) {
    for (const r of [n.range, n.selectionRange, n.tagRange]) {
      assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, `node range outside the text: ${n.kind} ${JSON.stringify(r)}`);
    }
  }
  if (text.slice(0, 8192).includes('\u0000')) {
    // Skipped: one file-skipped finding and nothing else (no tag findings from the raw text either).
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['file-skipped'], 'a document with a NUL byte is skipped, with one finding');
    assert.equal(result.model.nodes.length, 0);
  }
}

function lintOnce(text: string, config: ResolvedConfig, engine = createEngine({ workspace: workspace() })): LintResult {
  return engine.lint(DOC, text, config);
}

describe('robustness: random and mutated Markdown', function () {
  this.timeout(120_000);
  const [plain, configured] = configs() as [ResolvedConfig, ResolvedConfig];

  it('lints grammar-built documents without throwing, with findings inside the text', () => {
    const engine = createEngine({ workspace: workspace() });
    fc.assert(
      fc.property(document, fc.boolean(), (text, useConfig) => {
        checkResult(text, lintOnce(text, useConfig ? configured : plain, engine));
      }),
      { numRuns: RUNS },
    );
  });

  it('lints mutated documents (splices, truncation, CRLF/CR, NUL, lone surrogates)', () => {
    const engine = createEngine({ workspace: workspace() });
    fc.assert(
      fc.property(mutated, fc.boolean(), (text, useConfig) => {
        checkResult(text, lintOnce(text, useConfig ? configured : plain, engine));
      }),
      { numRuns: RUNS },
    );
  });

  it('lints arbitrary strings, including every UTF-16 code unit', () => {
    const engine = createEngine({ workspace: workspace() });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '<', '!', '-', '>', ':', '#', '@', '^', '*', '_', '\n', '\r', ' ', '.', 'a', '|', '`', '\\', '('), maxLength: 200 })), (text) => {
        checkResult(text, lintOnce(text, plain, engine));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps editing sessions consistent: the same engine re-linting successive versions of a document', () => {
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 6 }), (start, edits) => {
        const engine = createEngine({ workspace: workspace() });
        let text = start;
        for (const edit of edits) {
          text = edit(text);
          const result = engine.lint(DOC, text, plain);
          checkResult(text, result);
          // The cache never hands back findings of an older version.
          const fresh = createEngine({ workspace: workspace() }).lint(DOC, text, plain);
          assert.deepEqual(result.findings, fresh.findings);
        }
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });

  it('parses any .warrant.yaml text into problems with ranges, never an exception', () => {
    const yamlPiece = fc.oneof(
      fc.constantFrom('rules:', '  unsupported-claim: off', '  x: [warn, 3]', 'vocabulary:', '  claim: { labels: [A, 3] , as: nope }', '  Bad Kind: {}', 'bibliography: 3', 'maxFileSize: 0', 'maxFileSize: 1e3', 'heuristics: { threshold: x }', 'references: {}', 'ignores: [1]', 'root: true', '? complex', '- seq', '&a x', '*a', '%YAML 1.2', '---', '...', '\t', ':', '"', '['),
      text,
    );
    fc.assert(
      fc.property(fc.array(yamlPiece, { maxLength: 12 }).map((l) => l.join('\n')), (source) => {
        const parsed = parseConfigText(source, 'file:///ws/.warrant.yaml', RULE_IDS);
        for (const p of parsed.problems) assert.ok(0 <= p.range.start && p.range.start <= p.range.end && p.range.end <= source.length + 1, `problem range ${JSON.stringify(p.range)} outside ${source.length}`);
        const config = extendConfig(defaultConfig(), parsed.config, resolveUri);
        checkResult('# Claim: x\n\nRisk: y [@k]\n', createEngine({ workspace: workspace() }).lint(DOC, '# Claim: x\n\nRisk: y [@k]\n', config));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});

/** Minimal counterexamples the properties found and src/core fixed: kept as plain regressions. */
describe('robustness: regressions', () => {
  const lint = (text: string) => lintOnce(text, defaultConfig());
  const roundTrips = (text: string): void => {
    const index = new LineIndex(text);
    const findings = lint(text).findings;
    assert.ok(findings.length > 0);
    for (const f of findings) assert.deepEqual([index.offsetAt(f.position.start), index.offsetAt(f.position.end)], [f.range.start, f.range.end], `${f.ruleId} ${JSON.stringify(f.range)}`);
  };

  it('a comment-tagged block whose first line ends in CRLF is not selected up to the \\r', () => roundTrips('<!-- claim -->\r\n- one\r\ntwo\r\n'));
  it('an invalid-front-matter range does not end between \\r and \\n', () => roundTrips('---\r\nwarrant: [1, 2\r\n---\r\n'));
  it('unresolved YAML aliases in front matter are a finding, not an exception', () => {
    for (const text of ['---\n*: \n---\n', '---\nx: *a\n---\n', '---\nwarrant:\n  heuristics: *a\n---\n']) {
      assert.deepEqual(lint(text).findings.map((f) => f.ruleId), ['invalid-front-matter'], JSON.stringify(text));
    }
  });
  // Same engine, successive versions: each lint must report what a fresh engine reports.
  const session = (versions: string[]): void => {
    const engine = createEngine({ workspace: workspace() });
    for (const text of versions) {
      const fresh = createEngine({ workspace: workspace() }).lint(DOC, text, defaultConfig()).findings;
      assert.deepEqual(engine.lint(DOC, text, defaultConfig()).findings, fresh, JSON.stringify(text));
    }
  };
  it('a `---` line appended far below closes an unclosed front matter: the session sees it too', () => {
    // Seed -604017862: the doubled text's second `---` closes the first one's front matter.
    const start = '---\n: \n\u0001---\n[](other.md)\r\n\r\n\ufeff\n';
    session([start, start + start]);
    session(['---\nkey: [\n\nText.\n\nMore.\n', '---\nkey: [\n\nText.\n\nMore.\n---\n']);
  });
  it('an edit in a block that starts with U+FEFF mid-document does not shift its ranges by one', () => {
    // Seed 2047566969 (`<!-- warrant-disable {-->` after a `\ufeff` line): reported one character early.
    session(['Text.\n\n\ufeffClaim: this.\n\nMore.\n\nEnd.\n', 'Text.\n\n\ufeffClaim: this one.\n\nMore.\n\nEnd.\n']);
    const start = '<div id="x">\r\n\r\n\ufeff\n[alignment{\n<!-- warrant-disable  -->\n';
    session([start + start, start.replace('disable ', 'disable{ ') + start]);
  });
  it('a binary file is not looked up in the configured bibliographies', () => {
    const layer = parseConfigText('bibliography: [missing.bib]\n', 'file:///ws/.warrant.yaml', RULE_IDS).config;
    const config = extendConfig(defaultConfig(), layer, resolveUri);
    assert.deepEqual(lintOnce('\u0000', config).findings.map((f) => f.ruleId), ['file-skipped']);
  });
});

/** Minimal counterexamples the properties found, kept as regressions with the bug described. */
describe('robustness: regressions for bugs the fuzzing found', () => {
  const lint = (text: string) => lintOnce(text, defaultConfig());
  const slices = (text: string, rule: string): string[] => lint(text).findings.filter((f) => f.ruleId === rule).map((f) => text.slice(f.range.start, f.range.end));

  // micromark drops a leading U+FEFF, so every mdast offset is one less than the offset in the
  // text the engine was given (files saved "UTF-8 with BOM"; the CLI reads them as they are).
  it('a leading byte-order mark does not shift ranges', () => {
    assert.deepEqual(slices('\ufeffClaim: x\n', 'unsupported-claim'), ['Claim: x']);
    assert.deepEqual(slices('\ufeff# Claim: x\n', 'unsupported-claim'), ['Claim: x']);
    assert.deepEqual(slices('\ufeff<!-- claim #a -->\nHello.\n', 'unsupported-claim'), ['Hello.']);
    // The span is not recognised at all: the paragraph's shifted range cuts off its closing brace.
    assert.deepEqual(slices('\ufeff[x]{.claim}\n', 'unsupported-claim'), ['x']);
  });

  // analyzeDocument still runs the Pandoc recognizer over the raw text of a skipped file (binary,
  // or over maxFileSize), which both wastes the time the limit is meant to save and reports tags.
  it('a skipped file gets only the file-skipped finding', () => {
    assert.deepEqual(lint('\u0000\n::: {.claim}\n').findings.map((f) => f.ruleId), ['file-skipped']);
    assert.deepEqual(lint('::: {.claim}\n' + 'x'.repeat(4.5 * 1024 * 1024)).findings.map((f) => f.ruleId), ['file-skipped']);
  });
});

// ---------------------------------------------------------------------------------------------
// Files an essay folder should never contain, but sometimes does

/** A plausible essay, repeated to `bytes` characters. */
function bigEssay(bytes: number): string {
  const section = (i: number): string =>
    `### **Claim ${i}: Section ${i} of a very long essay.**\n\nA paragraph with a [link](https://example.org/${i}) and a footnote.[^${i}] Roughly ${i % 97} percent of readers stop here.\n\n<!-- objection #o${i} attacks=#claim-${i} -->\nSomeone disagrees.\n\n[^${i}]: Source ${i}.\n\n`;
  const parts: string[] = ['# A very long essay\n\n'];
  let size = parts[0]!.length;
  for (let i = 1; size < bytes; i++) {
    const s = section(i);
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}

describe('robustness: oversized and binary files', function () {
  this.timeout(120_000);
  const FIVE_MB = 5 * 1000 * 1000;
  const binary = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.from([0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0, 0xff, 0xfe, 0x00, 0xd8]), Buffer.alloc(4096, 0x5b)]);

  it('skips a 5 MB essay with one clear file-skipped finding (the default limit is 4 MiB)', () => {
    const text = bigEssay(FIVE_MB);
    assert.ok(text.length >= FIVE_MB);
    const result = lintOnce(text, defaultConfig());
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['file-skipped']);
    assert.match(result.findings[0]!.message, /4\.0 MiB limit.*maxFileSize/);
    assert.equal(result.model.nodes.length, 0);
    checkResult(text, result);
  });

  it('skips a binary file (NUL bytes) with one file-skipped finding', () => {
    const text = binary.toString('utf8');
    const result = lintOnce(text, defaultConfig());
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['file-skipped']);
    assert.match(result.findings[0]!.message, /binary/);
    checkResult(text, result);
  });

  describe('through the built CLI', () => {
    let dir: string;
    const cli = join(ROOT, 'bin', 'warrant.cjs');
    before(function () {
      if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
        const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
        assert.equal(build.status, 0, `build failed: ${build.stderr}`);
      }
      dir = mkdtempSync(join(tmpdir(), 'warrant-robustness-'));
      writeFileSync(join(dir, 'huge.md'), bigEssay(FIVE_MB));
      writeFileSync(join(dir, 'image.md'), binary);
      writeFileSync(join(dir, 'fine.md'), '# Fine\n\nNothing to see.\n');
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    const noStackTrace = (stderr: string): void => {
      assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, `stack trace on stderr:\n${stderr}`);
      assert.doesNotMatch(stderr, /unexpected error/i, stderr);
    };

    it('lint (stylish): a warning per skipped file, exit 0, no stack trace', () => {
      const r = run(['lint', '--no-color', '.']);
      assert.equal(r.error, undefined, `CLI did not finish: ${r.error}`);
      noStackTrace(r.stderr);
      assert.equal(r.status, 0, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /huge\.md[\s\S]*over the 4\.0 MiB limit: not linted[\s\S]*file-skipped/);
      assert.match(r.stdout, /image\.md[\s\S]*looks binary[\s\S]*file-skipped/);
      assert.doesNotMatch(r.stdout, /fine\.md/);
    });

    it('lint -f json: one file-skipped finding for each, nothing else', () => {
      const r = run(['lint', '-f', 'json', 'huge.md', 'image.md']);
      assert.equal(r.error, undefined, `CLI did not finish: ${r.error}`);
      noStackTrace(r.stderr);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line?: number }[] }[];
      const byFile = Object.fromEntries(report.map((f) => [f.filePath.replace(/^.*[\\/]/, ''), f.messages.map((m) => m.ruleId)]));
      assert.deepEqual(byFile, { 'huge.md': ['file-skipped'], 'image.md': ['file-skipped'] });
    });

    it('--max-warnings 0 turns the skipped files into a failing run, still without a stack trace', () => {
      const r = run(['lint', '--max-warnings', '0', 'image.md']);
      noStackTrace(r.stderr);
      assert.equal(r.status, 1);
    });

    it('claims lists nothing for them and exits 0', () => {
      const r = run(['claims', '-f', 'json', 'huge.md', 'image.md']);
      assert.equal(r.error, undefined, `CLI did not finish: ${r.error}`);
      noStackTrace(r.stderr);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), []);
    });
  });
});
