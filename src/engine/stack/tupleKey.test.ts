/**
 * Connection keys (tupleKey.ts) must be a one-to-one map of tuples: the same tuple always finds
 * what was stored under it, two different tuples never share a key, past the 512-address limit too.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { TupleKeys } from './tupleKey';

type Tuple = [tag: number, a: string, p: number, b: string, q: number];

const addr = (n: number): string => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const port = fc.oneof(fc.constantFrom(0, 1, 80, 0xffff), fc.integer({ min: 0, max: 0xffff }));
// Few addresses (ids stay small) or many (past the limit: the string fallback).
const tuple = (addrs: number): fc.Arbitrary<Tuple> =>
  fc.tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: addrs - 1 }).map(addr),
    port,
    fc.integer({ min: 0, max: addrs - 1 }).map(addr),
    port,
  );

describe('TupleKeys', () => {
  test('fuzz: stored tuples find their own key and no other tuple shares it', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.oneof(fc.array(tuple(6), { maxLength: 300 }), fc.array(tuple(2000), { maxLength: 1500 })),
          (tuples) => {
            const keys = new TupleKeys();
            const byKey = new Map<number | string, string>();
            for (const t of tuples) {
              const k = keys.store(...t);
              const text = t.join('|');
              expect(byKey.get(k) ?? text).toBe(text);
              byKey.set(k, text);
              expect(keys.find(...t)).toBe(k);
              if (typeof k === 'number') expect(Number.isSafeInteger(k)).toBe(true);
            }
            for (const t of tuples) expect(byKey.get(keys.find(...t)!)).toBe(t.join('|'));
          },
        ),
        { seed, numRuns: 40 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('a lookup with an address never stored finds nothing; past 512 addresses keys are strings', () => {
    const keys = new TupleKeys();
    expect(keys.find(0, '10.0.0.1', 80, '10.0.0.2', 1234)).toBeUndefined();
    expect(typeof keys.store(0, '10.0.0.1', 80, '10.0.0.2', 1234)).toBe('number');
    for (let i = 0; i < 600; i++) keys.store(1, addr(i + 10), 1, '10.0.0.1', 2);
    const late = keys.store(2, addr(700), 5, '10.0.0.1', 6);
    expect(typeof late).toBe('string');
    expect(keys.find(2, addr(700), 5, '10.0.0.1', 6)).toBe(late);
    expect(keys.find(0, '10.0.0.1', 80, '10.0.0.2', 1234)).toBe(
      keys.store(0, '10.0.0.1', 80, '10.0.0.2', 1234),
    );
  });

  test('the memo of recent address pairs answers as the table would (order, ports, unknown addresses)', () => {
    const keys = new TupleKeys();
    const ab = keys.store(0, '10.0.0.1', 1, '10.0.0.2', 2);
    const ba = keys.store(0, '10.0.0.2', 2, '10.0.0.1', 1);
    expect(ab).not.toBe(ba);
    // The same pairs again and again, in both orders, with other ports and tags: each its own key.
    for (let i = 0; i < 3; i++) {
      expect(keys.find(0, '10.0.0.1', 1, '10.0.0.2', 2)).toBe(ab);
      expect(keys.find(0, '10.0.0.2', 2, '10.0.0.1', 1)).toBe(ba);
      expect(keys.find(1, '10.0.0.1', 7, '10.0.0.2', 8)).toBe(keys.store(1, '10.0.0.1', 7, '10.0.0.2', 8));
    }
    // A pair with an address not yet stored finds nothing, and is not remembered as nothing.
    expect(keys.find(0, '10.0.0.1', 1, '10.0.0.3', 3)).toBeUndefined();
    const ac = keys.store(0, '10.0.0.1', 1, '10.0.0.3', 3);
    expect(keys.find(0, '10.0.0.1', 1, '10.0.0.3', 3)).toBe(ac);
    // Equal strings that are other objects (a packet's parsed copy) find the same keys.
    const a = ['10', '0', '0', '1'].join('.');
    expect(keys.find(0, a, 1, '10.0.0.2', 2)).toBe(ab);
    expect(keys.find(0, '10.0.0.2', 2, a, 1)).toBe(ba);
  });
});
