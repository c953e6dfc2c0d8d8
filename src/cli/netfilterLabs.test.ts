import { describe, expect, test } from 'vitest';
import { fixture, runLab } from './labRun';

/** The kernel's hash_32(addr, 8) (include/linux/hash.h, GOLDEN_RATIO_32), as ip_vs_dh hashes. */
function dhBucket(ip: string): number {
  const n = ip.split('.').reduce((a, o) => ((a << 8) | Number(o)) >>> 0, 0);
  return Math.imul(n, 0x61c88647) >>> 24;
}

describe('fwmark services fed by iptables MARK (lab runner)', () => {
  test('DR: a MARK rule for VIP:80 and `ipvsadm -A -f 1 -s rr` answer from both real servers', () => {
    const { rows, trace } = runLab('dr', fixture('dr-fwmark-rr.txt'));
    const pages = rows.at(-1)!.stdout.trim().split('\n');
    expect(pages).toHaveLength(4);
    expect(new Set(pages)).toEqual(new Set(['rs1', 'rs2']));
    const marks = trace.filter(
      (e) => e.kind === 'iptables.verdict' && e.table === 'mangle' && e.hook === 'PREROUTING',
    );
    expect(marks.some((e) => (e.marks as unknown[]).length === 1 && e.ipvsService === 'FWM 1')).toBe(true);
  });

  test('NAT: eight director addresses marked by one /29 rule, spread by dh exactly as the kernel hashes', () => {
    const { rows } = runLab('nat', fixture('nat-fwmark-dh.txt'));
    const loop = rows.find((r) => r.command.startsWith('for i in $(seq 32 39); do echo'))!;
    const got = loop.stdout.trim().split('\n');
    expect(got).toHaveLength(8);
    // The kernel's dest list has the newest dest first (.140 = rs2); bucket i holds list[i % 2].
    const list = ['rs2', 'rs1'];
    for (const line of got) {
      const [ip, page] = line.split(' ');
      expect(page).toBe(list[dhBucket(ip!) % 2]);
    }
  });
});

describe('the LVS transparent cache-cluster recipe: fwmark, ip rule and a local route in table 100', () => {
  test('traffic for any address on port 80 is taken locally and scheduled by the fwmark service', () => {
    const { rows, trace } = runLab('dr', fixture('dr-cache-cluster.txt'));
    const inRoute = trace.find((e) => e.kind === 'route' && e.host === 'director' && e.dir === 'input');
    expect(inRoute).toMatchObject({ dst: '10.9.9.9', result: 'local' });
    const conns = rows.at(-1)!.stdout;
    expect(conns).toMatch(/^TCP .* 172\.16\.132\.78:\d+ +10\.9\.9\.9:80 +192\.168\.99\.140:80$/m);
  });
});

describe('filter INPUT before IPVS', () => {
  test('a DROP rule for the VIP port makes curl time out (28) and the trace names the rule', () => {
    const { rows, trace } = runLab('dr', fixture('dr-input-drop.txt'));
    const curl = rows.find((r) => r.command.startsWith('curl'))!;
    expect(curl.exit).toBe(28);
    const drop = trace.find((e) => e.kind === 'iptables.verdict' && e.verdict === 'DROP');
    expect(drop).toMatchObject({
      host: 'director',
      table: 'filter',
      chain: 'INPUT',
      rule: 1,
      spec: '-A INPUT -d 192.168.99.188/32 -p tcp -m tcp --dport 80 -j DROP',
      why: 'rule',
      ipvsService: 'TCP 192.168.99.188:80',
    });
    // The filter hook (priority 0) runs before ip_vs_in_hook (99), which never sees the packet.
    const hook = trace.find((e) => e.kind === 'hook' && e.host === 'director' && e.hook === 'INPUT')!;
    expect(hook.fns).toEqual([{ name: 'iptable_filter_hook', priority: 0, verdict: 'DROP' }]);
    const listing = rows.at(-1)!.stdout;
    expect(listing).toMatch(/^1 +\d+ +\d+ DROP/m);
  });
});
