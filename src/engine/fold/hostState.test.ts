import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';
import type { Host } from '../stack/host';
import { HOOK_NAMES } from '../stack/netfilter';
import { ipvsOf } from '../ipvs/ipvs';
import { serviceKeyString } from '../ipvs/service';
import { hostStateAt, hostStatesAt } from './hostState';
import type { HostState } from './hostState';

function run(rt: LabRuntime, host: string, command: string) {
  const r = rt.exec({ host, command });
  expect(r.stderr).toBe('');
  return r;
}

const addrsOf = (s: HostState) => s.addrs.map((a) => `${a.label} ${a.addr}`);

/** The live host, in the fold's terms, to check the fold at the end of the trace against. */
function live(h: Host) {
  return {
    links: [...h.devices.values()].map((d) => `${d.name} ${d.kind} ${d.mac} ${d.mtu} ${d.up}`).sort(),
    addrs: h.addrs.map((a) => `${a.label} ${a.ip}/${a.prefix} ${a.scope} ${a.secondary}`).sort(),
    routes: h.routes.routes.map((r) => `${r.table} ${r.type} ${r.dst}/${r.prefix} ${r.via} ${r.dev}`).sort(),
    neigh: [...h.neigh.entries.values()]
      .filter((e) => e.state !== 'NONE')
      .map((e) => `${e.dev} ${e.ip} ${e.mac ?? null} ${e.state}`)
      .sort(),
    hooks: HOOK_NAMES.map((k) =>
      h.hooks
        .entries(k)
        .map((e) => `${e.name}/${e.priority}`)
        .join(','),
    ),
  };
}

function folded(s: HostState) {
  return {
    links: [...s.links.entries()].map(([n, d]) => `${n} ${d.devKind} ${d.mac} ${d.mtu} ${d.up}`).sort(),
    addrs: s.addrs.map((a) => `${a.label} ${a.addr} ${a.scope} ${a.secondary}`).sort(),
    routes: s.routes.map((r) => `${r.table} ${r.type} ${r.dst}/${r.prefix} ${r.via} ${r.dev}`).sort(),
    neigh: [...s.neigh.values()].map((e) => `${e.dev} ${e.ip} ${e.mac} ${e.state}`).sort(),
    hooks: HOOK_NAMES.map((k) => (s.hooks.get(k) ?? []).map((e) => `${e.name}/${e.priority}`).join(',')),
  };
}

describe('host state folded from the trace', () => {
  test('scrub back: before `ip addr add` the address is absent, after it is there', () => {
    const rt = LabRuntime.create('nat');
    const r = run(rt, 'director', 'ip addr add 192.168.99.199/32 dev eth0');
    const before = hostStateAt(rt.trace, r.traceFrom, 'director');
    const after = hostStateAt(rt.trace, r.traceTo, 'director');
    expect(addrsOf(before)).not.toContain('eth0 192.168.99.199/32');
    expect(addrsOf(after)).toContain('eth0 192.168.99.199/32');
    expect(after.routes.some((x) => x.table === 'local' && x.dst === '192.168.99.199')).toBe(true);
    expect(before.routes.some((x) => x.dst === '192.168.99.199')).toBe(false);
  });

  test('scrub back: `sysctl -w` shows the old value before and the new one after', () => {
    const rt = LabRuntime.create('dr');
    const key = 'net.ipv4.conf.all.arp_ignore';
    const r1 = run(rt, 'rs1', `sysctl -w ${key}=2`);
    const r2 = run(rt, 'rs1', `sysctl -w ${key}=0`);
    const at = (cursor: number) => hostStateAt(rt.trace, cursor, 'rs1').sysctl.get(key);
    expect(at(r1.traceFrom)).toBe(1); // the DR lab's setup wrote 1
    expect(at(r1.traceTo)).toBe(2);
    expect(at(r2.traceTo)).toBe(0);
    const ev = rt.trace.slice(r2.traceFrom, r2.traceTo).find((e) => e.kind === 'sysctl.set');
    expect(ev).toMatchObject({ host: 'rs1', name: key, old: 2, value: 0 });
  });

  test('ip_forward records the per-device forwarding keys it rewrote', () => {
    const rt = LabRuntime.create('nat', { bare: true });
    const r = run(rt, 'director', 'sysctl -w net.ipv4.ip_forward=1');
    const s = hostStateAt(rt.trace, r.traceTo, 'director').sysctl;
    expect(s.get('net.ipv4.ip_forward')).toBe(1);
    expect(s.get('net.ipv4.conf.eth0.forwarding')).toBe(1);
    expect(hostStateAt(rt.trace, r.traceFrom, 'director').sysctl.get('net.ipv4.ip_forward')).toBeUndefined();
  });

  test('links, addresses, routes, neighbours, hooks and IPVS at the end match the live hosts', () => {
    const rt = LabRuntime.create('nat', { bare: true });
    for (const [h, c] of [
      ['director', 'echo net.ipv4.ip_forward=1 >> /etc/sysctl.conf'],
      ['director', 'sysctl -p'],
      ['director', 'ipvsadm -A -t 172.16.132.18:80 -s wrr'],
      ['director', 'ipvsadm -a -t 172.16.132.18:80 -r 192.168.99.130:888 -m -w 2'],
      ['director', 'ipvsadm -a -t 172.16.132.18:80 -r 192.168.99.140:888 -m'],
      ['director', 'ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.140:888 -m -w 3'],
      ['director', 'ip addr add 10.9.9.9/24 dev eth0'],
      ['director', 'ip addr add 10.9.9.10/24 dev eth0'],
      ['director', 'ip addr del 10.9.9.9/24 dev eth0'],
      ['director', 'ip link set eth1 mtu 1400'],
      ['client', 'ping -c 1 172.16.132.18'],
      ['client', 'ip neigh flush dev eth0'],
    ] as const)
      rt.exec({ host: h, command: c });
    const states = hostStatesAt(rt.trace, rt.trace.length);
    const flush = rt.results.at(-1)!;
    expect(hostStateAt(rt.trace, flush.traceFrom, 'client').neigh.size).toBeGreaterThan(0);
    expect(states.get('client')!.neigh.size).toBe(0);
    expect(states.get('director')!.neigh.size).toBeGreaterThan(0);
    for (const [name, host] of rt.net.hosts) expect(folded(states.get(name)!), name).toEqual(live(host));
    const ipvs = states.get('director')!.ipvs;
    const svc = ipvsOf(rt.net.host('director')).services[0]!;
    expect(ipvs).toEqual([
      {
        service: serviceKeyString(svc.key),
        scheduler: 'wrr',
        dests: svc.dests.map((d) => ({ dest: d.key, fwd: d.fwd, weight: d.weight })),
      },
    ]);
  });

  test('each command’s output is in the trace, chunk by chunk, at the time it was printed', () => {
    const rt = LabRuntime.create('nat');
    const r = rt.exec({ host: 'client', command: 'curl -s 172.16.132.18; echo done >&2' });
    const chunks = rt.trace.slice(r.traceFrom, r.traceTo).filter((e) => e.kind === 'cmd.out');
    expect(
      chunks
        .filter((c) => c.stream === 'stdout')
        .map((c) => c.text)
        .join(''),
    ).toBe(r.stdout);
    expect(
      chunks
        .filter((c) => c.stream === 'stderr')
        .map((c) => c.text)
        .join(''),
    ).toBe(r.stderr);
    // curl's body is printed when the response arrives, after the SYN went out.
    const syn = rt.trace
      .slice()
      .findIndex((e) => e.kind === 'frame.tx' && e.host === 'client' && e.seq >= r.traceFrom);
    expect(chunks[0]!.seq).toBeGreaterThan(syn);
    expect(chunks[0]!.t).toBeGreaterThan(r.start);
  });
});
