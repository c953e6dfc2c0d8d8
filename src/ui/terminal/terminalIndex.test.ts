import { beforeAll, expect, test } from 'vitest';
import type { TraceLog } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { loadEngine } from '@/store/engine';
import { SplicedLog } from '@/store/session/splicedLog';
import { END, OUT, START, firstAtOrAfter, terminalEvents } from './terminalIndex';

beforeAll(async () => {
  await loadEngine();
});

const KINDS: Record<string, number> = { 'cmd.start': START, 'cmd.out': OUT, 'cmd.end': END };

/** The positions and kinds a plain walk over the whole trace finds. */
function walk(trace: TraceLog, host: string, to = trace.length) {
  const positions: number[] = [];
  const kinds: number[] = [];
  for (let i = 0; i < to; i++) {
    const e = trace.at(i)!;
    if (e.kind in KINDS && e.host === host) {
      positions.push(i);
      kinds.push(KINDS[e.kind]!);
    }
  }
  return { positions, kinds };
}

test('a host’s terminal events, indexed a piece at a time, are what a walk over the trace finds', () => {
  const rt = labAfterRequest('nat', [
    ['client', 'seq 1 50'],
    ['director', 'ipvsadm -Ln'],
    ['client', 'echo one; echo two >&2'],
  ]);
  const n = rt.trace.length;
  for (const host of rt.hostNames()) {
    // A fresh copy of the same events for each host, read in uneven steps.
    const copy = new SplicedLog(rt.trace, n, new (rt.trace.constructor as new () => never)());
    for (let to = 0; to <= n; to += 1 + (to % 37))
      expect(terminalEvents(copy, host, to)).toEqual(walk(copy, host, to));
    expect(terminalEvents(copy, host)).toEqual(walk(copy, host));
  }
  expect(terminalEvents(rt.trace, 'client').positions.length).toBeGreaterThan(6);
});

test('a fork’s trace takes the positions its shared prefix had, and finds its own after them', () => {
  const a = labAfterRequest('nat', [['client', 'seq 1 20']]);
  const b = labAfterRequest('nat', [
    ['client', 'seq 1 20'],
    ['client', 'echo forked'],
  ]);
  // Same lab, seed and first typed command: their events are the same in both traces.
  const shared = a.results.find((r) => r.command === 'seq 1 20')!.traceTo;
  expect(b.trace.at(shared - 1)).toEqual(a.trace.at(shared - 1));
  expect(terminalEvents(a.trace, 'client').positions.length).toBeGreaterThan(0);
  const tail = new (b.trace.constructor as new () => { append(e: unknown): void } & TraceLog)();
  for (let i = shared; i < b.trace.length; i++) tail.append(b.trace.at(i));
  const fork = new SplicedLog(a.trace, shared, tail as never);
  expect(fork.origin.base).toBe(a.trace);
  expect(terminalEvents(fork, 'client')).toEqual(walk(fork, 'client'));
  expect(walk(fork, 'client').positions.some((p) => p >= shared)).toBe(true);
});

test('firstAtOrAfter finds the first position at or after a point', () => {
  const xs = [2, 5, 5, 9];
  expect([0, 2, 3, 5, 6, 9, 10].map((p) => firstAtOrAfter(xs, p))).toEqual([0, 0, 1, 1, 3, 3, 4]);
});
