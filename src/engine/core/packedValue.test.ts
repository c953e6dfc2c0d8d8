/**
 * Packed values: the trace writes a few int slots instead of keeping the object, and reading the
 * event rebuilds the value from its parts, in order, whatever was emitted around it, and after
 * truncation as before it. The recorder itself may change after the emit (it is reused).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { packedCodec, PackedValue } from './packedValue';
import type { PackWriter } from './packedValue';
import { TraceStore } from './traceStore';

type Part =
  { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: object } | { t: 'any'; v: unknown };

const REF = { big: 'kept by reference' };
const CODEC = packedCodec((parts, from) => ({ rebuilt: parts.slice(from) }));

/** A reusable recorder: whatever parts it holds now are what the trace keeps. */
class Recorder extends PackedValue {
  readonly codec = CODEC;
  parts: Part[] = [];
  packedSize(): number {
    return this.parts.length;
  }
  pack(w: PackWriter): void {
    for (const p of this.parts) {
      if (p.t === 'num') w.num(p.v);
      else if (p.t === 'str') w.str(p.v);
      else if (p.t === 'ref') w.ref(p.v);
      else w.any(p.v);
    }
  }
}

const part: fc.Arbitrary<Part> = fc.oneof(
  fc.record({
    t: fc.constant('num' as const),
    v: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 1 << 27, -(1 << 27), 2 ** 40)),
  }),
  fc.record({
    t: fc.constant('str' as const),
    v: fc.oneof(fc.string(), fc.constantFrom('pkt#3', 'rr.next')),
  }),
  fc.record({ t: fc.constant('ref' as const), v: fc.constant(REF) }),
  fc.record({ t: fc.constant('any' as const), v: fc.constantFrom(null, true, false, 'x', 7, 0.25) }),
);

const values = (ps: readonly Part[]) => ps.map((p) => p.v);

describe('packed trace values', () => {
  test('read back as their codec rebuilds them, among other events, before and after truncation', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.array(part, { maxLength: 12 }), fc.boolean()), {
            minLength: 1,
            maxLength: 40,
          }),
          fc.nat(),
          (records, cut) => {
            const store = new TraceStore<{ kind: string }>();
            const rec = new Recorder();
            const want: unknown[] = [];
            records.forEach(([ps, plainToo], i) => {
              rec.parts = ps;
              store.push(i, { kind: 'ipvs.schedule', n: i, explanation: rec } as { kind: string });
              want.push(values(ps));
              if (plainToo) {
                store.push(i, { kind: 'frame', hdr: { a: [1, 'b'] } } as { kind: string });
                want.push(undefined);
              }
            });
            // The recorder is refilled after the emit: the trace kept its own copy.
            rec.parts = [{ t: 'num', v: -1 }];
            const check = () =>
              want.forEach((w, i) => {
                if (i >= store.length) return;
                const ev = store.at(i) as unknown as { explanation?: { rebuilt: unknown[] } };
                if (w === undefined) expect(ev.explanation).toBeUndefined();
                else expect(ev.explanation!.rebuilt).toEqual(w);
              });
            check();
            store.truncate(cut % (store.length + 1));
            check();
          },
        ),
        { numRuns: 300, seed },
      );
    } catch (e) {
      console.error(`packedValue: FUZZ_SEED=${seed}`);
      throw e;
    }
  });

  test('a packed value that writes more or fewer parts than it announced is refused', () => {
    const store = new TraceStore<{ kind: string }>();
    const liar = new (class extends Recorder {
      override packedSize(): number {
        return 3;
      }
    })();
    liar.parts = [{ t: 'num', v: 1 }];
    expect(() => store.push(0, { kind: 'x', v: liar } as { kind: string })).toThrow(/wrong number of parts/);
  });
});
