/**
 * `npm run fuzz [-- --n 100000 --seed 11 --time 3600]`: the grammar + mutation fuzzer over N
 * documents (bounded by count and by seconds), then the growth families of issue #11 with their
 * exponents (log2 of the time ratio from n to 2n: 1 is linear, 2 quadratic). Exits 1 on any
 * exception or finding outside its text, and on any family whose time ratio (or printed output's
 * length ratio) from n to 2n is 2.6 or more (issue #21). `npm test` runs a short round (test/security/fuzz.test.ts).
 */
import { parseArgs } from 'node:util';
import { runFuzz } from '../test/helpers/fuzz.ts';
import { FAMILIES, growth } from '../test/helpers/families.ts';

const { values } = parseArgs({ options: { n: { type: 'string' }, seed: { type: 'string' }, time: { type: 'string' }, 'no-growth': { type: 'boolean' } } });
const n = Number(values.n ?? 10000);
const seed = Number(values.seed ?? 11);
const timeMs = Number(values.time ?? 1800) * 1000;

console.log(`fuzz: up to ${n} documents, seed ${seed}, at most ${timeMs / 1000} s`);
const s = runFuzz({ n, seed, timeMs, onProgress: (done) => process.stderr.write(`  ${done} documents\r`) });
console.log(`documents: ${s.documents}${s.documents < n ? ' (stopped by the time limit)' : ''} in ${(s.elapsedMs / 1000).toFixed(0)} s`);
console.log(`exceptions: ${s.exceptions.length}`);
for (const e of s.exceptions.slice(0, 5)) console.log(`  #${e.index}: ${e.error.split('\n')[0]}\n    document: ${JSON.stringify(e.doc.slice(0, 300))}`);
console.log(`findings outside their text: ${s.badFindings.length}`);
for (const b of s.badFindings.slice(0, 5)) console.log(`  #${b.index}: ${b.problem}`);
console.log(`documents over 1 s (CPU): ${s.overOneSecond}`);
console.log('slowest ten (CPU ms, size in UTF-16 units):');
for (const x of s.slowest) console.log(`  #${x.index}: ${x.ms.toFixed(0)} ms, ${x.size} chars`);

/** A family whose time (or printed output) grows this much from n to 2n fails the run: linear is 2. */
const GROWTH_LIMIT = 2.6;
const slow = [];
if (!values['no-growth']) {
  console.log(`growth families (CPU ms at n and 2n, least of 3, 7 when over ${GROWTH_LIMIT}; exponent = log2 of the ratio; output = the stylish table's length ratio):`);
  for (const f of FAMILIES) {
    let g = growth(f);
    if (g.ratio >= GROWTH_LIMIT) g = growth(f, f.n, 7);
    const over = g.ratio >= GROWTH_LIMIT || g.outputRatio >= GROWTH_LIMIT;
    if (over) slow.push(f.name);
    console.log(`  ${f.name.padEnd(32)} n=${String(g.n).padEnd(5)} ${g.small.toFixed(0).padStart(6)} ms → ${g.large.toFixed(0).padStart(6)} ms  ratio ${g.ratio.toFixed(2)}  exponent ${g.exponent.toFixed(2)}  output ${g.outputRatio.toFixed(2)}${over ? `  FAIL (≥ ${GROWTH_LIMIT})` : ''}`);
  }
  if (slow.length) console.log(`growth over ${GROWTH_LIMIT}: ${slow.join(', ')}`);
}
process.exit(s.exceptions.length || s.badFindings.length || slow.length ? 1 : 0);
