/**
 * Failover findings through the lab runner on the ha lab (issue 15): real servers taken out and
 * back, failover with the time no director held the VIP, preemption, split brain, a firewall
 * dropping adverts, a DR real server that passes its check without the VIP, and vrrp_strict's
 * rule named as the one dropping the service.
 */
import { describe, expect, test } from 'vitest';
import { haKeepalivedConf } from '../labs/ha';
import { LabRuntime } from '../runtime/labRuntime';
import { scanFindings } from './scan';
import type { Finding } from './types';

const VIP = '192.168.99.188';
const RIPS = ['192.168.99.140', '192.168.99.150'];

function ha() {
  const rt = LabRuntime.create('ha', { seed: 2 });
  const sh = (host: string, command: string) => rt.exec({ host, command });
  const wait = (s: number) => sh('client', `sleep ${s}`);
  const found = (kind: string): Finding[] =>
    scanFindings(rt.sim.trace.slice()).findings.filter((f) => f.kind === kind);
  const writeConf = (host: string, conf: string) =>
    sh(host, `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${conf}EOF`);
  return { rt, sh, wait, found, writeConf };
}

describe('failover findings', () => {
  test('the configured lab has none', () => {
    const { rt, sh } = ha();
    expect(sh('client', `curl -s ${VIP}`).exit).toBe(0);
    const kinds = scanFindings(rt.sim.trace.slice()).findings.map((f) => f.kind);
    expect(kinds).toEqual([]);
  });

  test('httpd stopped on rs1: both directors take it out (with the check’s reason), then put it back', () => {
    const { sh, wait, found } = ha();
    sh('rs1', 'systemctl stop httpd');
    wait(16);
    const out = found('rsOut');
    expect(out.map((f) => f.params.host).sort()).toEqual(['director1', 'director2']);
    expect(out[0]!.params).toMatchObject({ rs: '192.168.99.140:80', vs: `[${VIP}]:80` });
    expect(out[0]!.params.reason).toMatch(/connecting/);
    expect(out[0]!.why).toBe('finding.rsOut.why.remove');
    expect(found('rsBack')).toEqual([]);
    sh('rs1', 'systemctl start httpd');
    wait(8);
    expect(
      found('rsBack')
        .map((f) => [f.params.host, f.params.rs, f.why])
        .sort(),
    ).toEqual([
      ['director1', '192.168.99.140:80', 'finding.rsBack.why.add'],
      ['director2', '192.168.99.140:80', 'finding.rsBack.why.add'],
    ]);
  });

  test('keepalived stopped on director1: failover to director2 with the priority-0 gap; director1 preempts on return', () => {
    const { sh, wait, found } = ha();
    sh('director1', 'systemctl stop keepalived');
    wait(4);
    const fo = found('failover');
    expect(fo).toHaveLength(1);
    expect(fo[0]!.hosts).toEqual(['director2', 'director1']);
    expect(fo[0]!.why).toBe('finding.failover.why.stop');
    // skew (≈0.65 s for priority 90) + one advert_int before the VIPs are set.
    const gap = Number(fo[0]!.params.gap);
    expect(gap).toBeGreaterThan(1.2);
    expect(gap).toBeLessThan(2.2);
    expect(found('preemption')).toEqual([]);
    sh('director1', 'systemctl start keepalived');
    wait(6);
    const pre = found('preemption');
    expect(pre.map((f) => [f.params.host, f.params.from])).toEqual([['director1', 'director2']]);
    expect(Number(pre[0]!.params.gap)).toBeLessThan(2);
    expect(found('failover')).toHaveLength(1);
    expect(found('splitBrain')).toEqual([]);
  });

  test('director1’s link down: failover after the master-down time (3 × advert_int + skew)', () => {
    const { sh, wait, found } = ha();
    sh('director1', 'ip link set eth0 down');
    wait(6);
    const fo = found('failover');
    expect(fo.map((f) => [f.params.host, f.params.from, f.why])).toEqual([
      ['director2', 'director1', 'finding.failover.why.fault'],
    ]);
    const gap = Number(fo[0]!.params.gap);
    expect(gap).toBeGreaterThan(3.6);
    expect(gap).toBeLessThan(5.2);
  });

  test('iptables on director2 drops VRRP: advert dropped, then split brain naming the rule', () => {
    const { sh, wait, found } = ha();
    expect(sh('director2', 'iptables -A INPUT -p vrrp -j DROP').exit).toBe(0);
    wait(6);
    const drop = found('advertDropped');
    expect(drop).toHaveLength(1);
    expect(drop[0]!.params).toMatchObject({
      host: 'director2',
      src: '192.168.99.120',
      spec: '-A INPUT -p vrrp -j DROP',
    });
    const sb = found('splitBrain');
    expect(sb.map((f) => [f.params.host, f.params.other, f.why])).toEqual([
      ['director2', 'director1', 'finding.splitBrain.why.firewall'],
    ]);
    expect(sb[0]!.params.detail).toBe(drop[0]!.params.spec);
    expect(found('failover')).toEqual([]);
  });

  test('a virtual_router_id mismatch: split brain, the adverts unheard', () => {
    const { sh, wait, found, writeConf } = ha();
    writeConf(
      'director2',
      haKeepalivedConf('director2', false, RIPS).replace('virtual_router_id 51', 'virtual_router_id 52'),
    );
    sh('director2', 'systemctl restart keepalived');
    wait(6);
    expect(found('splitBrain').map((f) => [f.params.host, f.params.other, f.why])).toEqual([
      ['director2', 'director1', 'finding.splitBrain.why.unheard'],
    ]);
  });

  test('rs1 without the VIP on lo: it passes its HTTP_GET but drops what DR forwards to the VIP', () => {
    const { sh, found } = ha();
    sh('rs1', `ip addr del ${VIP}/32 dev lo`);
    for (let i = 0; i < 2; i++) sh('client', `curl -s -m 2 ${VIP}`);
    const f = found('healthyNoVip');
    expect(f).toHaveLength(1);
    expect(f[0]!.params).toMatchObject({
      host: 'rs1',
      rip: '192.168.99.140',
      vip: VIP,
      director: 'director1',
    });
    expect(f[0]!.hosts).toEqual(['rs1', 'director1']);
  });

  test('vrrp_strict on director1: its set rule drops the service, named as iptables -S prints it', () => {
    const { sh, wait, found, writeConf } = ha();
    const conf = haKeepalivedConf('director1', true, RIPS).replace(
      'global_defs {',
      'global_defs {\n   vrrp_strict',
    );
    writeConf('director1', conf);
    sh('director1', 'systemctl restart keepalived');
    wait(6);
    expect(sh('client', `curl -s -m 2 ${VIP}`).exit).toBe(28);
    const f = found('iptablesDrop');
    expect(f.map((x) => [x.params.host, x.params.spec, x.params.rule])).toEqual([
      ['director1', '-A INPUT -m set --match-set keepalived dst -j DROP', 1],
    ]);
    expect(sh('director1', 'iptables -S INPUT').stdout).toContain(f[0]!.params.spec as string);
  });
});
