import { describe, expect, test } from 'vitest';
import { SEC } from '../core/sim';
import { ipvsOf } from '../ipvs/ipvs';
import { rates } from '../ipvs/stats';
import { LabRuntime } from '../runtime/labRuntime';

const VIP = '172.16.132.18';
const curl = (rt: LabRuntime): string => rt.exec({ host: 'client', command: `curl -s ${VIP}` }).stdout;
const dir = (rt: LabRuntime, command: string) => rt.exec({ host: 'director', command });
/** Let virtual time pass (sleep's own limit is the runner's --max-time, 60 s by default). */
const sleep = (rt: LabRuntime, s: number) =>
  rt.exec({ host: 'client', command: `sleep ${s}`, maxTimeUs: (s + 1) * SEC });
const dests = (rt: LabRuntime) => ipvsOf(rt.net.host('director')).services[0]!.dests;

describe('IPVS behaviour through ipvsadm on the NAT lab', () => {
  test('persistence (-p): one client sticks to one real server; the template shows in -Lnc and outlives its children by 60 s', () => {
    const rt = LabRuntime.create('nat');
    expect(dir(rt, `ipvsadm -E -t ${VIP}:80 -s rr -p 30`).exit).toBe(0);
    const pages = [curl(rt), curl(rt), curl(rt)];
    expect(new Set(pages).size).toBe(1);
    const list = dir(rt, 'ipvsadm -Lnc').stdout;
    expect(list).toMatch(
      /^TCP\s+00:\d\d\s+NONE\s+172\.16\.132\.78:0\s+172\.16\.132\.18:80\s+192\.168\.99\.140:888$/m,
    );
    const v = ipvsOf(rt.net.host('director'));
    const template = [...v.conns.byIn.values()].find((c) => c.template)!;
    expect(template.dest.persistconns).toBe(1);
    // Children live 120 s in TIME_WAIT; the 30 s template is extended by 60 s while they do.
    sleep(rt, 100);
    expect(v.conns.byIn.has(v.conns.inKey(template))).toBe(true);
    sleep(rt, 200);
    expect(v.conns.size).toBe(0);
    expect(template.dest.persistconns).toBe(0);
  });

  test('an upper threshold (-x 1) overloads a server at its first connection: the next goes elsewhere', () => {
    const rt = LabRuntime.create('nat');
    expect(dir(rt, `ipvsadm -e -t ${VIP}:80 -r 192.168.99.140:888 -m -x 1`).exit).toBe(0);
    expect([curl(rt), curl(rt), curl(rt)]).toEqual(['rs2\n', 'rs1\n', 'rs1\n']);
    const d = dests(rt).find((x) => x.addr === '192.168.99.140')!;
    expect(d.overloaded).toBe(true);
    // TIME_WAIT expiry unbinds the connection: 4·0 < 3·1 clears the flag.
    sleep(rt, 121);
    expect(d.overloaded).toBe(false);
  });

  test('weight 0 quiesces: no new connections, existing ones keep their counts', () => {
    const rt = LabRuntime.create('nat');
    curl(rt);
    expect(dir(rt, `ipvsadm -e -t ${VIP}:80 -r 192.168.99.140:888 -m -w 0`).exit).toBe(0);
    expect([curl(rt), curl(rt), curl(rt)]).toEqual(['rs1\n', 'rs1\n', 'rs1\n']);
    expect(dests(rt).find((x) => x.addr === '192.168.99.140')!.inactconns).toBe(1);
  });

  test('a deleted server goes to the trash; re-adding it revives its counters', () => {
    const rt = LabRuntime.create('nat');
    curl(rt);
    const before = dests(rt).find((x) => x.addr === '192.168.99.140')!;
    expect(dir(rt, `ipvsadm -d -t ${VIP}:80 -r 192.168.99.140:888`).exit).toBe(0);
    expect(ipvsOf(rt.net.host('director')).trash.map((t) => t.dest)).toContain(before);
    expect(dir(rt, `ipvsadm -a -t ${VIP}:80 -r 192.168.99.140:888 -m`).exit).toBe(0);
    const after = dests(rt).find((x) => x.addr === '192.168.99.140')!;
    expect(after).toBe(before);
    expect(after.inactconns).toBe(1);
  });

  test('a SYN on a TIME_WAIT connection expires it and is scheduled afresh (conn_reuse_mode 1)', () => {
    const rt = LabRuntime.create('nat');
    curl(rt);
    const v = ipvsOf(rt.net.host('director'));
    const old = [...v.conns.byIn.values()][0]!;
    expect(old.state).toBe('TIME_WAIT');
    // The client reuses the same source port (its own TIME-WAIT socket gone, as with tcp_tw_reuse):
    // the director sees a SYN on a TIME_WAIT entry.
    const client = rt.net.host('client');
    for (const c of client.sockets.connections()) c.destroy('test');
    expect(rt.exec({ host: 'client', command: `curl -s --local-port ${old.cport} 172.16.132.18` }).exit).toBe(
      0,
    );
    const reuse = rt.trace.slice().filter((e) => e.kind === 'ipvs.conn' && e.event === 'reuse-expire');
    expect(reuse.length).toBe(1);
    expect(v.conns.byIn.get(v.conns.inKey(old))).not.toBe(old);
  });

  test('stats and the 2-second rate estimator', () => {
    const rt = LabRuntime.create('nat');
    for (let i = 0; i < 10; i++) curl(rt);
    const v = ipvsOf(rt.net.host('director'));
    expect(v.stats.counters.conns).toBe(10);
    expect(v.stats.counters.inpkts).toBe(50);
    expect(v.stats.counters.outpkts).toBe(30);
    sleep(rt, 2);
    expect(rates(v.stats).cps).toBeGreaterThan(0);
    expect(dir(rt, 'ipvsadm -Ln --rate').stdout).toMatch(
      /^TCP {2}172\.16\.132\.18:80 +\d+ +\d+ +\d+ +\d+ +\d+$/m,
    );
    expect(dir(rt, 'ipvsadm -Z').exit).toBe(0);
    expect(v.stats.counters.conns).toBe(0);
    expect(rt.sim.now).toBeGreaterThan(2 * SEC);
  });
});
