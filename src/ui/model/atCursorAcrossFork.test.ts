import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TraceEvent } from '@/engine';
import { engine } from '@/store/engine';
import { withSeed } from './fuzzSeed';
import { hostStatesAtCursor } from './hostStatesAtCursor';
import { ipvsStateAtCursor } from './ipvsAtCursor';
import { ipvsStateAt } from './ipvsState';
import { vrrpMastersAt } from './vrrpMaster';

const VIP = '192.168.99.188';
// The runs' traces as the page holds them: plain data (an explanation is its JSON, not the
// engine's object), read afresh for each use, so what one property run's folds do to the
// objects they were given cannot reach the next.
let aJson = '';
let bJson = '';
const a = { slice: (): TraceEvent[] => JSON.parse(aJson) as TraceEvent[], length: 0 };
const b = { slice: (): TraceEvent[] => JSON.parse(bJson) as TraceEvent[], length: 0 };
/** How many first events the two runs share. */
let shared = 0;
beforeAll(() => {
  // The HA lab (addresses, routes, neighbours, IPVS from keepalived, VRRP states) after the same
  // first request; then one run fails director1 over, the other edits the service and sends more.
  const start = () => {
    const rt = engine().LabRuntime.create('ha', { seed: 1 });
    rt.exec({ host: 'client', command: `curl -s ${VIP}` });
    return rt;
  };
  const ra = start();
  ra.exec({ host: 'director1', command: 'systemctl stop keepalived' });
  ra.exec({ host: 'client', command: 'sleep 3' });
  const rb = start();
  rb.exec({ host: 'director1', command: `ipvsadm -E -t ${VIP}:80 -s wlc` });
  rb.exec({ host: 'client', command: `curl -s ${VIP}` });
  aJson = JSON.stringify(ra.trace.slice());
  bJson = JSON.stringify(rb.trace.slice());
  a.length = ra.trace.length;
  b.length = rb.trace.length;
  const [x, y] = [a.slice(), b.slice()];
  while (shared < x.length && JSON.stringify(x[shared]) === JSON.stringify(y[shared])) shared++;
});

/** A trace made by a fork: its first `kept` events are `base`'s (what the session mirror says). */
function forked(base: readonly TraceEvent[], kept: number): TraceEvent[] {
  return Object.assign(b.slice(), { source: { base, kept } });
}

describe('views on the cursor carry their state across a fork, and show nothing past the cursor', () => {
  test('host state, IPVS state and the MASTER mark on a fork equal their fold from 0 on the new trace', () => {
    expect(shared).toBeGreaterThan(100);
    expect(b.length).toBeGreaterThan(shared + 100);
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.array(fc.nat({ max: a.length }), { minLength: 0, maxLength: 4 }),
          fc.nat({ max: shared }),
          fc.array(fc.nat({ max: b.length }), { minLength: 0, maxLength: 3 }),
          fc.integer({ min: 16, max: 400 }),
          fc.boolean(),
          (before, kept, after, every, atFork) => {
            // The old trace, walked by the views (at the fork the cursor is usually at `kept`).
            const old = a.slice();
            for (const c of atFork ? [...before, kept] : before) {
              hostStatesAtCursor(old, c);
              ipvsStateAtCursor(old, c, every);
              vrrpMastersAt(old, c);
            }
            const next = forked(old, kept);
            // Then the cursor shows the new command (at the end) and moves about the new trace.
            for (const c of [b.length, ...after]) {
              expect(hostStatesAtCursor(next, c)).toEqual(engine().hostStatesAt(b.slice(), c));
              expect(ipvsStateAtCursor(next, c, every)).toEqual(ipvsStateAt(b.slice(), c));
              expect(vrrpMastersAt(next, c)).toEqual(vrrpMastersAt(b.slice(), c));
            }
          },
        ),
        { numRuns: 120, seed },
      ),
    );
  });
});
