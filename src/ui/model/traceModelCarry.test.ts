import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TraceEvent } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { withSeed } from './fuzzSeed';
import { traceModelFor } from './traceModel';
import type { TraceModel } from './traceModel';
import { carryModelFold } from './traceModelCarry';
import { extendModelFold, modelOf, newModelFold } from './traceModelFold';
import type { ModelFold } from './traceModelFold';

/** Everything a fold holds, as plain data in its own order (maps as entry lists). */
function plain(f: ModelFold): string {
  return JSON.stringify({
    length: f.length,
    hops: f.hops,
    byFrame: [...f.byFrame].map(([k, h]) => [k, h.seq]),
    byPkt: [...f.byPkt].map(([k, hs]) => [k, hs.map((h) => h.seq)]),
    maxSpan: f.maxSpan,
    alias: [...f.alias],
    aliasLog: f.aliasLog,
    numbers: [...f.numbers],
    colourOf: [...f.colourOf],
    pktEvents: [...f.pktEvents],
    drops: f.drops,
  });
}

function plainModel(m: TraceModel): string {
  return JSON.stringify({
    hops: m.hops.hops,
    maxSpan: m.hops.maxSpan,
    byFrame: [...m.hops.byFrame.keys()],
    colours: m.hops.hops.map((h) => m.colours.indexOf(h)),
    count: m.colours.count,
    pktEvents: [...m.pktEvents],
    drops: m.drops,
  });
}

/** A trace made by a fork: its first `kept` events are `base`'s (what the session mirror says). */
function forked(events: TraceEvent[], base: readonly TraceEvent[], kept: number): TraceEvent[] {
  return Object.assign(events.slice(), { source: { base, kept } });
}

const VIP = '172.16.132.18';
let a: TraceEvent[];
let b: TraceEvent[];
/** How many first events the two runs share (the commands before they part). */
let shared = 0;
beforeAll(() => {
  // Two runs of the NAT lab that part after the same first commands: one takes a real server's
  // link down (ARP timeouts, drops), the other switches to wrr; both go on sending requests, so
  // frames are in flight, NAT aliases are set and connections numbered on both sides of any cut.
  const first: [string, string][] = [['client', `curl -s --max-time 1 ${VIP}:81`]];
  const ra = labAfterRequest('nat', first);
  ra.exec({ host: 'rs1', command: 'ip link set eth0 down' });
  ra.exec({ host: 'client', command: `curl -s --max-time 1 ${VIP}` });
  const rb = labAfterRequest('nat', first);
  rb.exec({ host: 'director', command: `ipvsadm -E -t ${VIP}:80 -s wrr` });
  rb.exec({ host: 'client', command: `for i in 1 2; do curl -s ${VIP}; done` });
  a = ra.trace.slice();
  b = rb.trace.slice();
  while (shared < a.length && JSON.stringify(a[shared]) === JSON.stringify(b[shared])) shared++;
});

describe("a fork's trace model starts from the model of the trace it was made from", () => {
  test('cut back to the shared events and extended, it equals the fold of the new trace from scratch', () => {
    expect(shared).toBeGreaterThan(200);
    expect(b.length).toBeGreaterThan(shared + 300);
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.nat({ max: a.length }),
          fc.nat({ max: shared }),
          fc.nat({ max: b.length }),
          (folded, kept, more) => {
            const old = newModelFold(a);
            extendModelFold(old, folded);
            const before = plain(old);
            const carried = carryModelFold(old, b, kept);
            expect(carried.length).toBe(Math.min(kept, folded));
            const to = Math.max(carried.length, more);
            extendModelFold(carried, to);
            const fresh = newModelFold(b);
            extendModelFold(fresh, to);
            expect(plain(carried)).toBe(plain(fresh));
            // The old trace's fold is left as it was (its hops are not the new fold's objects).
            expect(plain(old)).toBe(before);
          },
        ),
        { numRuns: 300, seed },
      ),
    );
  });

  test("traceModelFor carries a view's model across a fork and shows nothing past the fork point", () => {
    withSeed((seed) =>
      fc.assert(
        fc.property(fc.nat({ max: shared }), fc.nat({ max: a.length }), (kept, folded) => {
          const owner = {};
          traceModelFor(owner, a.slice(0, folded));
          const base = a.slice(0, folded);
          traceModelFor(owner, base);
          const next = forked(b, base, Math.min(kept, folded));
          const m = traceModelFor(owner, next);
          expect(plainModel(m)).toBe(plainModel(modelOf(newFoldOf(b))));
          // A fork at the very point of the cut: the new trace is only the shared events so far.
          const cut = forked(b.slice(0, kept), a, kept);
          expect(plainModel(traceModelFor({}, cut))).toBe(plainModel(modelOf(newFoldOf(b.slice(0, kept)))));
        }),
        { numRuns: 60, seed },
      ),
    );
  });
});

function newFoldOf(events: readonly TraceEvent[]): ModelFold {
  const f = newModelFold(events);
  extendModelFold(f, events.length);
  return f;
}
