/**
 * ConnTable answers lookups from a memo of its last answers (absent ones too): every lookup must
 * still give what its map holds, however inserts, unlinks and re-keys fall between lookups.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { TestLab } from '../testing/testLab';
import type { IpvsConn } from './conn';
import { IpvsConnEntry } from './connEntry';
import { ConnTable } from './connTable';
import type { IpvsDest, IpvsService } from './service';
import type { FwdMethod } from './types';

// Few, so that lookups meet the tuples of entries inserted, unlinked and re-keyed before them.
const ADDRS = ['10.0.0.1', '172.16.132.18', '192.168.0.2'];
const PORTS = [80, 40000];
const PROTOS: IpvsConn['proto'][] = ['TCP', 'UDP'];

interface Tuple {
  proto: IpvsConn['proto'];
  a: string;
  p: number;
  b: string;
  q: number;
}

const arbTuple: fc.Arbitrary<Tuple> = fc.record({
  proto: fc.constantFrom(...PROTOS),
  a: fc.constantFrom(...ADDRS),
  p: fc.constantFrom(...PORTS),
  b: fc.constantFrom(...ADDRS),
  q: fc.constantFrom(...PORTS),
});

type Op =
  | { op: 'insert'; t: Tuple; d: string; fwd: FwdMethod; template: boolean }
  | { op: 'unlink'; i: number }
  | { op: 'rekey'; i: number }
  | { op: 'findIn'; t: Tuple }
  | { op: 'findOut'; t: Tuple }
  | { op: 'findMade'; i: number; dir: 'in' | 'out' };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    t: arbTuple,
    d: fc.constantFrom(...ADDRS),
    fwd: fc.constantFrom<FwdMethod>('masq', 'route'),
    template: fc.boolean(),
  }),
  fc.record({ op: fc.constant('unlink' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('rekey' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('findIn' as const), t: arbTuple }),
  fc.record({ op: fc.constant('findOut' as const), t: arbTuple }),
  fc.record({
    op: fc.constant('findMade' as const),
    i: fc.nat(),
    dir: fc.constantFrom('in' as const, 'out' as const),
  }),
  fc.record({
    op: fc.constant('findMade' as const),
    i: fc.nat(),
    dir: fc.constantFrom('in' as const, 'out' as const),
  }),
);

/** What a lookup must give: the entry its map holds for the tuple (found by its fields). */
function inMap(m: ReadonlyMap<unknown, IpvsConn>, t: Tuple, dir: 'in' | 'out'): IpvsConn | undefined {
  for (const c of m.values()) {
    const [a, p, b, q] =
      dir === 'in' ? [c.caddr, c.cport, c.vaddr, c.vport] : [c.daddr, c.dport, c.caddr, c.cport];
    if (c.proto === t.proto && a === t.a && p === t.p && b === t.b && q === t.q) return c;
  }
  return undefined;
}

/** Two entries with the same reply-direction tuple. */
const sameOut = (x: IpvsConn, y: IpvsConn): boolean =>
  x.proto === y.proto &&
  x.daddr === y.daddr &&
  x.dport === y.dport &&
  x.caddr === y.caddr &&
  x.cport === y.cport;

describe('ConnTable lookups', () => {
  test('fuzz: findIn gives what byIn holds, findOut what a model of the reply direction holds, across inserts, unlinks and re-keys', () => {
    const seed = fuzzSeed();
    const host = new TestLab('nat', 1, true).host('director');
    let serial = 0;
    try {
      fc.assert(
        fc.property(fc.array(arbOp, { minLength: 1, maxLength: 60 }), (ops) => {
          const table = new ConnTable(host, () => {});
          const made: IpvsConn[] = [];
          // The reply direction as the kernel keeps it: NAT entries (not templates) by (proto, daddr, dport, caddr, cport).
          const outModel = new Map<IpvsConn, IpvsConn>();
          for (const o of ops) {
            if (o.op === 'insert') {
              const c = new IpvsConnEntry(
                ++serial,
                o.t.proto,
                o.t.a,
                o.t.p,
                o.t.b,
                o.t.q,
                o.d,
                80,
                {} as IpvsService,
                {} as IpvsDest,
                o.fwd,
                o.template,
                undefined,
                false,
                60_000_000,
                0,
              );
              made.push(c);
              table.insert(c);
              if (!c.template && c.fwd === 'masq') {
                for (const [k, v] of outModel) if (sameOut(k, c)) outModel.delete(v);
                outModel.set(c, c);
              }
            } else if (o.op === 'unlink' || o.op === 'rekey') {
              if (made.length === 0) continue;
              const c = made[o.i % made.length]!;
              if (o.op === 'unlink') {
                table.unlink(c);
                outModel.delete(c);
              }
              // Only templates are re-keyed (ip_vs_conn_invalidate), and only they are in byIn alone.
              else if (c.template) table.rekey(c);
            } else {
              let t: Tuple;
              let op: 'findIn' | 'findOut';
              if (o.op === 'findIn' || o.op === 'findOut') {
                t = o.t;
                op = o.op;
              } else {
                // The tuple of an entry made before (whether still in the table or not).
                if (made.length === 0) continue;
                const c = made[o.i % made.length]!;
                op = o.dir === 'in' ? 'findIn' : 'findOut';
                t =
                  o.dir === 'in'
                    ? { proto: c.proto, a: c.caddr, p: c.cport, b: c.vaddr, q: c.vport }
                    : { proto: c.proto, a: c.daddr, p: c.dport, b: c.caddr, q: c.cport };
              }
              const { proto, a, p, b, q } = t;
              // Twice: the second is answered by the memo.
              for (let k = 0; k < 2; k++) {
                if (op === 'findIn') expect(table.findIn(proto, a, p, b, q)).toBe(inMap(table.byIn, t, 'in'));
                else expect(table.findOut(proto, a, p, b, q)).toBe(inMap(outModel, t, 'out'));
              }
            }
          }
          for (const c of made) table.unlink(c);
        }),
        { seed, numRuns: 300 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('an absent answer is not kept past the insert that makes it present, nor a present one past its unlink', () => {
    const host = new TestLab('nat', 1, true).host('director');
    const table = new ConnTable(host, () => {});
    const mk = (cport: number) =>
      new IpvsConnEntry(
        cport,
        'TCP',
        '10.0.0.1',
        cport,
        '172.16.132.18',
        80,
        '192.168.0.2',
        80,
        {} as IpvsService,
        {} as IpvsDest,
        'masq',
        false,
        undefined,
        false,
        60_000_000,
        0,
      );
    const a = mk(40000);
    table.insert(mk(40001)); // gives both addresses their ids, so the lookup below reaches the map
    expect(table.findIn('TCP', '10.0.0.1', 40000, '172.16.132.18', 80)).toBeUndefined();
    expect(table.findOut('TCP', '192.168.0.2', 80, '10.0.0.1', 40000)).toBeUndefined();
    table.insert(a);
    expect(table.findIn('TCP', '10.0.0.1', 40000, '172.16.132.18', 80)).toBe(a);
    expect(table.findOut('TCP', '192.168.0.2', 80, '10.0.0.1', 40000)).toBe(a);
    table.unlink(a);
    expect(table.findIn('TCP', '10.0.0.1', 40000, '172.16.132.18', 80)).toBeUndefined();
    expect(table.findOut('TCP', '192.168.0.2', 80, '10.0.0.1', 40000)).toBeUndefined();
    table.insert(a);
    expect(table.findIn('TCP', '10.0.0.1', 40000, '172.16.132.18', 80)).toBe(a);
    table.rekey(a);
    expect(table.findIn('TCP', '10.0.0.1', 40000, '172.16.132.18', 80)).toBeUndefined();
    expect(table.findIn('TCP', '10.0.0.1', 0xffff, '172.16.132.18', 0xffff)).toBe(a);
  });
});
