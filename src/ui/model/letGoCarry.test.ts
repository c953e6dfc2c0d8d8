import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { scanFindings, TraceBuffer } from '@/engine';
import type { TraceEvent, TraceLog } from '@/engine';
import { configuredNat } from '@/engine/testing/configuredLabs';
import { engine, loadEngine } from '@/store/engine';
import { KeptLog } from '@/store/session/keptLog';
import { filterRows } from '../events/useFilteredEvents';
import { allFindings } from './findingsAtCursor';
import { hostStatesAtCursor } from './hostStatesAtCursor';
import { withSeed } from './fuzzSeed';
import { buildTraceModel, traceModelFor } from './traceModel';
import type { TraceModel } from './traceModel';

/** 16,384: the trace lets go of whole chunks. */
const CHUNK = 1 << 14;

let events: TraceEvent[];
/** The findings of the whole run, scanned with every event in detail. */
let whole: ReturnType<typeof scanFindings>['findings'];

beforeAll(async () => {
  await loadEngine();
  const lab = configuredNat();
  const ab = (n: number) => lab.exec('client', `ab -n ${n} -c 10 http://${lab.rt.def.vip}/`);
  // Findings along the way: the director's firewall drops the service's traffic for a while, twice.
  for (const n of [120, 100]) {
    ab(n);
    lab.exec('director', 'iptables -I INPUT -p tcp --dport 80 -j DROP');
    lab.exec('client', `curl -s -m 1 ${lab.rt.def.vip}`, 30);
    lab.exec('director', 'iptables -F INPUT');
  }
  ab(100);
  events = lab.rt.trace.slice();
  whole = scanFindings(events).findings;
}, 60_000);

/** The model as plain data: hops, their colours, what is indexed by frame and packet. */
function plainModel(m: TraceModel): unknown {
  const sorted = <V>(map: Map<string, V>, f: (v: V) => unknown) =>
    [...map].map(([k, v]) => [k, f(v)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return {
    hops: m.hops.hops,
    maxSpan: m.hops.maxSpan,
    byFrame: sorted(m.hops.byFrame, (h) => h.seq),
    byPkt: sorted(m.hops.byPkt, (hs) => hs.map((h) => h.seq)),
    colours: m.hops.hops.map((h) => m.colours.indexOf(h)),
    count: m.colours.count,
    pktEvents: sorted(m.pktEvents, (xs) => xs),
    drops: m.drops,
  };
}

/** A buffer holding the first `n` events of the run. */
function bufferOf(n: number): TraceBuffer {
  const b = new TraceBuffer();
  for (let i = 0; i < n; i++) b.append(events[i]!);
  return b;
}

/** The mirror's step: let go of whole chunks before `to`, then a new trace object (sessionView.letGo). */
function letGo(buffer: TraceBuffer, before: TraceLog | undefined, to: number): KeptLog {
  buffer.bound(0, to);
  buffer.bound(Infinity);
  return new KeptLog(buffer, before);
}

const HOSTS = [null, 'client', 'director', 'rs1'];
const CATS: readonly (readonly string[])[] = [[], ['tcp'], ['arp'], ['tcp', 'arp', 'ipvs'], ['commands']];

describe('the views move over when the page lets go of old detail, equal to a fresh build', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('trace model, event rows and findings after a let-go equal those built from the kept events', () => {
    vi.useFakeTimers();
    expect(events.length).toBeGreaterThan(3 * CHUNK);
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1 }),
          fc.integer({ min: 1, max: 2 }),
          // Past the chunks let go by at least one event (at exactly their end nothing is let go).
          fc.integer({ min: 1, max: CHUNK * 2 }),
          fc.integer({ min: 0, max: 4 * CHUNK }),
          fc.constantFrom(...HOSTS),
          fc.constantFrom(...CATS),
          (c0, steps, past, grow, host, cats) => {
            // The views have read the trace up to `seen` (past the chunks the step lets go).
            const seen = Math.min(events.length, (c0 + steps) * CHUNK + past);
            const buffer = bufferOf(seen);
            const t0: TraceLog = c0 ? letGo(buffer, undefined, c0 * CHUNK) : buffer;
            const owner = {};
            const m0 = traceModelFor(owner, t0);
            const rows0 = filterRows(undefined, m0, host, cats, new Set());
            allFindings(t0);
            vi.runAllTimers(); // the scan catches up a slice per task
            hostStatesAtCursor(t0, seen);
            // The trace grows, then the page lets go of `steps` more chunks.
            for (let i = seen; i < Math.min(events.length, seen + grow); i++) buffer.append(events[i]!);
            const t1 = letGo(buffer, t0, (c0 + steps) * CHUNK);
            expect(t1.first).toBe((c0 + steps) * CHUNK);
            const m1 = traceModelFor(owner, t1);
            const rows1 = filterRows(rows0, m1, host, cats, new Set());
            // A trace of the same events that replaced nothing: every view built from its first kept event.
            const fresh = new KeptLog(buffer);
            const mf = buildTraceModel(fresh);
            expect(plainModel(m1)).toEqual(plainModel(mf));
            expect(rows1.out).toEqual(filterRows(undefined, mf, host, cats, new Set()).out);
            // The findings go on from what the scan knew (a finding said once is not said again
            // because its first time was let go): those of the whole run from the first kept event.
            // A scan of more than a slice goes on in later tasks: let them run.
            allFindings(t1);
            vi.runAllTimers();
            const found = allFindings(t1);
            if (!c0) expect(found).toEqual(whole.filter((f) => f.at >= t1.first && f.at < t1.length));
            else expect(found.every((f) => f.at >= t1.first)).toBe(true);
            // Host state at the end moves over too: the fold of every event, not only the kept ones
            // (a neighbour entry learned in the span let go is still there).
            const states = hostStatesAtCursor(t1, t1.length);
            if (!c0) expect(states).toEqual(engine().hostStatesAt(events, t1.length));
            // Moved, not built again: the kept hops are the very objects the first model made.
            const kept = m1.hops.hops.find((h) => h.seq < seen);
            if (kept) expect(m0.hops.byFrame.get(kept.frame)).toBe(kept);
          },
        ),
        { seed, numRuns: 6 },
      ),
    );
  }, 120_000);
});
