import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TraceEvent } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { EVENT_CATEGORIES, eventCategory } from '../model/eventCategory';
import { withSeed } from '../model/fuzzSeed';
import { buildTraceModel } from '../model/traceModel';
import { filterRows } from './useFilteredEvents';

const VIP = '172.16.132.18';
let a: TraceEvent[];
let b: TraceEvent[];
let shared = 0;
beforeAll(() => {
  const first: [string, string][] = [['client', `curl -s --max-time 1 ${VIP}:81`]];
  const ra = labAfterRequest('nat', first);
  ra.exec({ host: 'rs1', command: 'ip link set eth0 down' });
  ra.exec({ host: 'client', command: `curl -s --max-time 1 ${VIP}` });
  const rb = labAfterRequest('nat', first);
  rb.exec({ host: 'director', command: `ipvsadm -E -t ${VIP}:80 -s wrr` });
  rb.exec({ host: 'client', command: `curl -s ${VIP}` });
  a = ra.trace.slice();
  b = rb.trace.slice();
  while (shared < a.length && JSON.stringify(a[shared]) === JSON.stringify(b[shared])) shared++;
});

describe("the event list's rows across a fork", () => {
  test("a fork's rows, from the rows of the trace it was made from, equal the rows filtered from scratch", () => {
    expect(shared).toBeGreaterThan(200);
    const hosts = ['', 'client', 'director', 'rs1'];
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.constantFrom(...hosts),
          fc.subarray([...EVENT_CATEGORIES, 'findings']),
          fc.nat({ max: a.length }),
          fc.nat({ max: shared }),
          (host, cats, seen, kept) => {
            const findingAt = new Set([3, kept, kept + 40]);
            const old = a.slice(0, seen);
            const before = filterRows(undefined, buildTraceModel(old), host, cats, findingAt);
            const rowsBefore = [...before.out];
            const next = Object.assign(b.slice(), { source: { base: old, kept: Math.min(kept, seen) } });
            const model = buildTraceModel(next);
            const carried = filterRows(before, model, host, cats, findingAt);
            expect(carried.out).toEqual(filterRows(undefined, model, host, cats, findingAt).out);
            // The old trace's rows are left as they were.
            expect(before.out).toEqual(rowsBefore);
          },
        ),
        { numRuns: 150, seed },
      ),
    );
  });
});

describe('the event list rows', () => {
  test('are the events that pass the host and category filters, unfiltered every event', () => {
    const model = buildTraceModel(a);
    const naive = (host: string, cats: string[]) =>
      a
        .filter(
          (e) => (!host || e.host === host) && (!cats.length || cats.includes(eventCategory(e, model.hops))),
        )
        .map((e) => e.seq);
    expect(filterRows(undefined, model, '', [], new Set()).out).toEqual(a.map((_, i) => i));
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.constantFrom('', 'client', 'director', 'rs1'),
          fc.subarray([...EVENT_CATEGORIES]),
          (host, cats) => {
            expect(filterRows(undefined, model, host, cats, new Set()).out).toEqual(naive(host, cats));
          },
        ),
        { numRuns: 40, seed },
      ),
    );
  });
});
