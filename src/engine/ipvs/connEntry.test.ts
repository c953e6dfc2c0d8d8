/** IpvsConnEntry packs five booleans into one number: each must read back as set, independently. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { IpvsConnEntry } from './connEntry';
import type { IpvsDest, IpvsService } from './service';

const entry = (template: boolean, onePacket: boolean, fwd: 'masq' | 'route'): IpvsConnEntry =>
  new IpvsConnEntry(
    41,
    'TCP',
    '10.0.0.1',
    1234,
    '10.0.0.100',
    80,
    '192.168.0.2',
    80,
    {} as IpvsService,
    {} as IpvsDest,
    fwd,
    template,
    undefined,
    onePacket,
    3_000_000,
    7,
  );

describe('IpvsConnEntry', () => {
  test('fuzz: the packed flags read back as last written, each on its own', () => {
    const seed = fuzzSeed();
    const flag = fc.constantFrom('inactive', 'noOutput', 'assured' as const);
    try {
      fc.assert(
        fc.property(
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          fc.array(fc.tuple(flag, fc.boolean()), { maxLength: 40 }),
          (template, onePacket, masq, writes) => {
            const c = entry(template, onePacket, masq ? 'masq' : 'route');
            const model = { inactive: true, noOutput: !masq, assured: false };
            for (const [f, v] of writes) {
              c[f] = v;
              model[f] = v;
              expect({ inactive: c.inactive, noOutput: c.noOutput, assured: c.assured }).toEqual(model);
              expect([c.template, c.onePacket]).toEqual([template, onePacket]);
            }
          },
        ),
        { seed, numRuns: 200 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('the id is built from its number; a template starts in NONE, a UDP entry in UDP', () => {
    const c = entry(false, false, 'masq');
    expect(c.id).toBe('conn#41');
    expect(c.state).toBe('NONE');
    expect([c.created, c.timeoutUs, c.expires]).toEqual([7, 3_000_000, 0]);
  });
});
