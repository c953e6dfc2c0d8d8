/**
 * Firewall findings through the lab runner (issue 13): iptables dropping or rejecting what IPVS
 * would have served, named by its rule; a MARK no fwmark service matches.
 */
import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';
import { scanFindings } from './scan';

const VIP = '192.168.99.188';

function dr(): { rt: LabRuntime; sh: (host: string, command: string) => ReturnType<LabRuntime['exec']> } {
  const rt = LabRuntime.create('dr', { seed: 3 });
  return { rt, sh: (host, command) => rt.exec({ host, command }) };
}
const found = (rt: LabRuntime, kind: string) =>
  scanFindings(rt.sim.trace.slice()).findings.filter((f) => f.kind === kind);

describe('firewall findings', () => {
  test('an INPUT DROP for the VIP’s port: curl times out (28) and the finding names the rule', () => {
    const { rt, sh } = dr();
    expect(sh('director', 'iptables -A INPUT -p icmp -j ACCEPT').exit).toBe(0);
    expect(sh('director', `iptables -A INPUT -d ${VIP}/32 -p tcp --dport 80 -j DROP`).exit).toBe(0);
    const r = sh('client', `curl -s -m 2 ${VIP}`);
    expect(r.exit).toBe(28);
    const fs = found(rt, 'iptablesDrop');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.params).toMatchObject({
      host: 'director',
      table: 'filter',
      chain: 'INPUT',
      rule: 2,
      spec: `-A INPUT -d ${VIP}/32 -p tcp -m tcp --dport 80 -j DROP`,
      service: `TCP ${VIP}:80`,
      dst: `${VIP}:80`,
    });
    expect(sh('director', 'iptables -S INPUT').stdout).toContain(fs[0]!.params.spec as string);
    expect(fs[0]!.why).toBe('finding.iptablesDrop.why.drop');
    // Deleting the rule it names fixes the service.
    expect(sh('director', 'iptables -D INPUT 2').exit).toBe(0);
    expect(sh('client', `curl -s -m 2 ${VIP}`).stdout).toMatch(/^rs\d\n$/);
  });

  test('REJECT with tcp-reset: curl fails at once (7), the finding says reject; a DROP policy is named as such', () => {
    const { rt, sh } = dr();
    sh('director', 'iptables -A INPUT -p tcp --dport 80 -j REJECT --reject-with tcp-reset');
    expect(sh('client', `curl -s -m 2 ${VIP}`).exit).toBe(7);
    expect(found(rt, 'iptablesDrop').map((f) => [f.why, f.params.rule])).toEqual([
      ['finding.iptablesDrop.why.reject', 1],
    ]);
    sh('director', 'iptables -F INPUT');
    sh('director', 'iptables -P INPUT DROP');
    expect(sh('client', `curl -s -m 1 ${VIP}`).exit).toBe(28);
    const pol = found(rt, 'iptablesDrop').at(-1)!;
    expect(pol.why).toBe('finding.iptablesDrop.why.policy');
    expect(pol.params).toMatchObject({ rule: 0, spec: '-P INPUT DROP' });
  });

  test('traffic IPVS would not serve is not a finding (a DROP for another port)', () => {
    const { rt, sh } = dr();
    sh('director', 'iptables -A INPUT -p tcp --dport 22 -j DROP');
    sh('client', `curl -s -m 1 ${VIP}:22`);
    expect(sh('client', `curl -s -m 2 ${VIP}`).exit).toBe(0);
    expect(found(rt, 'iptablesDrop')).toEqual([]);
  });

  test('a MARK with no fwmark service: the finding names the mark and its rule; adding the service clears it', () => {
    const { rt, sh } = dr();
    sh('director', `iptables -t mangle -A PREROUTING -d ${VIP}/32 -p tcp --dport 80 -j MARK --set-mark 2`);
    expect(sh('client', `curl -s -m 2 ${VIP}`).stdout).toMatch(/^rs\d\n$/); // the TCP service still serves
    const fs = found(rt, 'markNoService');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.params).toMatchObject({
      host: 'director',
      mark: 2,
      table: 'mangle',
      chain: 'PREROUTING',
      rule: 1,
    });
    const n = rt.sim.trace.slice().length;
    sh('director', 'ipvsadm -A -f 2 -s rr');
    sh('director', 'ipvsadm -a -f 2 -r 192.168.99.140 -g');
    expect(sh('client', `curl -s -m 2 ${VIP}`).stdout).toBe('rs1\n');
    expect(found(rt, 'markNoService').filter((f) => f.at >= n)).toEqual([]);
  });

  test('a mark on a host without IPVS (policy routing only) is not a finding', () => {
    const { rt, sh } = dr();
    sh('router', 'iptables -t mangle -A PREROUTING -j MARK --set-mark 7');
    expect(sh('client', `curl -s -m 2 ${VIP}`).exit).toBe(0);
    expect(found(rt, 'markNoService')).toEqual([]);
  });
});
