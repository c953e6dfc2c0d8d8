import { describe, expect, test } from 'vitest';
import { TestLab } from '../testing/testLab';
import { routeInput } from './routeInput';

/**
 * The nat lab's director seen from its outer device: that device, its VIP, the inner address, and
 * an address on the inner subnet that is not the director's own (`.77`).
 */
function natDirector() {
  const l = new TestLab('nat');
  const dir = l.host('director');
  const inDev = dir.addrs.find((a) => a.ip.startsWith('172.16.'))!.dev;
  const vip = dir.addrs.find((a) => a.dev === inDev)!.ip;
  const inner = dir.addrs.find((a) => a.dev !== inDev && a.dev !== 'lo')!;
  const other = inner.ip.replace(/\.\d+$/, '.77');
  return { l, dir, inDev, vip, inner, other };
}

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

/** routeInput's last answer per device (RouteTable.lastInput): asked again only while nothing it read changed. */
describe('routeInput answers kept per input device', () => {
  test('a sysctl write is seen at once: rp_filter turns a spoofed source away, and back', () => {
    // A source whose route back leaves by the other device: strict rp_filter refuses it.
    const { l, dir, inDev, vip, other: spoofed } = natDirector();
    l.exec('director', `sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.${inDev}.rp_filter=0`);
    const open = routeInput(dir, vip, spoofed, inDev);
    expect(open.ok && open.type).toBe('local');
    expect(routeInput(dir, vip, spoofed, inDev)).toBe(open);
    l.exec('director', `sysctl -w net.ipv4.conf.${inDev}.rp_filter=1`);
    const strict = routeInput(dir, vip, spoofed, inDev);
    expect(!strict.ok && strict.reason).toBe('rp_filter');
    l.exec('director', `sysctl -w net.ipv4.conf.${inDev}.rp_filter=0`);
    expect(routeInput(dir, vip, spoofed, inDev).ok).toBe(true);
  });

  test('each device, destination, source and mark its own question', () => {
    const { l, dir, inDev, vip, inner, other: rs } = natDirector();
    l.exec('director', 'sysctl -w net.ipv4.ip_forward=1');
    const client = l.host('client').addrs.find((a) => a.dev === 'eth0')!.ip;
    const local = routeInput(dir, vip, client, inDev);
    expect(local.ok && local.type).toBe('local');
    // Another destination from the same source on the same device: forwarded, not the local answer.
    const fwd = routeInput(dir, rs, client, inDev);
    expect(fwd.ok && fwd.type).toBe('forward');
    // Another source: a martian, however the last question on this device was answered.
    expect(routeInput(dir, rs, '127.0.0.1', inDev)).toMatchObject({ ok: false, reason: 'martian-source' });
    expect(routeInput(dir, rs, client, inDev)).toBe(fwd);
    // A mark an `ip rule` sends to a table with another next hop for it.
    const gw = inner.ip.replace(/\.\d+$/, '.78');
    l.exec('director', 'ip rule add fwmark 7 table 70');
    l.exec('director', `ip route add ${rs}/32 via ${gw} dev ${inner.dev} table 70`);
    const marked = routeInput(dir, rs, client, inDev, 7);
    expect(marked.ok && marked.type === 'forward' && marked.nexthop).toBe(gw);
    const plain = routeInput(dir, rs, client, inDev, 0);
    expect(plain.ok && plain.type === 'forward' && plain.nexthop).toBe(rs);
    expect(routeInput(dir, rs, client, inDev, 7)).toBe(marked);
  });

  test('two questions alternating on one device are both kept, and a sysctl write still reaches the older', () => {
    const { l, dir, inDev, vip, other: spoofed } = natDirector();
    l.exec('director', `sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.${inDev}.rp_filter=0`);
    // The spoofed source asked first (the older answer once the client's is asked), then in turn.
    const open = routeInput(dir, vip, spoofed, inDev);
    expect(open.ok && open.type).toBe('local');
    for (let i = 0; i < 3; i++) {
      expect(routeInput(dir, vip, '172.16.132.99', inDev).ok).toBe(true);
      expect(routeInput(dir, vip, spoofed, inDev)).toBe(open);
    }
    expect(routeInput(dir, vip, '172.16.132.99', inDev).ok).toBe(true);
    l.exec('director', `sysctl -w net.ipv4.conf.${inDev}.rp_filter=1`);
    const strict = routeInput(dir, vip, spoofed, inDev);
    expect(!strict.ok && strict.reason).toBe('rp_filter');
    // A route change drops both answers: the client's source is asked afresh and still passes.
    l.exec('director', `ip route add ${spoofed}/32 dev ${inDev}`);
    expect(routeInput(dir, vip, spoofed, inDev).ok).toBe(true);
    expect(routeInput(dir, vip, '172.16.132.99', inDev).ok).toBe(true);
  });
});
