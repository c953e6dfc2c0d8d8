import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { LabRuntime } from '@/engine';
import { withSeed } from './fuzzSeed';
import { ipvsStateAtCursor } from './ipvsAtCursor';
import { ipvsStateAt } from './ipvsState';
import { predictNextPicks } from './schedulerShadow';
import { labAfterRequest } from '@/engine/testing/configuredLabs';

let rt: LabRuntime;
beforeAll(async () => {
  // Services edited, a real server added and weighted, requests before and after: every kind
  // of IPVS event the fold reads, spread over the trace.
  rt = labAfterRequest('nat', [
    ['client', 'curl -s 172.16.132.18'],
    ['director', 'ipvsadm -E -t 172.16.132.18:80 -s wlc'],
    ['director', 'ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.130:888 -m -w 3'],
    ['client', 'curl -s 172.16.132.18'],
    ['director', 'ipvsadm -E -t 172.16.132.18:80 -s rr'],
  ]);
  for (let i = 0; i < 3; i++) rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
});

describe('views on the cursor fold IPVS state incrementally, not from 0 on every move', () => {
  test('ipvsStateAtCursor, through any walk of cursor moves, equals the replay from 0', () => {
    const trace = rt.trace;
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: trace.length }), { minLength: 1, maxLength: 8 }),
          fc.integer({ min: 16, max: 400 }),
          (walk, every) => {
            // A fresh trace object per run, so each walk starts with an empty cache.
            const tr = trace.slice();
            for (const c of walk) expect(ipvsStateAtCursor(tr, c, every)).toEqual(ipvsStateAt(tr, c));
          },
        ),
        { numRuns: 150, seed },
      ),
    );
  });

  test('the answers are copies: the caller may not see them change as the cursor moves', () => {
    const tr = rt.trace.slice();
    const early = ipvsStateAtCursor(tr, Math.floor(tr.length / 2), 64);
    const counters = () => JSON.stringify(early.map((s) => [s.scheduler, s.dests, s.lastPick?.seq]));
    const before = counters();
    expect(ipvsStateAtCursor(tr, tr.length, 64)).toEqual(ipvsStateAt(tr, tr.length));
    expect(counters()).toBe(before);
    expect(counters()).not.toBe(
      JSON.stringify(ipvsStateAt(tr, tr.length).map((s) => [s.scheduler, s.dests, s.lastPick?.seq])),
    );
  });

  test('the scheduler panel predicts the same next pick whether the cursor walked or jumped', () => {
    const trace = rt.trace;
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: trace.length }), { minLength: 1, maxLength: 6 }),
          (walk) => {
            const tr = trace.slice();
            for (const c of walk) {
              const walked = predictNextPicks(tr, c, '172.16.132.78:0', 1);
              const fresh = predictNextPicks(trace.slice(), c, '172.16.132.78:0', 1);
              expect(walked.map((p) => [p.service, p.next?.winner])).toEqual(
                fresh.map((p) => [p.service, p.next?.winner]),
              );
            }
          },
        ),
        { numRuns: 60, seed },
      ),
    );
  });
});
