import { describe, expect, test } from 'vitest';
import { ipvsOf } from '../ipvs/ipvs';
import type { Ipv4Packet, TcpSegment } from '../packet/types';
import { configuredNat } from '../testing/configuredLabs';
import { SEC } from '../core/sim';

const VIP = '172.16.132.18';

describe('configured NAT lab (docs/linux-behaviour.md, "The labs" and "IPVS")', () => {
  test('four requests alternate rs2, rs1, rs2, rs1; each ends with ActiveConn 0 and InActConn 2', () => {
    const l = configuredNat();
    const bodies = [1, 2, 3, 4].map(() => l.curl('client', VIP).body);
    expect(bodies).toEqual(['rs2\n', 'rs1\n', 'rs2\n', 'rs1\n']);
    l.run(1);
    const dests = ipvsOf(l.host('director')).services[0]!.dests;
    for (const d of dests) expect([d.activeconns, d.inactconns]).toEqual([0, 2]);
  });

  test('the client talks to VIP:80 while the real servers see RIP:888', () => {
    const l = configuredNat();
    l.curl('client', VIP);
    const seenBy = (host: string) =>
      l
        .events(
          'frame.tx',
          (e) => e.host === host && (e.eth as { payload: { proto: string } }).payload.proto === 'ipv4',
        )
        .map((e) => (e.eth as { payload: Ipv4Packet }).payload);
    for (const p of seenBy('client')) {
      expect(p.dst).toBe(VIP);
      expect((p.payload as TcpSegment).dstPort).toBe(80);
    }
    const rsOut = seenBy('rs2');
    expect(rsOut.length).toBeGreaterThan(0);
    for (const p of rsOut) {
      expect(p.src).toBe('192.168.99.140');
      expect((p.payload as TcpSegment).srcPort).toBe(888);
    }
    const xmit = l.events('ipvs.xmit')[0]!;
    expect((xmit.before as Ipv4Packet).dst).toBe(VIP);
    expect((xmit.after as Ipv4Packet).dst).toBe('192.168.99.140');
    expect(((xmit.after as Ipv4Packet).payload as TcpSegment).dstPort).toBe(888);
    const snat = l.events('ipvs.snat')[0]!;
    expect((snat.before as Ipv4Packet).src).toBe('192.168.99.140');
    expect((snat.after as Ipv4Packet).src).toBe(VIP);
    expect(((snat.after as Ipv4Packet).payload as TcpSegment).srcPort).toBe(80);
  });

  test('state walk of a NAT connection (client closes first) and the timeouts', () => {
    const l = configuredNat();
    l.curl('client', VIP);
    l.run(0.1);
    const walk = l.events('ipvs.state').map((e) => `${e.table}:${e.event}:${e.to}`);
    expect(walk).toEqual([
      'INPUT:syn:SYN_RECV',
      'OUTPUT:syn:SYN_RECV',
      'INPUT:ack:ESTABLISHED',
      'INPUT:ack:ESTABLISHED',
      'OUTPUT:ack:ESTABLISHED',
      'INPUT:fin:CLOSE_WAIT',
      'OUTPUT:fin:TIME_WAIT',
      'INPUT:ack:TIME_WAIT',
    ]);
    const c = [...ipvsOf(l.host('director')).conns.byIn.values()][0]!;
    expect(c.state).toBe('TIME_WAIT');
    // The entry is its own expiry timer (no separate record): lazily, first at SYN_RECV's timeout,
    // then armed again for the end of TIME_WAIT.
    expect(c.timer).toBe(c);
    expect(l.sim.queue.dueOf(c.timer!)).toBeLessThan(c.expires);
    l.run(5);
    expect(c.timer).toBe(c);
    expect(l.sim.queue.dueOf(c.timer!)).toBe(c.expires);
    l.run(114);
    expect(ipvsOf(l.host('director')).conns.size).toBe(1);
    l.run(2);
    expect(ipvsOf(l.host('director')).conns.size).toBe(0);
  });

  test('a real server whose default route bypasses the director: its replies never reach the director', () => {
    const l = configuredNat();
    const rs2 = l.host('rs2');
    rs2.routes.remove((r) => r.prefix === 0);
    // Another router that does not exist: the reply goes to it, not through the director.
    rs2.addRoute({
      table: 'main',
      type: 'unicast',
      dst: '0.0.0.0',
      prefix: 0,
      via: '192.168.99.254',
      dev: 'eth0',
      scope: 'global',
      proto: 'static',
      metric: 0,
    });
    const first = l.curl('client', VIP, 80, 5); // rr sends the first request to rs2
    expect(first.exit).toBe(28);
    expect(l.events('ipvs.snat')).toEqual([]);
    // rs2 tries to resolve the missing gateway; its SYN-ACKs die there.
    expect(l.events('drop', (e) => e.host === 'rs2' && e.reason === 'neigh-failed').length).toBeGreaterThan(
      0,
    );
    const second = l.curl('client', VIP, 80, 5);
    expect(second.body).toBe('rs1\n');
  });

  test('no real server: ICMP port unreachable from the VIP, curl says Connection refused', () => {
    const l = configuredNat();
    const svc = ipvsOf(l.host('director')).services[0]!;
    for (const d of svc.dests) d.weight = 0;
    const r = l.curl('client', VIP);
    expect(r.exit).toBe(7);
    expect(r.error).toBe('Failed connect to 172.16.132.18:80; Connection refused');
    expect(l.events('icmp.send', (e) => e.host === 'director')[0]).toMatchObject({ type: 3, code: 3 });
    expect(l.sim.now).toBeLessThan(SEC);
  });
});
