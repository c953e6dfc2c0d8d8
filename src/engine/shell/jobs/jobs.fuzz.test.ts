import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSeed } from '../../../embed/fuzzSeed';
import { TestLab } from '../../testing/testLab';

const seed = fuzzSeed();

/** Lines mixing background jobs with the job builtins, as a student might type them. */
const PIECES = [
  'sleep 1 &',
  'sleep 0.2 &',
  'curl -s 172.16.132.18 &',
  'curl -s -m 1 10.9.9.9 &',
  '(exit 3) &',
  'false &',
  '{ sleep 1; echo x; } &',
  'echo a & echo b',
  'jobs',
  'jobs -l',
  'jobs -p',
  'jobs %1',
  'wait',
  'wait %1',
  'wait %2',
  'wait $!',
  'wait 1',
  'kill %1',
  'kill -9 %+',
  'kill -KILL %-',
  'kill -s INT %1',
  'kill -x %1',
  'kill $!',
  'fg',
  'fg %2',
  'echo $!',
  'sleep 0.5',
  'true',
];

/** The trace as text, for comparing two runs byte for byte. */
function run(lines: string[][]): { text: string; outputs: string[] } {
  const l = new TestLab('nat', 1, true, { clients: 2 });
  const outputs: string[] = [];
  for (const [host, line] of lines) {
    const r = l.sh(host!, line!, { maxUs: 5_000_000 });
    expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255).toBe(true);
    outputs.push(r.out + r.err);
  }
  return { text: JSON.stringify(l.rt.trace), outputs };
}

describe(`fuzz: background jobs through the lab driver (seed ${seed})`, () => {
  it('never throws, never prints JavaScript, and replays to the same trace', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('client', 'client2'),
            fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((p) => p.join('; ')),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (lines) => {
          const a = run(lines);
          for (const o of a.outputs) expect(o).not.toMatch(/undefined|NaN|\[object|TypeError|internal error/);
          expect(run(lines).text).toBe(a.text);
        },
      ),
      { seed, numRuns: 60 },
    );
  }, 120_000);
});
