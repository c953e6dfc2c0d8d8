import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from './bytes';
import { encodeFrame, verifyFrame } from './frame';
import { icmpEcho } from './icmp';
import { encapsulateIpip } from './ipip';
import { arbFrame } from './testing/arbitraries';
import { ETH_P_ARP, ETH_P_IP, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, TCP_SYN } from './types';
import type { EthernetFrame, Ipv4Packet } from './types';

const ip = (protocol: number, payload: Ipv4Packet['payload']): Ipv4Packet => ({
  proto: 'ipv4',
  tos: 0,
  id: 1,
  df: true,
  mf: false,
  fragOffset: 0,
  ttl: 64,
  protocol,
  src: '10.0.0.1',
  dst: '10.0.0.2',
  payload,
});
const eth = (payload: Ipv4Packet): EthernetFrame => ({
  dst: '52:54:00:00:00:02',
  src: '52:54:00:00:00:01',
  ethertype: ETH_P_IP,
  payload,
});

const tcp = ip(IPPROTO_TCP, {
  proto: 'tcp',
  srcPort: 1,
  dstPort: 80,
  seq: 1,
  ack: 0,
  flags: TCP_SYN,
  window: 1,
  urgent: 0,
  options: [],
  data: 'x',
});
const udp = ip(IPPROTO_UDP, { proto: 'udp', srcPort: 1, dstPort: 53, data: 'query' });
const icmp = ip(IPPROTO_ICMP, icmpEcho(1, 1, 'ping'));

const kinds = (bytes: Uint8Array): string[] => verifyFrame(bytes).map((p) => `${p.layer} ${p.kind}`);
function flip(bytes: Uint8Array, at: number): Uint8Array {
  const b = bytes.slice();
  b[at] = (b[at] as number) ^ 0x01;
  return b;
}

describe('verifyFrame', () => {
  it('finds nothing wrong with encoded frames', () => {
    fc.assert(
      fc.property(arbFrame, (f) => {
        expect(verifyFrame(encodeFrame(f))).toEqual([]);
      }),
    );
  });

  it('reports each bad checksum with stored and expected values', () => {
    const t = encodeFrame(eth(tcp));
    expect(kinds(flip(t, 14 + 10))).toEqual(['ipv4 badChecksum']);
    const [problem] = verifyFrame(flip(t, 14 + 20 + 17));
    expect(problem?.layer).toBe('tcp');
    expect(problem?.message).toMatch(/^TCP checksum 0x[0-9a-f]{4}, expected 0x[0-9a-f]{4}$/);
    expect(kinds(flip(t, 14 + 20 + 20))).toEqual(['tcp badChecksum']); // data byte changed
    expect(kinds(flip(t, 14 + 12))).toEqual(['ipv4 badChecksum', 'tcp badChecksum']); // source address: both
    const u = encodeFrame(eth(udp));
    expect(kinds(flip(u, 14 + 28))).toEqual(['udp badChecksum']);
    const i = encodeFrame(eth(icmp));
    expect(kinds(flip(i, 14 + 20 + 4))).toEqual(['icmp badChecksum']);
  });

  it('names the expected checksum', () => {
    const good = encodeFrame(eth(udp));
    const bad = good.slice();
    bad[14 + 26] = 0;
    bad[14 + 27] = 1;
    const want = (((good[14 + 26] as number) << 8) | (good[14 + 27] as number)).toString(16).padStart(4, '0');
    expect(verifyFrame(bad)[0]?.message).toBe(`UDP checksum 0x0001, expected 0x${want}`);
  });

  it('accepts a UDP checksum of zero (none) and checks inside IPIP', () => {
    const u = encodeFrame(eth(udp));
    u[14 + 26] = 0;
    u[14 + 27] = 0;
    expect(verifyFrame(u)).toEqual([]);
    const tunnelled = encodeFrame(eth(encapsulateIpip(tcp, { src: '192.0.2.1', dst: '192.0.2.2' })));
    expect(verifyFrame(tunnelled)).toEqual([]);
    const inner = verifyFrame(flip(tunnelled, 14 + 20 + 10));
    expect(inner).toEqual([
      { layer: 'ipv4', kind: 'badChecksum', message: expect.stringMatching(/^inner IPv4 header checksum/) },
    ]);
    expect(kinds(flip(tunnelled, 14 + 40 + 16))).toEqual(['tcp badChecksum']);
  });

  it('reports truncation at each layer', () => {
    const t = encodeFrame(eth(tcp), false);
    expect(kinds(t.subarray(0, 10))).toEqual(['ethernet truncated']);
    expect(kinds(t.subarray(0, 30))).toEqual(['ipv4 truncated']);
    expect(kinds(t.subarray(0, t.length - 1))).toEqual(['ipv4 truncated']);
    const arp = hexToBytes('ffffffffffff5254000000010806' + '0001080006040001');
    expect(kinds(arp)).toEqual(['arp truncated']);
    const shortTcp = encodeFrame(eth(ip(IPPROTO_TCP, { proto: 'raw', hex: '00010002' })));
    expect(kinds(shortTcp)).toEqual(['tcp truncated']);
    const shortIcmp = encodeFrame(eth(ip(IPPROTO_ICMP, { proto: 'raw', hex: '0800' })));
    expect(kinds(shortIcmp)).toEqual(['icmp truncated']);
  });

  it('reports header and length mismatches', () => {
    const t = encodeFrame(eth(tcp));
    const v6 = t.slice();
    v6[14] = 0x65;
    expect(kinds(v6)).toEqual(['ipv4 badHeader']);
    const ihl4 = t.slice();
    ihl4[14] = 0x44;
    expect(kinds(ihl4)).toEqual(['ipv4 badHeader']);
    const doff = encodeFrame(
      eth(ip(IPPROTO_TCP, { proto: 'raw', hex: '0001000200000000000000004002000000000000' })),
    );
    expect(kinds(doff)).toEqual(['tcp badHeader']);
    const udpLen = encodeFrame(eth(ip(IPPROTO_UDP, { proto: 'raw', hex: '0001003500ff000061' })));
    expect(kinds(udpLen)).toEqual(['udp lengthMismatch']);
    const totalShort = encodeFrame(eth(ip(253, { proto: 'raw', hex: '' })));
    totalShort[14 + 3] = 10;
    expect(kinds(totalShort)).toContain('ipv4 lengthMismatch');
  });

  it('ignores Ethernet padding and skips L4 checks on fragments', () => {
    const padded = encodeFrame(eth(icmp));
    expect(padded.length).toBe(60);
    padded[59] = 0xee; // junk in the padding is not our business
    expect(verifyFrame(padded)).toEqual([]);
    const fragment = encodeFrame(eth({ ...ip(IPPROTO_TCP, { proto: 'raw', hex: 'ffff' }), mf: true }));
    expect(verifyFrame(fragment)).toEqual([]);
    const arp = encodeFrame({
      dst: 'ff:ff:ff:ff:ff:ff',
      src: '52:54:00:00:00:01',
      ethertype: ETH_P_ARP,
      payload: { proto: 'raw', hex: '00'.repeat(28) },
    });
    expect(verifyFrame(arp)).toEqual([]);
  });
});
