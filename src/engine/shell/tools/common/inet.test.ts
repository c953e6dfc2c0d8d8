import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { inetAton, inetAtonParsed } from './inet';

describe('inetAton', () => {
  test('a dotted quad taken as is gives what the part-by-part parse gives', () => {
    const part = fc.oneof(
      fc.nat(255).map(String),
      fc.constantFrom('0', '00', '010', '0x1f', '08', '256', '4294967295', ''),
    );
    const text = fc.oneof(
      fc.tuple(part, part, part, part).map((p) => p.join('.')),
      fc.array(part, { minLength: 1, maxLength: 5 }).map((p) => p.join('.')),
      fc.string({ maxLength: 16 }),
    );
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(text, (t) => {
          expect(inetAton(t)).toBe(inetAtonParsed(t));
        }),
        { seed, numRuns: 1000 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('base-0 parts and short forms still parse as inet_aton does', () => {
    expect(inetAton('172.16.132.18')).toBe('172.16.132.18');
    expect(inetAton('010.0.0.1')).toBe('8.0.0.1');
    expect(inetAton('127.1')).toBe('127.0.0.1');
    expect(inetAton('0x7f.1')).toBe('127.0.0.1');
    expect(inetAton('256.1.1.1')).toBeUndefined();
  });
});
