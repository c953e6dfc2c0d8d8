/**
 * The ha lab through the lab runner (labs.md "HA lab", keepalived.md §2–§3): health checks
 * taking a real server out of and back into both directors' tables, failover by priority-0
 * advert and by master-down timeout, preemption, and split brain from a VRID mismatch.
 */
import { describe, expect, test } from 'vitest';
import { SEC } from '../core/sim';
import { keepalivedOf } from '../keepalived/daemon';
import { skewUs } from '../keepalived/vrrp/timers';
import { IPPROTO_VRRP, vrrpOf } from '../packet/vrrp';
import type { Ipv4Packet } from '../packet/types';
import { LabRuntime } from '../runtime/labRuntime';
import { startCurl } from '../apps/curl';
import { haKeepalivedConf } from '../labs/ha';

const VIP = '192.168.99.188';

function lab(seed = 1): LabRuntime {
  return LabRuntime.create('ha', { seed });
}

const sh = (rt: LabRuntime, host: string, command: string) => rt.exec({ host, command });
const wait = (rt: LabRuntime, s: number) => sh(rt, 'client', `sleep ${s}`);
const rips = (rt: LabRuntime, host: string): string[] =>
  [...sh(rt, host, 'ipvsadm -Ln').stdout.matchAll(/-> (192\.168\.99\.\d+):80/g)].map((m) => m[1]!);
const log = (rt: LabRuntime, host: string): string[] =>
  (rt.net.host(host).files.get('/var/log/messages') ?? '').split('\n').filter((l) => l !== '');
const states = (rt: LabRuntime, host: string) =>
  rt.trace
    .slice()
    .filter((e) => e.kind === 'vrrp.state')
    .filter((e) => e.host === host);
const macOf = (rt: LabRuntime, host: string) => rt.net.host(host).devices.get('eth0')!.mac;
const routerVipMac = (rt: LabRuntime) => rt.net.host('router').neigh.get('eth0', VIP)?.mac;

describe('ha lab, configured state', () => {
  test('director1 is MASTER with the VIP; both directors hold the full IPVS table; adverts every second', () => {
    const rt = lab();
    expect(keepalivedOf(rt.net.host('director1')).vrrpInstances[0]!.state).toBe('MASTER');
    expect(keepalivedOf(rt.net.host('director2')).vrrpInstances[0]!.state).toBe('BACKUP');
    expect(rt.net.host('director1').isLocalAddr(VIP)).toBe(true);
    expect(rt.net.host('director2').isLocalAddr(VIP)).toBe(false);
    for (const d of ['director1', 'director2'])
      expect(rips(rt, d)).toEqual(['192.168.99.140', '192.168.99.150']);
    const t0 = rt.sim.now;
    wait(rt, 5);
    const adverts = [...rt.net.frames].filter(
      (f) => f.t > t0 && f.frame.payload.proto === 'ipv4' && f.frame.payload.protocol === IPPROTO_VRRP,
    );
    expect(adverts.length).toBeGreaterThanOrEqual(4);
    expect(adverts.length).toBeLessThanOrEqual(6);
    for (const f of adverts) {
      const p = f.frame.payload as Ipv4Packet;
      expect([f.host, p.src, p.dst, p.ttl, p.tos, f.frame.dst]).toEqual([
        'director1',
        '192.168.99.120',
        '224.0.0.18',
        255,
        0xc0,
        '01:00:5e:00:00:12',
      ]);
      expect(vrrpOf(p)).toMatchObject({
        version: 2,
        vrid: 51,
        priority: 100,
        authType: 1,
        authPass: '1111',
        addrs: [VIP],
        checksumOk: true,
      });
    }
    expect(sh(rt, 'client', `curl -s ${VIP}`).stdout).toMatch(/^rs[12]\n$/);
  });

  test('httpd stopped on rs1: both directors remove it within delay_loop + retries, with keepalived’s lines; back within a delay_loop', () => {
    const rt = lab();
    const t0 = rt.sim.now;
    sh(rt, 'rs1', 'systemctl stop httpd');
    for (const d of ['director1', 'director2']) {
      const removed = () =>
        rt.trace.slice().find((e) => e.kind === 'keepalived.rs' && e.host === d && e.t > t0 && !e.up);
      wait(rt, 16); // delay_loop 6 + nb_get_retry 3 × delay_before_retry 3 + slack
      const ev = removed();
      expect(ev, d).toBeDefined();
      expect(ev!.t - t0).toBeLessThanOrEqual(15 * SEC);
      expect(rips(rt, d)).toEqual(['192.168.99.150']);
      const lines = log(rt, d)
        .filter((l) => l.includes('Keepalived_healthcheckers'))
        .map((l) => l.replace(/^.*?\]: /, ''));
      const i = lines.indexOf('Error connecting server [192.168.99.140]:80.');
      expect(lines.slice(i, i + 6)).toEqual([
        'Error connecting server [192.168.99.140]:80.',
        'Error connecting server [192.168.99.140]:80.',
        'Error connecting server [192.168.99.140]:80.',
        'Error connecting server [192.168.99.140]:80.',
        'Check on service [192.168.99.140]:80 failed after 3 retry.',
        'Removing service [192.168.99.140]:80 from VS [192.168.99.188]:80',
      ]);
    }
    const t1 = rt.sim.now;
    sh(rt, 'rs1', 'systemctl start httpd');
    wait(rt, 6);
    for (const d of ['director1', 'director2']) {
      expect(rips(rt, d).sort()).toEqual(['192.168.99.140', '192.168.99.150']);
      const up = rt.trace.slice().find((e) => e.kind === 'keepalived.rs' && e.host === d && e.t > t1 && e.up);
      expect(up!.t - t1).toBeLessThanOrEqual(6 * SEC);
      expect(
        log(rt, d)
          .slice(-3)
          .map((l) => l.replace(/^.*?\]: /, '')),
      ).toEqual([
        'HTTP status code success to [192.168.99.140]:80 url(1).',
        'Remote Web server [192.168.99.140]:80 succeed on service.',
        'Adding service [192.168.99.140]:80 to VS [192.168.99.188]:80',
      ]);
    }
  });
});

describe('ha lab, failover', () => {
  test('systemctl stop keepalived on director1: director2 takes the VIP after the skew, the router follows its GARPs, clients lose only the gap', () => {
    const rt = lab();
    expect(sh(rt, 'client', `curl -s ${VIP}`).exit).toBe(0);
    expect(routerVipMac(rt)).toBe(macOf(rt, 'director1'));
    // A client loop: one request every 250 ms, each with curl -m 1.
    const results: { t: number; ok: boolean }[] = [];
    const client = rt.net.host('client');
    let n = 0;
    const tick = (): void => {
      if (n++ >= 40) return;
      const start = rt.sim.now;
      const h = startCurl(client, {
        ip: VIP,
        port: 80,
        hostHeader: VIP,
        path: '/',
        method: 'GET',
        maxTimeUs: SEC,
      });
      const poll = (): void => {
        if (h.done) results.push({ t: start, ok: h.result!.exit === 0 });
        else rt.sim.after(10_000, 'poll', poll);
      };
      rt.sim.after(10_000, 'poll', poll);
      rt.sim.after(250_000, 'loop', tick);
    };
    tick();
    wait(rt, 2);
    const t0 = rt.sim.now;
    sh(rt, 'director1', 'systemctl stop keepalived');
    wait(rt, 9);
    expect(rt.net.host('director1').isLocalAddr(VIP)).toBe(false);
    expect(rips(rt, 'director1')).toEqual([]);
    const d2 = states(rt, 'director2').filter((e) => e.t >= t0);
    expect(d2.map((e) => e.to)).toEqual(['MASTER']);
    expect(d2[0]!.t - t0).toBeGreaterThanOrEqual(skewUs(90));
    expect(d2[0]!.t - t0).toBeLessThan(skewUs(90) + 5_000);
    const vipAdded = rt.trace
      .slice()
      .find((e) => e.kind === 'vrrp.vip' && e.host === 'director2' && e.action === 'add')!;
    expect(vipAdded.t - d2[0]!.t).toBe(SEC);
    expect(routerVipMac(rt)).toBe(macOf(rt, 'director2'));
    expect(rt.trace.slice().filter((e) => e.kind === 'vrrp.garp' && e.host === 'director2')).toHaveLength(10);
    const lost = results.filter((r) => !r.ok);
    const gap = vipAdded.t - t0;
    // Requests sent while nobody answered for the VIP, plus those whose 1 s max-time overlapped that gap.
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBeLessThanOrEqual(Math.ceil((gap + SEC) / 250_000) + 1);
    expect(lost.every((r) => r.t >= t0 - SEC && r.t <= vipAdded.t)).toBe(true);
    expect(results.filter((r) => r.t > vipAdded.t + 100_000).every((r) => r.ok)).toBe(true);
    const d1 = log(rt, 'director1').map((l) => l.replace(/^.*? (\S+\[\d+\]: )/, '$1'));
    expect(d1.slice(-10)).toEqual([
      'systemd[1]: Stopping LVS and VRRP High Availability Monitor...',
      'Keepalived[2502]: Stopping',
      'Keepalived_vrrp[2504]: VRRP_Instance(VI_1) sent 0 priority',
      'Keepalived_vrrp[2504]: VRRP_Instance(VI_1) removing protocol VIPs.',
      'Keepalived_healthcheckers[2503]: Removing service [192.168.99.140]:80 from VS [192.168.99.188]:80',
      'Keepalived_healthcheckers[2503]: Removing service [192.168.99.150]:80 from VS [192.168.99.188]:80',
      'Keepalived_healthcheckers[2503]: Stopped',
      'Keepalived_vrrp[2504]: Stopped',
      'Keepalived[2502]: Stopped Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2',
      'systemd[1]: Stopped LVS and VRRP High Availability Monitor.',
    ]);
  });

  test('ip link set eth0 down on director1: director2 waits 3 × advert_int + skew after the last advert, then director1 preempts on return', () => {
    const rt = lab();
    sh(rt, 'director1', 'ip link set eth0 down');
    // The priority-0 advert of leaving MASTER for FAULT cannot leave a down link: the timer runs
    // from the last advert director2 received.
    const lastAdvert = rt.trace
      .slice()
      .filter((e) => e.kind === 'vrrp.advert')
      .filter((e) => e.host === 'director1' && e.priority > 0)
      .at(-1)!;
    const heard = rt.trace
      .slice()
      .filter((e) => e.kind === 'frame.rx')
      .find((e) => e.host === 'director2' && e.pkt === lastAdvert.pkt)!;
    wait(rt, 6);
    const up = states(rt, 'director2').find((e) => e.to === 'MASTER')!;
    expect(up.t - heard.t).toBe(3 * SEC + skewUs(90));
    expect(states(rt, 'director1').at(-1)!.to).toBe('FAULT');
    expect(rt.net.host('director2').isLocalAddr(VIP)).toBe(true);
    const d1 = log(rt, 'director1').map((l) => l.replace(/^.*?\]: /, ''));
    expect(d1).toContain('Kernel is reporting: interface eth0 DOWN');
    expect(d1).toContain('VRRP_Instance(VI_1) Entering FAULT STATE');
    sh(rt, 'director1', 'ip link set eth0 up');
    sh(rt, 'director1', 'ip route add default via 192.168.99.1');
    wait(rt, 4);
    expect(states(rt, 'director1').at(-1)!.to).toBe('MASTER');
    expect(states(rt, 'director2').at(-1)!.to).toBe('BACKUP');
    expect(rt.net.host('director1').isLocalAddr(VIP)).toBe(true);
    expect(rt.net.host('director2').isLocalAddr(VIP)).toBe(false);
    const d2 = log(rt, 'director2').map((l) => l.replace(/^.*?\]: /, ''));
    expect(d2.slice(-3)).toEqual([
      'VRRP_Instance(VI_1) Received advert with higher priority 100, ours 90',
      'VRRP_Instance(VI_1) Entering BACKUP STATE',
      'VRRP_Instance(VI_1) removing protocol VIPs.',
    ]);
    expect(sh(rt, 'client', `curl -s -m 2 ${VIP}`).exit).toBe(0);
  });

  test('a virtual_router_id mismatch gives two MASTERs holding the VIP; the router follows the newcomer’s GARPs', () => {
    const rt = LabRuntime.create('ha', { seed: 1 });
    sh(rt, 'client', `curl -s ${VIP}`);
    expect(routerVipMac(rt)).toBe(macOf(rt, 'director1'));
    const conf = haKeepalivedConf('director2', false, ['192.168.99.140', '192.168.99.150']).replace(
      'virtual_router_id 51',
      'virtual_router_id 52',
    );
    sh(rt, 'director2', `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${conf}EOF`);
    sh(rt, 'director2', 'systemctl restart keepalived');
    wait(rt, 6);
    for (const d of ['director1', 'director2']) {
      expect(keepalivedOf(rt.net.host(d)).vrrpInstances[0]!.state, d).toBe('MASTER');
      expect(rt.net.host(d).isLocalAddr(VIP), d).toBe(true);
    }
    expect(routerVipMac(rt)).toBe(macOf(rt, 'director2'));
    expect(log(rt, 'director2').some((l) => l.includes('bogus'))).toBe(false);
  });
});

describe('ha lab, determinism and tools', () => {
  test('the same seed and commands give the same trace, failover included', () => {
    const run = (): string => {
      const rt = lab(7);
      sh(rt, 'rs2', 'systemctl stop httpd');
      sh(rt, 'director1', 'systemctl stop keepalived');
      wait(rt, 12);
      return JSON.stringify(rt.trace);
    };
    expect(run()).toBe(run());
  });

  test('tcpdump on the backup shows the master’s adverts as tcpdump 4.9 prints them', () => {
    const rt = lab();
    sh(rt, 'director2', 'tcpdump -i eth0 -nn -c 2 vrrp');
    const out = wait(rt, 3).stdout.split('\n');
    expect(out.slice(0, 2).map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'IP 192.168.99.120 > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 100, authtype simple, intvl 1s, length 20',
      'IP 192.168.99.120 > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 100, authtype simple, intvl 1s, length 20',
    ]);
  });
});
