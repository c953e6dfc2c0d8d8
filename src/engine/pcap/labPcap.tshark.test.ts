/**
 * The pcapng of each configured lab, dissected by tshark with checksum validation on
 * (issue: pcapng export). Fails, never skips, without tshark: the test setup installs it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { configuredDr, configuredNat, configuredTun } from '../testing/configuredLabs';
import type { TestLab } from '../testing/testLab';
import { exportPcapng } from './exportNetwork';

const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(name: string, lab: TestLab, vip: string): string {
  expect(lab.curl('client', vip).exit).toBe(0);
  lab.run(1);
  const file = join(dir, `${name}.pcapng`);
  writeFileSync(file, exportPcapng(lab.net));
  return file;
}

function tshark(file: string, filter: string, fields: string[]): string[][] {
  const args = [
    '-r',
    file,
    '-o',
    'ip.check_checksum:TRUE',
    '-o',
    'tcp.check_checksum:TRUE',
    '-o',
    'udp.check_checksum:TRUE',
    '-Y',
    filter,
    '-T',
    'fields',
    '-E',
    'separator=|',
    ...fields.flatMap((f) => ['-e', f]),
  ];
  const out = execFileSync('tshark', args, { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('|'));
}

function expectClean(file: string): void {
  const all = tshark(file, 'frame', ['frame.number']);
  expect(all.length).toBeGreaterThan(10);
  expect(
    tshark(
      file,
      '_ws.malformed || _ws.expert.severity >= "warning" || ip.checksum.status == "Bad" || tcp.checksum.status == "Bad" || icmp.checksum.status == "Bad"',
      ['frame.number'],
    ),
  ).toEqual([]);
}

describe('pcapng of the configured labs, checked by tshark', () => {
  test('NAT: clean, and the director rewrote the port to 888 on the private segment', () => {
    const l = configuredNat();
    const f = capture('nat', l, '172.16.132.18');
    expectClean(f);
    const syns = tshark(f, 'tcp.flags.syn == 1 && tcp.flags.ack == 0', [
      'frame.interface_name',
      'ip.dst',
      'tcp.dstport',
    ]);
    expect(syns).toEqual([
      ['public', '172.16.132.18', '80'],
      ['private', '192.168.99.140', '888'],
    ]);
  });

  test('DR: the director’s frame to a real server carries its MAC while ip.dst is the VIP', () => {
    const l = configuredDr();
    const f = capture('dr', l, '192.168.99.188');
    expectClean(f);
    const rs2Mac = l.host('rs2').devices.get('eth0')!.mac;
    const dirMac = l.host('director').devices.get('eth0')!.mac;
    const rows = tshark(f, `eth.src == ${dirMac} && ip`, ['eth.dst', 'ip.dst']);
    expect(rows.length).toBeGreaterThan(0);
    for (const [ethDst, ipDst] of rows) expect([ethDst, ipDst]).toEqual([rs2Mac, '192.168.99.188']);
  });

  test('TUN: ip.proto == 4 with the VIP inside', () => {
    const l = configuredTun();
    const f = capture('tun', l, '192.168.99.188');
    expectClean(f);
    const rows = tshark(f, 'ip.proto == 4', ['ip.src', 'ip.dst']);
    expect(rows.length).toBeGreaterThan(0);
    // tshark lists outer then inner addresses for IP-in-IP.
    expect(rows[0]).toEqual(['192.168.99.120,172.16.132.78', '10.10.2.10,192.168.99.188']);
  });
});
