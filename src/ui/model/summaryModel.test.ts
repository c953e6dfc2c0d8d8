import { beforeAll, describe, expect, test } from 'vitest';
import { LabRuntime } from '@/engine';
import { ipvsStateAt } from './ipvsState';
import { summarisedPicks, summaryOf, withSummarisedPicks } from './summaryModel';

const LOOP = 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done';
/** Two minutes of the seed's loop: some 240 requests, over two chunks of trace. */
const RUN_US = 120_000_000;

let bounded: LabRuntime;
let full: LabRuntime;
beforeAll(() => {
  // The same lab and commands twice: one keeps every event, one a small bound.
  full = LabRuntime.create('nat', { seed: 3 });
  bounded = LabRuntime.create('nat', { seed: 3 });
  bounded.boundTrace(8_000);
  for (const rt of [full, bounded]) {
    rt.exec({ host: 'director', command: 'ipvsadm -E -t 172.16.132.18:80 -s wrr' });
    rt.exec({ host: 'client', command: LOOP, maxTimeUs: RUN_US });
  }
}, 60_000); // a hang check: ~2 s alone, much more when the suite shares 2 cores

describe('a long session’s summary, as the event list and the scheduler chart show it', () => {
  test('the summary counts exactly the events before the first kept one, kind by kind', () => {
    const s = summaryOf(bounded.trace)!;
    expect(s).toBeDefined();
    expect(s.firstKept).toBeGreaterThan(0);
    expect(s.events).toBe(s.firstKept);
    const want = new Map<string, number>();
    for (const e of full.trace.slice(0, s.firstKept)) want.set(e.kind, (want.get(e.kind) ?? 0) + 1);
    expect(new Map(s.kinds.map((k) => [k.kind, k.count]))).toEqual(want);
    // Most frequent first.
    for (let i = 1; i < s.kinds.length; i++)
      expect(s.kinds[i - 1]!.count).toBeGreaterThanOrEqual(s.kinds[i]!.count);
    expect(s.fromUs).toBe(full.trace.at(0)!.t);
    expect(s.toUs).toBe(full.trace.at(s.firstKept - 1)!.t);
    expect(s.decisions).toBe(want.get('ipvs.schedule') ?? 0);
    expect(s.decisions).toBeGreaterThan(0);
  });

  test('the chart’s picks per real server, kept plus summarised, equal those of the full trace', () => {
    const end = bounded.trace.length;
    expect(end).toBe(full.trace.length);
    const [kept] = ipvsStateAt(bounded.trace, end);
    const [all] = ipvsStateAt(full.trace, end);
    const shown = withSummarisedPicks(kept!.dests, summarisedPicks(bounded.trace, kept!.service));
    expect(shown.map((d) => [d.key, d.picks])).toEqual(all!.dests.map((d) => [d.key, d.picks]));
    // Without the summary the kept trace alone undercounts: the test can fail.
    expect(kept!.dests.reduce((n, d) => n + d.picks, 0)).toBeLessThan(
      all!.dests.reduce((n, d) => n + d.picks, 0),
    );
  });

  test('a trace that keeps everything has no summary and adds no picks', () => {
    expect(summaryOf(full.trace)).toBeUndefined();
    expect(summarisedPicks(full.trace, '172.16.132.18:80').size).toBe(0);
    expect(summaryOf([])).toBeUndefined();
  });
});
