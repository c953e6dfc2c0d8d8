/**
 * TupleIndex answers as a map by the whole tuple would, whatever the order of stores, removals
 * and lookups (its memo of the last two address pairs, made or not yet made, included).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { TupleIndex } from './tupleIndex';

const ADDRS = ['10.0.0.1', '10.0.0.2', '172.16.132.18'];
const PORTS = [0, 80, 40000, 0xffff];

const arbTuple = fc.tuple(
  fc.constantFrom(0, 1, 3),
  fc.constantFrom(...ADDRS),
  fc.constantFrom(...PORTS),
  fc.constantFrom(...ADDRS),
  fc.constantFrom(...PORTS),
);
type Tuple = [number, string, number, string, number];

describe('TupleIndex', () => {
  test('fuzz: get, set and delete answer as a map by the whole tuple', () => {
    const seed = fuzzSeed();
    const op = fc.oneof(
      fc.record({ set: arbTuple, v: fc.nat(5) }),
      fc.record({ del: arbTuple, v: fc.nat(5) }),
      fc.record({ get: arbTuple }),
      fc.record({ get: arbTuple }),
    );
    try {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
          const ix = new TupleIndex<number>();
          const model = new Map<string, number>();
          const key = (t: Tuple) => t.join('|');
          for (const o of ops) {
            if ('set' in o) {
              ix.set(...o.set, o.v);
              model.set(key(o.set), o.v);
            } else if ('del' in o) {
              ix.delete(...o.del, o.v);
              if (model.get(key(o.del)) === o.v) model.delete(key(o.del));
            } else {
              expect(ix.get(...o.get)).toBe(model.get(key(o.get)));
              // Copies of the address strings: the memo compares them by value.
              const [t, a, p, b, q] = o.get;
              expect(ix.get(t, a.split('').join(''), p, [...b].join(''), q)).toBe(model.get(key(o.get)));
            }
            expect(ix.size).toBe(model.size);
          }
        }),
        { seed, numRuns: 300 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('a pair asked before it had entries is found once it has them, under each tag apart', () => {
    const ix = new TupleIndex<string>();
    expect(ix.get(0, '10.0.0.1', 80, '10.0.0.2', 40000)).toBeUndefined();
    expect(ix.get(1, '10.0.0.1', 80, '10.0.0.2', 40000)).toBeUndefined();
    ix.set(0, '10.0.0.1', 80, '10.0.0.2', 40000, 'tcp');
    expect(ix.get(0, '10.0.0.1', 80, '10.0.0.2', 40000)).toBe('tcp');
    expect(ix.get(1, '10.0.0.1', 80, '10.0.0.2', 40000)).toBeUndefined();
    ix.set(1, '10.0.0.1', 80, '10.0.0.2', 40000, 'udp');
    expect(ix.get(1, '10.0.0.1', 80, '10.0.0.2', 40000)).toBe('udp');
    expect(ix.get(0, '10.0.0.2', 40000, '10.0.0.1', 80)).toBeUndefined();
    // Ports apart: (80, 40000) is not (40000, 80), nor the highest port folded onto another.
    expect(ix.get(0, '10.0.0.1', 40000, '10.0.0.2', 80)).toBeUndefined();
    ix.set(0, '10.0.0.1', 0xffff, '10.0.0.2', 0xffff, 'high');
    expect(ix.get(0, '10.0.0.1', 0xffff, '10.0.0.2', 0xffff)).toBe('high');
    expect(ix.get(0, '10.0.0.1', 0xffff, '10.0.0.2', 0xfffe)).toBeUndefined();
    ix.delete(0, '10.0.0.1', 80, '10.0.0.2', 40000, 'other');
    expect(ix.get(0, '10.0.0.1', 80, '10.0.0.2', 40000)).toBe('tcp');
    ix.delete(0, '10.0.0.1', 80, '10.0.0.2', 40000, 'tcp');
    expect(ix.get(0, '10.0.0.1', 80, '10.0.0.2', 40000)).toBeUndefined();
  });

  test('every pair of ports is its own entry (no two folded onto one key)', () => {
    const ix = new TupleIndex<string>();
    const ports = [0, 1, 255, 256, 0x7fff, 0x8000, 0xfffe, 0xffff];
    for (const p of ports) for (const q of ports) ix.set(0, '10.0.0.1', p, '10.0.0.2', q, `${p}/${q}`);
    expect(ix.size).toBe(ports.length ** 2);
    for (const p of ports)
      for (const q of ports) expect(ix.get(0, '10.0.0.1', p, '10.0.0.2', q)).toBe(`${p}/${q}`);
  });
});
