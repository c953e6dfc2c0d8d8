/**
 * RouteTable answers a plain lookup from a memo of its last two destinations (and a cache by
 * destination behind it): after any route change every lookup must give what a table that never
 * answered before gives.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import type { FibResult, Route } from './routeTable';
import { RouteTable } from './routeTable';

const DSTS = ['10.0.0.5', '10.0.1.5', '10.1.0.5', '192.168.0.9'];

const ROUTES: Route[] = [
  {
    table: 'main',
    type: 'unicast',
    dst: '0.0.0.0',
    prefix: 0,
    via: '10.0.0.1',
    dev: 'eth0',
    scope: 'global',
    proto: 'boot',
    metric: 0,
  },
  {
    table: 'main',
    type: 'unicast',
    dst: '10.0.0.0',
    prefix: 8,
    dev: 'eth1',
    scope: 'link',
    proto: 'kernel',
    metric: 0,
  },
  {
    table: 'main',
    type: 'unicast',
    dst: '10.0.0.0',
    prefix: 24,
    dev: 'eth2',
    scope: 'link',
    proto: 'kernel',
    metric: 0,
  },
  {
    table: 'main',
    type: 'blackhole',
    dst: '10.1.0.0',
    prefix: 16,
    dev: 'lo',
    scope: 'global',
    proto: 'static',
    metric: 0,
  },
  {
    table: 'local',
    type: 'local',
    dst: '10.0.1.5',
    prefix: 32,
    dev: 'lo',
    scope: 'host',
    proto: 'kernel',
    metric: 0,
  },
];

/** What matters of an answer: the route it found (by reference) and its next hop. */
const view = (r: FibResult | undefined) => r && { route: r.route, type: r.type, dev: r.dev, gw: r.gw };

describe('RouteTable lookups by destination', () => {
  test('fuzz: lookups between route changes answer as a fresh table does', () => {
    const seed = fuzzSeed();
    const op = fc.oneof(
      fc.record({ add: fc.nat(ROUTES.length - 1) }),
      fc.record({ del: fc.nat(ROUTES.length - 1) }),
      fc.record({ ask: fc.nat(DSTS.length - 1) }),
      fc.record({ ask: fc.nat(DSTS.length - 1) }),
      fc.record({ ask: fc.nat(DSTS.length - 1) }),
    );
    try {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
          const t = new RouteTable();
          for (const o of ops) {
            if ('add' in o) t.add(ROUTES[o.add]!);
            else if ('del' in o) t.remove((r) => r === ROUTES[o.del]);
            else {
              const fresh = new RouteTable();
              for (const r of t.routes) fresh.add(r);
              const dst = DSTS[o.ask]!;
              // Twice: the second answer comes from the memo.
              expect(view(t.lookup(dst))).toEqual(view(fresh.lookup(dst)));
              expect(view(t.lookup(dst))).toEqual(view(fresh.lookup(dst)));
            }
          }
        }),
        { seed, numRuns: 300 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('a destination first without a route, then with one, is answered with it', () => {
    const t = new RouteTable();
    expect(t.lookup('10.0.0.5')).toBeUndefined();
    expect(t.lookup('10.0.0.5')).toBeUndefined();
    t.add(ROUTES[1]!);
    expect(t.lookup('10.0.0.5')?.route).toBe(ROUTES[1]);
    t.add(ROUTES[2]!);
    expect(t.lookup('10.0.0.5')?.route).toBe(ROUTES[2]);
    expect(t.lookup('10.1.0.5')?.route).toBe(ROUTES[1]);
    expect(t.lookup('10.0.0.5')?.route).toBe(ROUTES[2]);
    t.remove((r) => r === ROUTES[2]);
    expect(t.lookup('10.0.0.5')?.route).toBe(ROUTES[1]);
  });
});
