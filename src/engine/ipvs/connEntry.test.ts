/** IpvsConnEntry packs five booleans into one number: each must read back as set, independently. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { IpvsConnEntry } from './connEntry';
import type { IpvsConn } from './conn';
import type { IpvsDest, IpvsService } from './service';
import type { FwdMethod } from './types';

const entry = (
  template: boolean,
  onePacket: boolean,
  fwd: FwdMethod,
  proto: IpvsConn['proto'] = 'TCP',
  serial = 41,
): IpvsConnEntry =>
  new IpvsConnEntry(
    serial,
    proto,
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
  test('ids read alternately from two entries are each its own (the last id is remembered)', () => {
    const mk = (serial: number) => entry(false, false, 'masq', 'TCP', serial);
    const a = mk(3);
    const b = mk(30);
    expect([a.id, b.id, a.id, a.id, b.id]).toEqual(['conn#3', 'conn#30', 'conn#3', 'conn#3', 'conn#30']);
  });

  test('fuzz: the packed flags, protocol, method and bucket read back as last written, each on its own', () => {
    const seed = fuzzSeed();
    const flag = fc.constantFrom('inactive', 'noOutput', 'assured' as const);
    const fwds: FwdMethod[] = ['masq', 'route', 'tunnel', 'local'];
    const protos: IpvsConn['proto'][] = ['TCP', 'UDP', 'SCTP', 'IP'];
    try {
      fc.assert(
        fc.property(
          fc.boolean(),
          fc.boolean(),
          fc.constantFrom(...fwds),
          fc.constantFrom(...protos),
          fc.array(fc.tuple(flag, fc.boolean(), fc.integer({ min: 0, max: 4095 })), { maxLength: 40 }),
          (template, onePacket, fwd, proto, writes) => {
            const c = entry(template, onePacket, fwd, proto);
            const model = { inactive: true, noOutput: fwd !== 'masq', assured: false, bucket: 0 };
            for (const [f, v, bucket] of writes) {
              c[f] = v;
              model[f] = v;
              c.bucket = bucket;
              model.bucket = bucket;
              expect({
                inactive: c.inactive,
                noOutput: c.noOutput,
                assured: c.assured,
                bucket: c.bucket,
              }).toEqual(model);
              expect([c.template, c.onePacket, c.fwd, c.proto]).toEqual([template, onePacket, fwd, proto]);
            }
          },
        ),
        { seed, numRuns: 200 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('the id is built from its number; the ports read back as written', () => {
    const c = entry(false, false, 'masq');
    expect(c.id).toBe('conn#41');
    expect(c.state).toBe('NONE');
    expect([c.created, c.timeoutUs, c.expires]).toEqual([7, 3_000_000, 0]);
    expect([c.cport, c.vport]).toEqual([1234, 80]);
    // A template re-keyed out of the way (ConnTable.rekey), and ports above 32767.
    c.cport = 0xffff;
    expect([c.cport, c.vport]).toEqual([0xffff, 80]);
    c.vport = 40000;
    expect([c.cport, c.vport]).toEqual([0xffff, 40000]);
  });
});
