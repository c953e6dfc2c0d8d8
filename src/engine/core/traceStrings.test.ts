/**
 * The string pool of a trace store: every string comes back exactly from its code, the same string
 * (the same object or an equal one) always gets the same code, and `prefix#n` ids become ID slots.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { ID, STR, TraceStrings } from './traceStrings';

function decode(pool: TraceStrings, x: number): string {
  return (x & 7) === STR ? pool.stringOf(x >> 3) : pool.idOfPayload(x >> 3);
}

/** Strings like the trace's: addresses with ports, ids, leading zeros, '#' in odd places. */
const str = fc.oneof(
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(65535)).map(([a, b, p]) => `10.${a}.${b}.1:${p}`),
  fc.tuple(fc.constantFrom('pkt', 'frame', 'conn', 'x'), fc.nat(10_000_000)).map(([p, n]) => `${p}#${n}`),
  fc.constantFrom('pkt#007', '#1', 'a#', 'a#b', '', 'é', 'director', 'pkt#8388608'),
  fc.string({ maxLength: 12 }),
);

describe('TraceStrings', () => {
  test('thousands of fuzzed strings decode from their codes, and a string keeps one code', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(fc.array(str, { minLength: 1, maxLength: 400 }), (list) => {
          const pool = new TraceStrings();
          const codes = new Map<string, number>();
          list.forEach((s, i) => {
            // Fresh string objects (not the same reference) must find the same code too, and
            // asking for an id first (the field held one last) changes no code.
            const fresh = i % 2 ? s : [...s].join('');
            const x = pool.code(fresh, i % 3 === 0);
            expect(decode(pool, x)).toBe(s);
            if (codes.has(s)) expect(x).toBe(codes.get(s));
            codes.set(s, x);
          });
          for (const [s, x] of codes) {
            expect(pool.code(s)).toBe(x);
            expect(pool.code(s, true)).toBe(x);
          }
        }),
        { seed, numRuns: 300 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('ids parsed last are remembered only as what they are', () => {
    const pool = new TraceStrings();
    // Unknown prefix: not an id yet, so not remembered as one…
    expect(pool.knownId('conn#3')).toBe(-1);
    expect(pool.knownId('conn#3')).toBe(-1);
    // …until a code adds the prefix.
    const conn = pool.code('conn#3');
    expect(conn & 7).toBe(ID);
    expect(pool.knownId('conn#3')).toBe(conn);
    // Three ids in turn (more than are remembered): each keeps its own slot.
    const ids = ['pkt#1', 'frm#2', 'pkt#2', 'conn#3', 'pkt#1'];
    const slots = ids.map((s) => pool.code(s, true));
    expect(slots.map((x) => decode(pool, x))).toEqual(ids);
    expect(slots[4]).toBe(slots[0]);
    expect(new Set(slots.slice(0, 4)).size).toBe(4);
  });

  test('ids are stored as numbers, other strings once each', () => {
    const pool = new TraceStrings();
    expect(pool.code('pkt#12') & 7).toBe(ID);
    expect(pool.code('pkt#012') & 7).toBe(STR);
    for (let i = 0; i < 3000; i++) pool.code(`172.16.${i & 255}.1:${1024 + (i & 511)}`);
    // 512 distinct ip:port strings (i & 255 and i & 511 repeat together) and 'pkt#012'.
    expect(pool.length).toBe(513);
  });
});
