/**
 * Wireshark's opinion of our bytes: write a pcapng of every frame kind the lab sends and let
 * tshark dissect it with checksum validation on. Needs tshark on PATH; the project's test
 * setup installs it, and this test fails (never skips) without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arpRequest } from '../packet/arp';
import { encodeFrame } from '../packet/frame';
import { icmpEcho, icmpFragNeeded, icmpPortUnreachable } from '../packet/icmp';
import { encapsulateIpip } from '../packet/ipip';
import {
  BROADCAST_MAC,
  ETH_P_ARP,
  ETH_P_IP,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  TCP_SYN,
} from '../packet/types';
import type { EthernetFrame, Ipv4Packet, TcpSegment } from '../packet/types';
import { writePcapng } from './pcapng';

const CLIENT = '52:54:00:00:00:01';
const DIRECTOR = '52:54:00:00:00:02';

const ip = (
  protocol: number,
  payload: Ipv4Packet['payload'],
  src = '10.0.0.1',
  dst = '10.0.0.2',
): Ipv4Packet => ({
  proto: 'ipv4',
  tos: 0,
  id: 0x1000,
  df: true,
  mf: false,
  fragOffset: 0,
  ttl: 64,
  protocol,
  src,
  dst,
  payload,
});
const eth = (payload: Ipv4Packet, dst = DIRECTOR, src = CLIENT): EthernetFrame => ({
  dst,
  src,
  ethertype: ETH_P_IP,
  payload,
});

const syn = (srcPort: number, seq: number): TcpSegment => ({
  proto: 'tcp',
  srcPort,
  dstPort: 80,
  seq,
  ack: 0,
  flags: TCP_SYN,
  window: 64240,
  urgent: 0,
  data: '',
  options: [
    { kind: 'mss', value: 1460 },
    { kind: 'sackOk' },
    { kind: 'ts', val: 4242, ecr: 0 },
    { kind: 'nop' },
    { kind: 'wscale', shift: 7 },
  ],
});
const udp = ip(IPPROTO_UDP, { proto: 'udp', srcPort: 40001, dstPort: 40002, data: 'hello, 世界' });
const bigTcp = ip(IPPROTO_TCP, { ...syn(40003, 1), flags: 0x18, options: [], data: 'x'.repeat(1460) });

const FRAMES: { name: string; frame: EthernetFrame; protocols: string }[] = [
  {
    name: 'arp',
    frame: {
      dst: BROADCAST_MAC,
      src: CLIENT,
      ethertype: ETH_P_ARP,
      payload: arpRequest(CLIENT, '10.0.0.1', '10.0.0.2'),
    },
    protocols: 'eth:ethertype:arp',
  },
  { name: 'syn', frame: eth(ip(IPPROTO_TCP, syn(40000, 1000))), protocols: 'eth:ethertype:ip:tcp' },
  { name: 'udp', frame: eth(udp), protocols: 'eth:ethertype:ip:udp:data' },
  {
    name: 'echo',
    frame: eth(ip(IPPROTO_ICMP, icmpEcho(7, 1, 'abcdefgh'))),
    protocols: 'eth:ethertype:ip:icmp:data',
  },
  {
    name: 'port unreachable',
    frame: eth(ip(IPPROTO_ICMP, icmpPortUnreachable(udp), '10.0.0.2', '10.0.0.1'), CLIENT, DIRECTOR),
    protocols: 'eth:ethertype:ip:icmp:ip:udp',
  },
  {
    name: 'frag needed',
    frame: eth(ip(IPPROTO_ICMP, icmpFragNeeded(bigTcp, 1480), '10.0.0.2', '10.0.0.1'), CLIENT, DIRECTOR),
    protocols: 'eth:ethertype:ip:icmp:ip:tcp',
  },
  {
    name: 'ipip',
    frame: eth(
      encapsulateIpip(ip(IPPROTO_TCP, syn(41000, 2000), '203.0.113.5', '192.168.99.188'), {
        src: '10.0.0.2',
        dst: '10.0.0.3',
        id: 1,
      }),
    ),
    protocols: 'eth:ethertype:ip:ip:tcp',
  },
];

const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-tshark-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIELDS = [
  'frame.interface_name',
  'frame.time_epoch',
  'frame.len',
  'frame.protocols',
  'ip.checksum.status',
  'tcp.checksum.status',
  'udp.checksum.status',
  'icmp.checksum.status',
  '_ws.expert.severity',
  '_ws.expert.message',
];
const WARN = 0x00600000; // Wireshark PI_WARN; chat (0x200000) and note (0x400000) are fine

/** Runs tshark with checksum validation on; one array of FIELDS per frame. */
function tshark(file: string): string[][] {
  const args = [
    '-r',
    file,
    '-o',
    'ip.check_checksum:TRUE',
    '-o',
    'tcp.check_checksum:TRUE',
    '-o',
    'udp.check_checksum:TRUE',
    '-T',
    'fields',
    '-E',
    'separator=|',
    '-E',
    'occurrence=a',
    ...FIELDS.flatMap((f) => ['-e', f]),
  ];
  let out: string;
  try {
    out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing ? 'tshark not found on PATH (apt-get install -y tshark)' : `tshark failed: ${String(e)}`,
      {
        cause: e,
      },
    );
  }
  return out
    .trimEnd()
    .split('\n')
    .map((line) => line.split('|'));
}

function writeCapture(name: string, frames: Uint8Array[]): string {
  const file = join(dir, name);
  const packets = frames.map((bytes, i) => ({ iface: i % 2, timeUs: 1_000_000 + 250 * i, bytes }));
  writeFileSync(file, writePcapng([{ name: 'public' }, { name: 'lan' }], packets));
  return file;
}

describe('pcapng through tshark', () => {
  it('dissects every frame kind with good checksums and no warnings or malformed packets', () => {
    const rows = tshark(
      writeCapture(
        'all.pcapng',
        FRAMES.map((f) => encodeFrame(f.frame)),
      ),
    );
    expect(rows).toHaveLength(FRAMES.length);
    rows.forEach((row, i) => {
      const [iface, time, len, protocols, ipStatus, tcpStatus, udpStatus, icmpStatus, severity, messages] =
        row;
      const what = `${FRAMES[i]?.name}: ${messages}`;
      expect(iface, what).toBe(i % 2 === 0 ? 'public' : 'lan');
      expect(time, what).toBe(`1.${String(250 * i).padStart(6, '0')}000`);
      expect(Number(len), what).toBeGreaterThanOrEqual(60);
      expect(protocols, what).toBe(FRAMES[i]?.protocols);
      // Status 1 = good, 2 = not checked (quoted headers inside ICMP), 0 = bad.
      for (const status of [ipStatus, tcpStatus, udpStatus, icmpStatus]) {
        for (const s of (status ?? '').split(',').filter(Boolean)) expect(['1', '2'], what).toContain(s);
      }
      const worst = Math.max(0, ...(severity ?? '').split(',').filter(Boolean).map(Number));
      expect(worst, what).toBeLessThan(WARN);
      expect(messages, what).not.toMatch(/malformed|bad checksum|incorrect/i);
    });
    // Good checksums were actually checked, not merely absent.
    expect(rows[1]?.[5]).toBe('1');
    expect(rows[2]?.[6]).toBe('1');
    expect(rows[3]?.[7]).toBe('1');
    expect(rows[6]?.[4]).toBe('1,1');
  });

  it('does flag a corrupted checksum (the check above can fail)', () => {
    const tcp = encodeFrame(FRAMES[1]?.frame as EthernetFrame);
    tcp[14 + 20 + 4] = (tcp[14 + 20 + 4] as number) ^ 0xff; // sequence number byte
    const udpFrame = encodeFrame(FRAMES[2]?.frame as EthernetFrame);
    udpFrame[14 + 10] = (udpFrame[14 + 10] as number) ^ 0xff; // IP header checksum byte
    const [tcpRow, udpRow] = tshark(writeCapture('bad.pcapng', [tcp, udpFrame]));
    expect(tcpRow?.[5]).toBe('0');
    expect(Math.max(...(tcpRow?.[8] ?? '0').split(',').map(Number))).toBeGreaterThanOrEqual(WARN);
    expect(udpRow?.[4]).toBe('0');
  });
});
