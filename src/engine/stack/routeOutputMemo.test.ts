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

/** Without a source the answer also depends on the host's addresses (ipOutput.ts, `outAny`). */
describe('routeOutput without a source', () => {
  test('asked twice, the same answer; an address change asks again', () => {
    const l = new TestLab('nat');
    const director = l.host('director');
    const rs = l.host('rs1').addrs.find((a) => a.dev === 'eth0')!.ip;
    const first = routeOutput(director, rs);
    expect(routeOutput(director, rs)).toBe(first);
    // On a device that is down: no route changes, so only the address count tells the memo.
    const other = [...director.devices.values()].find(
      (d) => d.kind === 'ether' && first.ok && d.name !== first.dev,
    )!;
    l.exec('director', `ip link set ${other.name} down`);
    const beforeAdd = routeOutput(director, rs);
    l.exec('director', `ip addr add 10.77.0.1/24 dev ${other.name}`);
    const afterAdd = routeOutput(director, rs);
    expect(afterAdd).not.toBe(beforeAdd);
    expect(afterAdd.ok && afterAdd.src).toBe(beforeAdd.ok && beforeAdd.src);
  });

  test('the source follows the addresses of the device', () => {
    const l = new TestLab('nat');
    const director = l.host('director');
    const rs = l.host('rs1').addrs.find((a) => a.dev === 'eth0')!.ip;
    const first = routeOutput(director, rs);
    if (!first.ok) throw new Error('no route to rs1');
    const own = director.addrs.find((a) => a.dev === first.dev && a.ip === first.src)!;
    // A second primary on the device, outside rs1's subnet, then the first one gone (its routes
    // go with it, and rs1 is routed through the new one's subnet no longer: no route).
    l.exec('director', `ip addr add 10.77.0.1/24 dev ${first.dev}`);
    const added = routeOutput(director, rs);
    expect(added.ok && added.src).toBe(first.src);
    l.exec('director', `ip addr del ${own.ip}/${own.prefix} dev ${first.dev}`);
    const after = routeOutput(director, rs);
    expect(after.ok && after.src).not.toBe(first.src);
  });
});
