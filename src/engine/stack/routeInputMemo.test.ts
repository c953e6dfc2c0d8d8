import { describe, expect, test } from 'vitest';
import { TestLab } from '../testing/testLab';
import { routeInput } from './routeInput';

/** routeInput keeps its last answer on the FIB result (routeInput.ts): a route change must still show. */
describe('routeInput answers kept on the FIB result', () => {
  test('forwarded: the same answer twice; after a route change, the new next hop', () => {
    const l = new TestLab('nat');
    const dir = l.host('director');
    const inDev = dir.addrs.find((a) => a.ip.startsWith('172.16.'))!.dev;
    const client = l.host('client').addrs.find((a) => a.dev === 'eth0')!.ip;
    l.exec('director', 'sysctl -w net.ipv4.ip_forward=1');
    const inner = dir.addrs.find((a) => a.dev !== inDev && a.dev !== 'lo')!;
    // An address on the director's inner subnet, not its own: forwarded, the next hop itself.
    const dst = inner.ip.replace(/\.\d+$/, '.77');
    const gw = inner.ip.replace(/\.\d+$/, '.78');
    const first = routeInput(dir, dst, client, inDev);
    expect(first.ok && first.type === 'forward' && first.nexthop).toBe(dst);
    expect(routeInput(dir, dst, client, inDev)).toBe(first);
    l.exec('director', `ip route add ${dst}/32 via ${gw} dev ${inner.dev}`);
    const after = routeInput(dir, dst, client, inDev);
    expect(after).not.toBe(first);
    expect(after.ok && after.type === 'forward' && after.nexthop).toBe(gw);
  });

  test('local: the same answer for every source that passes rp_filter; a failing one is its own', () => {
    const l = new TestLab('nat');
    const dir = l.host('director');
    const vip = dir.addrs.find((a) => a.ip.startsWith('172.16.'))!;
    const a = routeInput(dir, vip.ip, '172.16.132.99', vip.dev);
    const b = routeInput(dir, vip.ip, '172.16.132.98', vip.dev);
    expect(a.ok && a.type).toBe('local');
    expect(b).toBe(a);
    const bad = routeInput(dir, vip.ip, vip.ip, vip.dev);
    expect(bad.ok).toBe(false);
    expect(routeInput(dir, vip.ip, '172.16.132.99', vip.dev)).toBe(a);
  });
});
