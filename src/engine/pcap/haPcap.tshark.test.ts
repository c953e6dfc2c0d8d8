/**
 * The pcapng of a keepalived failover in the ha lab, dissected by tshark: VRRP adverts
 * (including the priority-0 one) and gratuitous ARPs decode with no warnings and a good
 * VRRP checksum. The one expert remark allowed is ARP's "duplicate IP address" for the VIP, which
 * is what a failover is. Fails, never skips, without tshark.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';
import { exportPcapng } from './exportNetwork';

const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-ha-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tshark(file: string, filter: string, fields: string[]): string[][] {
  const out = execFileSync(
    'tshark',
    [
      '-r',
      file,
      '-o',
      'ip.check_checksum:TRUE',
      '-Y',
      filter,
      '-T',
      'fields',
      '-E',
      'separator=|',
      ...fields.flatMap((f) => ['-e', f]),
    ],
    { encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('|'));
}

test('a failover’s pcapng: VRRP and gratuitous ARP dissect cleanly', () => {
  const rt = LabRuntime.create('ha', { seed: 3 });
  rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' });
  rt.exec({ host: 'director1', command: 'systemctl stop keepalived' });
  rt.exec({ host: 'client', command: 'sleep 3' });
  rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' });
  const file = join(dir, 'ha-failover.pcapng');
  writeFileSync(file, exportPcapng(rt.net));
  expect(
    tshark(
      file,
      '_ws.malformed || (_ws.expert.severity >= "warning" && !arp.duplicate-address-detected) || ip.checksum.status == "Bad"',
      ['frame.number'],
    ),
  ).toEqual([]);
  const vrrp = tshark(file, 'vrrp', [
    'ip.src',
    'ip.dst',
    'ip.ttl',
    'vrrp.version',
    'vrrp.type',
    'vrrp.virt_rtr_id',
    'vrrp.prio',
    'vrrp.auth_type',
    'vrrp.adver_int',
    'vrrp.ip_addr',
    'vrrp.checksum.status',
  ]);
  expect(vrrp.length).toBeGreaterThan(3);
  for (const v of vrrp)
    expect(v.slice(1)).toEqual(
      expect.arrayContaining(['224.0.0.18', '255', '2', '1', '51', '1', '192.168.99.188']),
    );
  expect(vrrp.map((v) => v[10])).toEqual(vrrp.map(() => '1')); // PROTO_CHECKSUM_E_GOOD
  expect(vrrp.filter((v) => v[0] === '192.168.99.120').map((v) => v[6])).toContain('0');
  expect(vrrp.filter((v) => v[0] === '192.168.99.121').map((v) => v[6])).toContain('90');
  // tshark's only remark is the failover itself: the VIP's MAC changed (director1's, then director2's).
  const dup = tshark(file, 'arp.duplicate-address-detected', ['arp.src.proto_ipv4', 'eth.src']);
  expect(dup.length).toBeGreaterThan(0);
  expect(dup.every((d) => d[0] === '192.168.99.188' && d[1] === '52:54:00:00:04:00')).toBe(true);
  const garps = tshark(file, 'arp.isgratuitous == 1', ['eth.src', 'arp.src.proto_ipv4', 'arp.opcode']);
  expect(garps.filter((g) => g[0] === '52:54:00:00:04:00')).toHaveLength(5);
  expect(garps.every((g) => g[1] === '192.168.99.188' && g[2] === '1')).toBe(true);
}, 60_000);
