/**
 * An hour-long class: the seed's loop (`while true;do curl 172.16.132.18 ; sleep 0.5 ; done`) for
 * 7,200 requests through the pure engine with a bounded trace. The detail kept stays under the
 * bound (events and column bytes, counted, not timed), and what was let go adds up: the summary's
 * counts plus the detail kept equal every event emitted, kind by kind and real server by real
 * server; configuration events stay readable, everything else before the bound reads undefined.
 */
import { describe, expect, test } from 'vitest';
import { getLab, LabRuntime, type TraceEvent } from '@/engine';
import { CHUNK, STICKY_KINDS } from '../core/traceChunks';

const REQUESTS = 7_200;
const KEEP = 40_000;

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

describe('a bounded trace over the seed loop for an hour', () => {
  test('7,200 requests: detail stays under the bound and the summary adds up', () => {
    const rt = LabRuntime.create('nat');
    const vip = getLab('nat')!.vip;
    rt.boundTrace(KEEP);
    const kinds = new Map<string, number>();
    const decisions = new Map<string, number>();
    const sticky = new Map<number, string>();
    let curls = 0;
    let maxDetail = 0;
    const count = (e: TraceEvent): void => {
      bump(kinds, e.kind);
      if (e.kind === 'ipvs.schedule') bump(decisions, `${e.service} ${e.dest}`);
      if (e.kind === 'cmd.start' || e.kind === 'sysctl.set') sticky.set(e.seq, JSON.stringify(e));
      if (e.kind === 'app' && e.app === 'curl' && e.event === 'exit' && e.status === 200) curls++;
      maxDetail = Math.max(maxDetail, rt.trace.length - (rt.trace.first ?? 0));
    };
    // The lab's own setup commands came first: count them, then every event as it is emitted.
    for (const e of rt.trace) count(e);
    rt.sim.trace.subscribe(count);
    const run = rt.begin({ host: 'client', command: `while true;do curl ${vip} ; sleep 0.5 ; done` });
    while (curls < REQUESTS) run.advanceTo(rt.sim.now + 60_000_000);
    run.interrupt();

    const trace = rt.trace;
    const first = trace.first ?? 0;
    const summary = trace.summarised?.();
    expect(summary).toBeDefined();
    expect(summary!.events).toBe(first);
    // Bounded: chunks are let go whole, so at most the bound plus two chunks, whatever the length.
    expect(maxDetail).toBeLessThanOrEqual(KEEP + 2 * CHUNK);
    expect(trace.length - first).toBeLessThanOrEqual(KEEP + 2 * CHUNK);
    expect(rt.sim.trace.columnBytes()).toBeLessThan((KEEP + 2 * CHUNK) * 120);
    expect(first).toBeGreaterThan(trace.length / 2);

    const kept = new Map<string, number>();
    const keptDecisions = new Map<string, number>();
    for (let i = first; i < trace.length; i++) {
      const e = trace.at(i)!;
      bump(kept, e.kind);
      if (e.kind === 'ipvs.schedule') bump(keptDecisions, `${e.service} ${e.dest}`);
    }
    for (const [k, n] of kinds) expect((summary!.byKind[k] ?? 0) + (kept.get(k) ?? 0), k).toBe(n);
    expect(Object.keys(summary!.byKind).every((k) => kinds.has(k))).toBe(true);
    const tallied = new Map<string, number>();
    for (const d of summary!.decisions) tallied.set(`${d.service} ${d.dest}`, d.count);
    for (const [k, n] of decisions) expect((tallied.get(k) ?? 0) + (keptDecisions.get(k) ?? 0), k).toBe(n);
    // Both real servers were chosen, in turn (rr), most of them in the summarised hour.
    expect(summary!.decisions.length).toBe(2);
    expect(summary!.decisions.reduce((a, d) => a + d.count, 0)).toBeGreaterThan(REQUESTS / 2);

    // Before the bound: configuration events as they were, nothing else.
    for (let i = 0; i < first; i += 97) {
      const e = trace.at(i);
      if (sticky.has(i)) expect(JSON.stringify(e)).toBe(sticky.get(i));
      else if (e) expect(STICKY_KINDS.has(e.kind), e.kind).toBe(true);
    }
    for (const [seq, json] of sticky) if (seq < first) expect(JSON.stringify(trace.at(seq))).toBe(json);
  }, 120_000);
});
