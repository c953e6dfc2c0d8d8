import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestLab } from '../../testing/testLab';

const seed = Number(process.env.FUZZ_SEED ?? 1212);

const WORDS: Record<string, string[]> = {
  dd: [
    'if=/dev/zero',
    'if=/dev/urandom',
    'if=/etc/hostname',
    'if=/nope',
    'of=/tmp/a',
    'of=/nope/a',
    'of=',
    'bs=1K',
    'bs=1M',
    'bs=0',
    'bs=x',
    'bs=4096',
    'count=3',
    'count=0',
    'count=-1',
    'count=200',
    'bogus',
    '=',
    'if',
  ],
  fallocate: ['-l', '--length', '10M', '1K', '0', '1x', '200M', '/tmp/f', '/nope/f', '-x', ''],
};

/** 10,000 command lines for each: no exception, a byte status, a message whenever it fails. */
describe('fuzz: dd and fallocate', () => {
  for (const name of ['dd', 'fallocate']) {
    it(name, { timeout: 120_000 }, () => {
      let lab = new TestLab('nat');
      let n = 0;
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.constantFrom(...WORDS[name]!), fc.string({ maxLength: 5 })), { maxLength: 5 }),
          (argv) => {
            if (++n % 500 === 0) lab = new TestLab('nat');
            const r = lab.sh('client', [name, ...argv], { stdin: '' });
            expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255).toBe(true);
            if (r.status !== 0) expect(r.err).not.toBe('');
            expect(r.err).not.toMatch(/TypeError|undefined|NaN|\[object/);
          },
        ),
        { numRuns: 10_000, seed },
      );
    });
  }
});
