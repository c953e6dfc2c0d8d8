import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { LabRuntime, TraceEvent } from '@/engine';
import { numberConnections } from './connections';
import { buildHops } from './frameHops';
import { withSeed } from './fuzzSeed';
import { indexPacketEvents } from './hookPath';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { buildTraceModel, traceModelFor } from './traceModel';
import type { TraceModel } from './traceModel';
import { extendModelFold, modelOf, newModelFold } from './traceModelFold';

/** The model of a trace prefix as the from-scratch functions compute it. */
function rebuilt(prefix: readonly TraceEvent[]) {
  const hops = buildHops(prefix);
  const drops = prefix
    .filter((e) => e.kind === 'drop' || (e.kind === 'frame.rx' && e.accepted === false))
    .map((e) => e.seq);
  return { hops, colours: numberConnections(prefix, hops.hops), pktEvents: indexPacketEvents(prefix), drops };
}

function expectSame(m: TraceModel, r: ReturnType<typeof rebuilt>) {
  expect(m.hops.hops).toEqual(r.hops.hops);
  expect(m.hops.maxSpan).toBe(r.hops.maxSpan);
  expect([...m.hops.byFrame.keys()]).toEqual([...r.hops.byFrame.keys()]);
  expect([...m.hops.byPkt].map(([k, v]) => [k, v.map((h) => h.frame)])).toEqual(
    [...r.hops.byPkt].map(([k, v]) => [k, v.map((h) => h.frame)]),
  );
  expect(m.hops.hops.map((h) => m.colours.indexOf(h))).toEqual(r.hops.hops.map((h) => r.colours.indexOf(h)));
  expect(m.colours.count).toBe(r.colours.count);
  expect(m.pktEvents).toEqual(r.pktEvents);
  expect(m.drops).toEqual(r.drops);
}

let rt: LabRuntime;
beforeAll(async () => {
  // NAT (rewritten replies share their connection's colour), a refused port (a drop-free RST),
  // a down real server's ARP timeouts and a second request: a trace with every model ingredient.
  rt = labAfterRequest('nat', [
    ['client', 'curl -s --max-time 1 172.16.132.18:81'],
    ['rs1', 'ip link set eth0 down'],
    ['client', 'curl -s --max-time 1 172.16.132.18'],
  ]);
  rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
});

describe('the trace model extends from its last length (O(new events))', () => {
  test('folding a trace in random chunks gives what a rebuild of the same prefix gives', () => {
    const trace = rt.trace;
    expect(trace.length).toBeGreaterThan(200);
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.integer({ min: 0, max: trace.length }), { minLength: 1, maxLength: 6 }),
          (cuts) => {
            cuts.sort((a, b) => a - b);
            const fold = newModelFold(trace);
            for (const c of cuts) extendModelFold(fold, c);
            const end = cuts[cuts.length - 1]!;
            expectSame(modelOf(fold), rebuilt(trace.slice(0, end)));
          },
        ),
        { numRuns: 60, seed },
      ),
    );
  });

  test('traceModelFor goes on from the last length of a growing trace, and restarts for a new one', () => {
    const full = rt.trace.slice();
    const growing: TraceEvent[] = [];
    const owner = {};
    let last: TraceModel | undefined;
    for (const to of [0, 17, 300, 301, full.length]) {
      growing.push(...full.slice(growing.length, to));
      const m = traceModelFor(owner, growing);
      if (last && to === growing.length && last.trace === growing) expect(m.hops.hops).toBe(last.hops.hops);
      expect(traceModelFor(owner, growing)).toBe(m);
      expectSame(m, rebuilt(growing));
      last = m;
    }
    const replaced = full.slice(0, 50);
    const m = traceModelFor(owner, replaced);
    expect(m.hops.hops).not.toBe(last!.hops.hops);
    expectSame(m, rebuilt(replaced));
    expectSame(buildTraceModel(full), rebuilt(full));
  });
});
