/**
 * Worker count (#13): `auto` weighs the run's size against the CPUs free now, and `--debug`
 * says what it chose and why.
 */
import { strict as assert } from 'node:assert';
import { chooseWorkers, currentLoad } from '../../src/cli/lintRun.js';
import { warrant } from './helpers.js';

const jobs = (files: number, bytesEach: number) =>
  Array.from({ length: files }, (_, i) => ({ filePath: `/ws/${i}.md`, uri: `file:///ws/${i}.md`, text: 'x'.repeat(bytesEach) }));

describe('CLI: choosing worker threads', () => {
  const big = jobs(400, 20 * 1024); // 400 files, ~7.8 MB: enough for 15 workers by size

  it('auto: one per free CPU for a big run, none on a busy machine or a small run', () => {
    assert.equal(chooseWorkers('auto', big, 8, 0).count, 8);
    assert.equal(chooseWorkers('auto', big, 8, 3.2).count, 5, 'three CPUs busy');
    assert.equal(chooseWorkers('auto', big, 8, 7).count, 0, 'one free CPU: no thread hop');
    assert.equal(chooseWorkers('auto', big, 2, 17.8).count, 0, 'overloaded');
    assert.equal(chooseWorkers('auto', jobs(10, 1024), 8, 0).count, 0, 'small run');
    assert.equal(chooseWorkers('auto', jobs(40, 64 * 1024), 8, 0).count, 2, 'size-bound: 2.5 MB, 40 files');
  });

  it('explicit counts ignore the load; off is off', () => {
    assert.equal(chooseWorkers(4, big, 2, 17.8).count, 4);
    assert.equal(chooseWorkers(4, jobs(3, 10), 8, 0).count, 3);
    assert.equal(chooseWorkers('off', big, 8, 0).count, 0);
  });

  it('the load is what runs now, not the last minute (#20): a run that just ended does not count', () => {
    // /proc/loadavg: 1-, 5-, 15-minute averages, running/total threads, last pid
    assert.equal(currentLoad('2.70 1.97 2.57 1/81 12345\n', 2.7), 0, 'only this thread runs');
    assert.equal(currentLoad('0.10 0.20 0.30 3/81 12345\n', 0.1), 2, 'two others run now');
    assert.equal(currentLoad(null, 1.5), 1.5, 'no /proc: the one-minute average');
    assert.equal(chooseWorkers('auto', big, 2, currentLoad('2.70 1.97 2.57 1/81 12345\n', 2.7)).count, 2);
  });

  it('says why', () => {
    assert.match(chooseWorkers('auto', big, 8, 3.2).reason, /^auto: 8 CPUs, load 3\.2 → 5 free; 400 files, 7\.8 MB would use 15$/);
  });

  it('--debug prints the choice', () => {
    const r = warrant(['lint', 'clean', '--debug']);
    assert.match(r.stderr, /no workers \(auto: \d+ CPUs, load [\d.]+ → \d+ free; \d+ files, [\d.]+ MB would use 0\)/);
  });
});
