import { describe, expect, test } from 'vitest';
import { TestLab } from '../testing/testLab';
import { routeOutput } from './ipOutput';

/** routeOutput keeps its last answer per FIB result (ipOutput.ts): a route change must still show. */
describe('routeOutput with a given source', () => {
  test('asked twice, the same answer; after a route change, the new route', () => {
    const l = new TestLab('dr');
    const client = l.host('client');
    const src = client.addrs.find((a) => a.dev === 'eth0')!.ip;
    const first = routeOutput(client, '10.9.9.9', src);
    const again = routeOutput(client, '10.9.9.9', src);
    expect(again).toEqual(first);
    expect(first.ok && first.src).toBe(src);
    l.exec('client', 'ip route add 10.9.9.0/24 dev eth0');
    const after = routeOutput(client, '10.9.9.9', src);
    expect(after.ok && after.nexthop).toBe('10.9.9.9');
    expect(after.ok && after.res.route.dst).toBe('10.9.9.0');
    expect(first.ok && first.res.route.dst).not.toBe('10.9.9.0');
  });

  test('another source or destination through the same route is answered for itself', () => {
    const l = new TestLab('dr');
    const client = l.host('client');
    const src = client.addrs.find((a) => a.dev === 'eth0')!.ip;
    const a = routeOutput(client, '10.9.9.9', src);
    const b = routeOutput(client, '10.9.9.9', '127.0.0.1');
    expect(a.ok && a.src).toBe(src);
    expect(b.ok && b.src).toBe('127.0.0.1');
    l.exec('client', 'ip route add 10.9.9.0/24 dev eth0');
    const c = routeOutput(client, '10.9.9.9', src);
    const d = routeOutput(client, '10.9.9.10', src);
    expect(c.ok && c.nexthop).toBe('10.9.9.9');
    expect(d.ok && d.nexthop).toBe('10.9.9.10');
  });
});
