/**
 * Known answers from real Linux frames (fixtures/README.md says how they were captured):
 * decode them, check the fields and checksums, and re-encode them byte for byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes';
import { decodeFrame, encodeFrame, frameLength, verifyFrame } from './frame';
import { readIcmpOriginal } from './icmp';
import {
  ARPOP_REPLY,
  ARPOP_REQUEST,
  ETH_P_ARP,
  ETH_P_IP,
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  ICMP_PORT_UNREACH,
  IPPROTO_ICMP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  TCP_SYN,
} from './types';
import type { ArpPacket, IcmpMessage, Ipv4Packet, TcpSegment, UdpDatagram } from './types';

interface PcapRecord {
  tsSec: number;
  tsUsec: number;
  origLen: number;
  bytes: Uint8Array;
}

/** A classic libpcap reader (not pcapng): 24-byte file header, 16-byte record headers. */
function readPcap(file: Uint8Array): { linktype: number; records: PcapRecord[] } {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magic = view.getUint32(0, true);
  if (magic !== 0xa1b2c3d4 && magic !== 0xd4c3b2a1)
    throw new Error(`not a microsecond pcap file: ${magic.toString(16)}`);
  const le = magic === 0xa1b2c3d4;
  expect([view.getUint16(4, le), view.getUint16(6, le)]).toEqual([2, 4]);
  const linktype = view.getUint32(20, le);
  const records: PcapRecord[] = [];
  let at = 24;
  while (at < file.length) {
    const inclLen = view.getUint32(at + 8, le);
    records.push({
      tsSec: view.getUint32(at, le),
      tsUsec: view.getUint32(at + 4, le),
      origLen: view.getUint32(at + 12, le),
      bytes: file.subarray(at + 16, at + 16 + inclLen),
    });
    at += 16 + inclLen;
  }
  expect(at).toBe(file.length);
  return { linktype, records };
}

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const frames = JSON.parse(new TextDecoder().decode(fixture('frames.json'))) as Record<string, string>;

/** Linux on veth sends frames unpadded; we pad to 60 on encode, so compare with padding off too. */
function expectReencodes(bytes: Uint8Array): void {
  const decoded = decodeFrame(bytes);
  expect(encodeFrame(decoded, false)).toEqual(bytes);
  expect(frameLength(decoded, false)).toBe(bytes.length);
  const padded = encodeFrame(decoded);
  expect(padded.length).toBe(Math.max(60, bytes.length));
  expect(padded.subarray(0, bytes.length)).toEqual(bytes);
  expect(padded.subarray(bytes.length).every((b) => b === 0)).toBe(true);
  expect(decodeFrame(padded)).toEqual(decoded);
}

describe('fixtures/tcp-syn.pcap', () => {
  const { linktype, records } = readPcap(fixture('tcp-syn.pcap'));

  it('holds one Ethernet frame of 74 bytes', () => {
    expect(linktype).toBe(1);
    expect(records).toHaveLength(1);
    expect(records[0]?.origLen).toBe(74);
    expect(bytesToHex(records[0]?.bytes ?? new Uint8Array())).toBe(frames.tcpSyn);
  });

  const bytes = records[0]?.bytes ?? new Uint8Array();

  it('decodes to the SYN Linux sent, options in Linux order', () => {
    const frame = decodeFrame(bytes);
    expect(frame).toMatchObject({ dst: '02:00:0a:62:4d:02', src: '02:00:0a:62:4d:01', ethertype: ETH_P_IP });
    const ip = frame.payload as Ipv4Packet;
    expect(ip).toMatchObject({
      proto: 'ipv4',
      src: '10.98.77.1',
      dst: '10.98.77.2',
      protocol: IPPROTO_TCP,
      ttl: 64,
      tos: 0,
      df: true,
      mf: false,
      fragOffset: 0,
      id: 684,
      ihl: 5,
      totalLength: 60,
      checksum: 0x8949,
    });
    expect(ip.options).toBeUndefined();
    const tcp = ip.payload as TcpSegment;
    expect(tcp).toMatchObject({
      proto: 'tcp',
      srcPort: 53654,
      dstPort: 8080,
      seq: 819957782,
      ack: 0,
      window: 64240,
      urgent: 0,
      dataOffset: 10,
      checksum: 0x9be0,
      data: '',
    });
    expect(tcp.flags).toBe(TCP_SYN); // SYN and nothing else
    expect(tcp.options).toEqual([
      { kind: 'mss', value: 1460 },
      { kind: 'sackOk' },
      { kind: 'ts', val: 350501732, ecr: 0 },
      { kind: 'nop' },
      { kind: 'wscale', shift: 10 },
    ]);
  });

  it('has valid checksums and re-encodes to exactly the same bytes', () => {
    expect(verifyFrame(bytes)).toEqual([]);
    expect(encodeFrame(decodeFrame(bytes))).toEqual(bytes); // 74 bytes: no padding involved
  });

  it('is caught by verifyFrame when a bit flips', () => {
    const bad = bytes.slice();
    bad[40] = (bad[40] as number) ^ 0x80; // inside the sequence number
    expect(verifyFrame(bad).map((p) => p.layer)).toEqual(['tcp']);
  });
});

describe('fixtures/udp-icmp.pcap', () => {
  const { records } = readPcap(fixture('udp-icmp.pcap'));
  const names = [
    'arpRequest',
    'arpReply',
    'udpHello',
    'icmpPortUnreachable',
    'icmpEchoRequest',
    'icmpEchoReply',
  ];

  it('holds the six frames listed in frames.json, unpadded as captured on veth', () => {
    expect(records.map((r) => bytesToHex(r.bytes))).toEqual(names.map((n) => frames[n]));
    expect(records.map((r) => r.origLen)).toEqual([42, 42, 48, 76, 46, 46]);
    expect(records[0]?.tsSec).toBeGreaterThan(0);
  });

  it('all have valid checksums and re-encode to the same bytes (plus padding)', () => {
    for (const r of records) {
      expect(verifyFrame(r.bytes)).toEqual([]);
      expectReencodes(r.bytes);
    }
  });

  it('decodes ARP request and reply', () => {
    const [req, rep] = records.map((r) => decodeFrame(r.bytes));
    expect(req).toMatchObject({ dst: 'ff:ff:ff:ff:ff:ff', ethertype: ETH_P_ARP });
    expect(req?.payload).toEqual({
      proto: 'arp',
      htype: 1,
      ptype: ETH_P_IP,
      op: ARPOP_REQUEST,
      sha: '02:00:0a:62:4d:01',
      spa: '10.98.77.1',
      tha: '00:00:00:00:00:00',
      tpa: '10.98.77.2',
    } satisfies ArpPacket);
    expect(rep?.payload).toMatchObject({
      op: ARPOP_REPLY,
      sha: '02:00:0a:62:4d:02',
      spa: '10.98.77.2',
      tha: '02:00:0a:62:4d:01',
    });
  });

  it('decodes the UDP datagram and the port unreachable that answers it', () => {
    const udp = decodeFrame(records[2]?.bytes ?? new Uint8Array()).payload as Ipv4Packet;
    expect(udp.protocol).toBe(IPPROTO_UDP);
    expect(udp.payload).toEqual({
      proto: 'udp',
      srcPort: 36482,
      dstPort: 9999,
      data: 'hello\n',
      length: 14,
      checksum: 0x579d,
    } satisfies UdpDatagram);
    const err = decodeFrame(records[3]?.bytes ?? new Uint8Array()).payload as Ipv4Packet;
    expect(err).toMatchObject({
      protocol: IPPROTO_ICMP,
      tos: 0xc0,
      df: false,
      src: '10.98.77.2',
      dst: '10.98.77.1',
    });
    const icmp = err.payload as IcmpMessage;
    expect(icmp).toMatchObject({ type: ICMP_DEST_UNREACH, code: ICMP_PORT_UNREACH, mtu: 0 });
    const quoted = readIcmpOriginal('original' in icmp ? icmp.original : '');
    expect(quoted).toMatchObject({
      srcPort: 36482,
      dstPort: 9999,
      header: { id: udp.id, src: '10.98.77.1' },
    });
  });

  it('decodes the echo request and reply', () => {
    const [req, rep] = [records[4], records[5]].map(
      (r) => (decodeFrame(r?.bytes ?? new Uint8Array()).payload as Ipv4Packet).payload,
    );
    expect(req).toEqual({
      proto: 'icmp',
      type: ICMP_ECHO,
      code: 0,
      ident: 0x24f5,
      sequence: 1,
      data: 'abcd',
      checksum: 0x0e43,
    });
    expect(rep).toMatchObject({ type: ICMP_ECHOREPLY, ident: 0x24f5, sequence: 1, data: 'abcd' });
  });
});
