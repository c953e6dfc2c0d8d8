/**
 * Events and their plain objects are stored against key lists found by comparing keys: shapes that
 * share a first key (an IPv4 header and a TCP segment both begin with `proto`) or a kind (a route's
 * input and output forms), alternating, or prefixes of each other, must each come back key for key.
 */
import { describe, expect, test } from 'vitest';
import { TraceStore } from './traceStore';

const OBJECTS = [
  { proto: 'ipv4', ttl: 64, payload: { proto: 'tcp', srcPort: 1, options: [{ kind: 'nop' }] } },
  { proto: 'tcp', srcPort: 2, options: [{ kind: 'ts', val: 7, ecr: 8 }, { kind: 'nop' }] },
  { proto: 'ipv4', ttl: 63 },
  { proto: 'ipv4' },
  { proto: 'ipv4', payload: 1, ttl: 2 },
  { ttl: 1, proto: 'ipv4' },
  {},
];

function routeEvent(i: number): { kind: string; [field: string]: unknown } {
  const o = OBJECTS[(i * 5) % OBJECTS.length]!;
  if (i % 3 === 0) return { kind: 'route', host: 'h', dir: 'input', dev: 'eth0', o };
  if (i % 3 === 1) return { kind: 'route', host: 'h', dir: 'output', outDev: 'eth1', nexthop: '10.0.0.1', o };
  return { kind: 'route', host: 'h', o, dir: 'input' };
}

describe('TraceStore shapes', () => {
  test('alternating shapes with a shared first key or kind, and prefixes of each other, come back key for key', () => {
    const store = new TraceStore<{ kind: string }>();
    const events = Array.from({ length: 200 }, (_, i) => routeEvent(i));
    events.forEach((ev, i) => store.push(i, structuredClone(ev)));
    // JSON keeps key order: the --trace output depends on it.
    events.forEach((ev, i) =>
      expect(JSON.stringify(store.at(i))).toBe(JSON.stringify({ ...ev, t: i, seq: i })),
    );
  });
});
