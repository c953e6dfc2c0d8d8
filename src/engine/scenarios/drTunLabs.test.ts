import { describe, expect, test } from 'vitest';
import { ipvsOf } from '../ipvs/ipvs';
import type { EthernetFrame, Ipv4Packet } from '../packet/types';
import { configuredDr, configuredTun } from '../testing/configuredLabs';
import type { TestLab } from '../testing/testLab';

const VIP = '192.168.99.188';
const framesFrom = (l: TestLab, host: string) =>
  l.events('frame.tx', (e) => e.host === host).map((e) => e.eth as EthernetFrame);

describe('configured DR lab', () => {
  test('the director’s frame to a real server: the server’s MAC, the IP header unchanged but for TTL', () => {
    const l = configuredDr();
    expect(l.curl('client', VIP).body).toBe('rs2\n');
    const x = l.events('ipvs.xmit')[0]!;
    const before = x.before as Ipv4Packet;
    const after = x.after as Ipv4Packet;
    expect(after).toEqual({ ...before, ttl: before.ttl - 1 });
    const out = framesFrom(l, 'director').find((f) => f.payload.proto === 'ipv4')!;
    expect(out.dst).toBe(l.host('rs2').devices.get('eth0')!.mac);
    expect(out.src).toBe(l.host('director').devices.get('eth0')!.mac);
    expect((out.payload as Ipv4Packet).dst).toBe(VIP);
  });

  test('the connection walks SYN_RECV → ESTABLISHED → FIN_WAIT by the INPUT_ONLY table; no reply crosses the director', () => {
    const l = configuredDr();
    l.curl('client', VIP);
    l.run(0.1);
    const states = l.events('ipvs.state');
    expect(states.every((e) => e.table === 'INPUT_ONLY')).toBe(true);
    expect([...new Set(states.map((e) => e.to))]).toEqual(['SYN_RECV', 'ESTABLISHED', 'FIN_WAIT']);
    const replies = l
      .events('frame.rx', (e) => e.host === 'director' && e.pkt !== null)
      .filter((e) => {
        const f = [...l.net.frames].find((fr) => fr.id === e.frame)!;
        return f.frame.payload.proto === 'ipv4' && (f.frame.payload as Ipv4Packet).src === VIP;
      });
    expect(replies).toEqual([]);
    const rsReplies = framesFrom(l, 'rs2').filter((f) => f.payload.proto === 'ipv4');
    expect(rsReplies.every((f) => (f.payload as Ipv4Packet).src === VIP)).toBe(true);
    const d = ipvsOf(l.host('director')).services[0]!.dests.find((x) => x.addr === '192.168.99.150')!;
    expect([d.activeconns, d.inactconns]).toEqual([0, 1]);
  });

  test('real servers left at arp_ignore 0: one answers the router for the VIP and takes the traffic', () => {
    const l = configuredDr();
    for (const rs of ['rs1', 'rs2'])
      l.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 0).sysctl(rs, 'net.ipv4.conf.lo.arp_ignore', 0);
    const r = l.curl('client', VIP);
    expect(r.exit).toBe(0);
    expect(l.arpResponders(VIP).sort()).toEqual(['director', 'rs1', 'rs2']);
    expect(l.events('ipvs.schedule')).toEqual([]); // the director never sees the request
    expect(r.body).toBe('rs2\n'); // rs2's reply reached the router first
  });

  test('DR cannot map ports: -r RIP:8080 -g is stored as port 80', async () => {
    const { addDest } = await import('../ipvs/control');
    const { destOpts, tcp } = await import('../testing/ipvsApi');
    const l = configuredDr();
    const v = ipvsOf(l.host('director'));
    expect(addDest(v, tcp(VIP, 80), destOpts('192.168.99.160', 8080, 'route'))).toBeUndefined();
    expect(v.services[0]!.dests[0]!.key).toBe('192.168.99.160:80');
  });
});

describe('configured TUN lab', () => {
  test('an outer header DIP → RIP, protocol 4, around the untouched client packet', () => {
    const l = configuredTun();
    expect(l.curl('client', VIP).body).toBe('rs2\n');
    const x = l.events('ipvs.xmit')[0]!;
    const after = x.after as Ipv4Packet;
    expect(after.protocol).toBe(4);
    expect([after.src, after.dst]).toEqual(['192.168.99.120', '10.10.2.10']);
    const inner = after.payload as Ipv4Packet;
    const before = x.before as Ipv4Packet;
    expect(inner).toEqual({ ...before, ttl: before.ttl - 1 });
    // Replies go straight from the real server to the client with the VIP as source.
    const rsOut = framesFrom(l, 'rs2')
      .filter((f) => f.payload.proto === 'ipv4')
      .map((f) => f.payload as Ipv4Packet);
    expect(rsOut.length).toBeGreaterThan(0);
    expect(rsOut.every((p) => p.src === VIP && p.dst === '172.16.132.78')).toBe(true);
  });

  test('tunl0 down on the real server: port unreachable, relayed by the director, curl fails at once', () => {
    const l = configuredTun();
    l.host('rs2').setLink('tunl0', false);
    const r = l.curl('client', VIP, 80, 3);
    expect(r.exit).toBe(7);
    expect(l.events('drop', (e) => e.host === 'rs2').map((e) => e.reason)).toContain('tunnel-down');
    expect(l.events('icmp.send', (e) => e.host === 'rs2')[0]).toMatchObject({ type: 3, code: 3 });
    expect(l.events('ipvs.icmp', (e) => e.host === 'director')[0]).toMatchObject({
      action: 'relay',
      to: '172.16.132.78',
      code: 3,
    });
  });

  test('rp_filter 1 on tunl0: the decapsulated packet is dropped, with a reason', () => {
    const l = configuredTun().sysctl('rs2', 'net.ipv4.conf.tunl0.rp_filter', 1);
    const r = l.curl('client', VIP, 80, 3);
    expect(r.exit).toBe(28);
    expect(l.events('drop', (e) => e.host === 'rs2' && e.reason === 'rp_filter').length).toBeGreaterThan(0);
  });

  test('no ipip module on the real server: ICMP protocol unreachable back to the director', () => {
    const l = configuredTun();
    l.host('rs2').modules.delete('ipip');
    l.curl('client', VIP, 80, 3);
    expect(l.events('icmp.send', (e) => e.host === 'rs2')[0]).toMatchObject({
      type: 3,
      code: 2,
      to: '192.168.99.120',
    });
  });
});
