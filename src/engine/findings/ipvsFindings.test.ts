import { describe, expect, test } from 'vitest';
import { ipvsOf } from '../ipvs/ipvs';
import { configuredNat } from '../testing/configuredLabs';
import { findings, ofKind, run } from './findingsTestKit';

const VIP_NAT = '172.16.132.18';

describe('IPVS and load findings through the lab runtime', () => {
  test('a service whose servers all have weight 0: no usable server, and its ICMP port unreachable', () => {
    const l = configuredNat();
    run(
      l,
      'director',
      `ipvsadm -e -t ${VIP_NAT}:80 -r 192.168.99.130:888 -m -w 0`,
      `ipvsadm -e -t ${VIP_NAT}:80 -r 192.168.99.140:888 -m -w 0`,
    );
    expect(l.exec('client', `curl -s -m 2 ${VIP_NAT}`, 5).exit).not.toBe(0);
    const fs = findings(l);
    expect(ofKind(fs, 'quiesced').map((f) => f.params.dest)).toEqual([
      '192.168.99.130:888',
      '192.168.99.140:888',
    ]);
    const none = ofKind(fs, 'noUsableServer');
    expect(none.length).toBe(1);
    expect(none[0]!.params).toMatchObject({
      host: 'director',
      service: `TCP ${VIP_NAT}:80`,
      scheduler: 'rr',
    });
    const icmp = ofKind(fs, 'icmpError');
    expect(icmp[0]!.params).toMatchObject({ host: 'director', to: '172.16.132.78', type: 3, code: 3 });
    expect(icmp[0]!.at).toBeGreaterThan(none[0]!.at);
  });

  test('-x 1 -y 0: rs2 crosses its upper threshold, then comes back when its connection expires', () => {
    const l = configuredNat();
    run(l, 'director', `ipvsadm -e -t ${VIP_NAT}:80 -r 192.168.99.140:888 -m -x 1`);
    for (let i = 0; i < 3; i++) l.exec('client', `curl -s ${VIP_NAT}`, 5);
    l.run(125);
    const fs = findings(l).filter((f) => f.kind.startsWith('overload'));
    expect(fs.map((f) => f.kind)).toEqual(['overload', 'overloadCleared']);
    expect(fs[0]!.params).toMatchObject({ dest: '192.168.99.140:888', upper: 1, lower: 0, total: 1 });
    expect(fs[1]!.why).toBe('finding.overloadCleared.why.threeQuarters');
    expect(fs[1]!.t).toBeGreaterThan(fs[0]!.t);
  });

  test('persistence (-p 30): the second request is pinned by the template, said once', () => {
    const l = configuredNat();
    run(l, 'director', `ipvsadm -E -t ${VIP_NAT}:80 -s rr -p 30`);
    const bodies = [1, 2, 3].map(() => l.exec('client', `curl -s ${VIP_NAT}`, 5).stdout);
    expect(new Set(bodies).size).toBe(1);
    const fs = ofKind(findings(l), 'persistPin');
    expect(fs.length).toBe(1);
    expect(fs[0]!.params).toMatchObject({
      host: 'director',
      client: '172.16.132.78',
      dest: '192.168.99.140:888',
    });
  });

  test('lblc: the cached server overloaded in lblc’s sense is replaced by wlc’s pick', () => {
    const l = configuredNat();
    run(l, 'director', `ipvsadm -E -t ${VIP_NAT}:80 -s lblc`);
    l.exec('client', `curl -s ${VIP_NAT}`, 5);
    const cached = ipvsOf(l.host('director')).services[0]!.dests.find(
      (d) => d.activeconns + d.inactconns > 0,
    )!;
    // Stands for three connections held open: more than its weight, while the other server idles.
    cached.activeconns = 3;
    l.exec('client', `curl -s ${VIP_NAT}`, 5);
    const fs = ofKind(findings(l), 'lblcReplace');
    expect(fs.length).toBe(1);
    expect(fs[0]!.params).toMatchObject({ scheduler: 'lblc', daddr: VIP_NAT, from: cached.key });
    expect(fs[0]!.params.to).not.toBe(cached.key);
  });

  test('a client port reused while its IPVS entry is in TIME_WAIT: the entry is expired and rescheduled', () => {
    const l = configuredNat();
    l.exec('client', `curl -s ${VIP_NAT}`, 5);
    const first = l.events('ipvs.conn').find((e) => e.event === 'new')!;
    // The client's own TIME_WAIT (60 s) ends before IPVS's (120 s); then it uses that port again
    // (as after cycling through its ephemeral range; here chosen with --local-port).
    l.run(61);
    const port = Number(first.event === 'new' ? first.client.split(':')[1] : 0);
    l.exec('client', `curl -s --local-port ${port} ${VIP_NAT}`, 5);
    const fs = ofKind(findings(l), 'connReuse');
    expect(fs.length).toBe(1);
    expect(fs[0]!.params).toMatchObject({ host: 'director', conn: first.conn, state: 'TIME_WAIT' });
  });
});
