import { describe, expect, test } from 'vitest';
import { fixture, runLab } from './labRun';
import type { LabRun } from './labRun';

function answers(run: LabRun): string[] {
  return run.rows.filter((r) => r.command.includes('| nc -u')).map((r) => r.stdout);
}

/** `ipvsadm -Lnc` UDP rows: state UDP, expiry just under the 300 s UDP timeout. */
function udpRows(run: LabRun): string[] {
  const list = run.rows.find((r) => r.command === 'ipvsadm -Lnc')!.stdout;
  return list.split('\n').filter((l) => l.startsWith('UDP'));
}

function expectFreshUdpEntries(rows: string[]): void {
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    const m = /^UDP (\d\d):(\d\d) +UDP +/.exec(row);
    expect(m).not.toBeNull();
    const left = Number(m![1]) * 60 + Number(m![2]);
    expect(left).toBeLessThan(300);
    expect(left).toBeGreaterThan(290);
  }
}

describe('UDP end to end with nc (lab runner)', () => {
  test('NAT: nc -u gets its echo back from both real servers; -Lnc shows UDP entries', () => {
    const run = runLab('nat', fixture('nat-udp.txt'));
    expect(answers(run).slice(0, 2)).toEqual(['hello1\n', 'hello2\n']);
    expectFreshUdpEntries(udpRows(run));
    const dests = udpRows(run).map((r) => r.split(/ +/).at(-1));
    expect(new Set(dests)).toEqual(new Set(['192.168.99.130:53', '192.168.99.140:53']));
  });

  test('NAT: a real server’s port unreachable reaches the client from the VIP (ip_vs_out_icmp)', () => {
    const run = runLab('nat', fixture('nat-udp.txt'));
    const nat = run.trace.find((e) => e.kind === 'ipvs.icmp' && e.action === 'nat');
    expect(nat).toMatchObject({ host: 'director', fn: 'ip_vs_out_icmp', hook: 'FORWARD', type: 3, code: 3 });
    const got = run.trace.find((e) => e.kind === 'icmp.rcv-error' && e.host === 'client');
    expect(got).toMatchObject({ from: '172.16.132.18', about: '172.16.132.78>172.16.132.18' });
  });

  test('DR: nc -u gets answers from both real servers, straight from the VIP', () => {
    const run = runLab('dr', fixture('dr-udp.txt'));
    expect(answers(run)).toEqual(['hello1\n', 'hello2\n']);
    expectFreshUdpEntries(udpRows(run));
    const refused = run.rows.at(-1)!;
    expect(refused.stderr).toContain('Ncat: Connection refused.');
    expect(refused.exit).toBe(1);
  });

  test('TUN: nc -u gets answers through the tunnels from both real servers', () => {
    const run = runLab('tun', fixture('tun-udp.txt'));
    expect(answers(run)).toEqual(['hello1\n', 'hello2\n']);
    expectFreshUdpEntries(udpRows(run));
    const dests = udpRows(run).map((r) => r.split(/ +/).at(-1));
    expect(new Set(dests)).toEqual(new Set(['10.10.1.10:53', '10.10.2.10:53']));
  });

  test('bash /dev/udp: the datagram is scheduled, and the client’s port unreachable about the echo goes on to the real server', () => {
    const run = runLab('nat', fixture('nat-dev-udp.txt'));
    const rows = udpRows(run);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      /^UDP 0[45]:\d\d +UDP +172\.16\.132\.78:\d+ +172\.16\.132\.18:53 +192\.168\.99\.130:53$/,
    );
    const fwd = run.trace.find((e) => e.kind === 'ipvs.icmp' && e.action === 'forward');
    expect(fwd).toMatchObject({ fn: 'ip_vs_in_icmp', hook: 'INPUT', to: '192.168.99.130', code: 3 });
  });
});
