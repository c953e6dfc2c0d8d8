import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildHops } from './frameHops';
import { countInFlight, framesInFlight } from './inFlight';
import { withSeed } from './fuzzSeed';
import { labAfterRequest } from '@/engine/testing/configuredLabs';

describe('framesInFlight: frame positions are a pure function of (time, cursor)', () => {
  test('at a frame.tx the frame sits at its sender; at its frame.rx it has arrived', async () => {
    const rt = labAfterRequest('nat');
    const hops = buildHops(rt.trace);
    const hop = hops.hops.find((h) => h.pkt !== null)!;
    const atTx = framesInFlight(hops, hop.t0, hop.seq + 1).find((f) => f.hop === hop)!;
    expect(atTx.progress).toBe(0);
    const mid = framesInFlight(hops, (hop.t0 + hop.t1) / 2, hop.seq + 1).find((f) => f.hop === hop)!;
    expect(mid.progress).toBeCloseTo(0.5);
    const rx = hop.rx[0]!;
    expect(framesInFlight(hops, rx.t, rx.seq).find((f) => f.hop === hop)?.progress).toBe(1);
    expect(framesInFlight(hops, rx.t, rx.seq + 1).find((f) => f.hop === hop)).toBeUndefined();
  });

  test('an ARP broadcast floods: one copy per port of the segment', async () => {
    const rt = labAfterRequest('dr');
    const hops = buildHops(rt.trace);
    const flood = hops.hops.find((h) => h.eth.dst === 'ff:ff:ff:ff:ff:ff' && h.segment === 'lan')!;
    expect(flood.rx.length).toBe(3);
    const f = framesInFlight(hops, flood.t0 + 75, flood.seq + 1).find((x) => x.hop === flood)!;
    expect(f.legs).toHaveLength(3);
  });

  test('the same inputs always give the same answer', async () => {
    const rt = labAfterRequest('tun');
    const hops = buildHops(rt.trace);
    for (let t = 0; t < 3000; t += 37) {
      const c = rt.trace.slice().findIndex((e) => e.t > t);
      const a = framesInFlight(hops, t, c < 0 ? rt.trace.length : c);
      const b = framesInFlight(hops, t, c < 0 ? rt.trace.length : c);
      expect(a.map((x) => [x.hop.frame, x.progress])).toEqual(b.map((x) => [x.hop.frame, x.progress]));
    }
  });

  test('countInFlight counts what framesInFlight lists, at any (time, cursor)', () => {
    const rt = labAfterRequest('dr');
    const hops = buildHops(rt.trace);
    const end = rt.trace.at(rt.trace.length - 1)!.t;
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: end + 200 }),
          fc.integer({ min: 0, max: rt.trace.length }),
          (t, cursor) => {
            expect(countInFlight(hops, t, cursor)).toBe(framesInFlight(hops, t, cursor).length);
          },
        ),
        { seed, numRuns: 3000 },
      ),
    );
    // Most random instants are quiet: the property must also have met frames on the wire.
    for (const h of hops.hops.slice(0, 200)) {
      const t = (h.t0 + h.t1) / 2;
      expect(countInFlight(hops, t, h.seq + 1)).toBe(framesInFlight(hops, t, h.seq + 1).length);
      expect(countInFlight(hops, t, h.seq + 1)).toBeGreaterThan(0);
    }
  });
});
