/**
 * Test-only: fast-check arbitraries for valid packet values, shaped so that
 * decode(encode(x)) gives back x plus the derived fields (no padding or fallback surprises):
 * option lists that fill whole words or end in eol, raw IPv4 payloads only where no L4
 * decoder would claim them, raw Ethernet payloads of at least 46 bytes. Imported by *.test.ts only.
 */
import fc from 'fast-check';
import { bytesToHex } from '../bytes';
import { u32ToIpv4 } from '../ipv4Address';
import { formatMac } from '../mac';
import { ETH_P_ARP, ETH_P_IP, IPPROTO_ICMP, IPPROTO_IPIP, IPPROTO_TCP, IPPROTO_UDP } from '../types';
import type {
  ArpPacket,
  EthernetFrame,
  IcmpMessage,
  Ipv4Packet,
  TcpOption,
  TcpSegment,
  UdpDatagram,
} from '../types';

export const arbMac = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => formatMac(b));
export const arbIpv4 = fc.nat(0xffffffff).map(u32ToIpv4);
const u16 = fc.nat(0xffff);
const u32 = fc.nat(0xffffffff);
const arbHex = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.uint8Array({ minLength, maxLength }).map((b) => bytesToHex(b));
const arbText = fc.string({ unit: 'binary', maxLength: 30 });

const OPTION_SIZE: Record<TcpOption['kind'], number> = {
  eol: 1,
  nop: 1,
  sackOk: 2,
  wscale: 3,
  mss: 4,
  ts: 10,
  raw: 2,
};
const sizeOf = (o: TcpOption): number => OPTION_SIZE[o.kind] + (o.kind === 'raw' ? o.hex.length / 2 : 0);

export const arbTcpOption: fc.Arbitrary<TcpOption> = fc.oneof(
  fc.constant<TcpOption>({ kind: 'nop' }),
  fc.constant<TcpOption>({ kind: 'sackOk' }),
  u16.map<TcpOption>((value) => ({ kind: 'mss', value })),
  fc.nat(255).map<TcpOption>((shift) => ({ kind: 'wscale', shift })),
  fc.record({ val: u32, ecr: u32 }).map<TcpOption>(({ val, ecr }) => ({ kind: 'ts', val, ecr })),
  fc
    .record({ type: fc.integer({ min: 5, max: 255 }).filter((t) => t !== 8), hex: arbHex(0, 6) })
    .map<TcpOption>(({ type, hex }) => ({ kind: 'raw', type, hex })),
);

/** At most 40 bytes; ends in eol when the options do not fill whole 32-bit words (and sometimes anyway). */
export const arbTcpOptions: fc.Arbitrary<TcpOption[]> = fc
  .tuple(fc.array(arbTcpOption, { maxLength: 8 }), fc.boolean())
  .map(([options, eol]) => {
    const kept: TcpOption[] = [];
    let size = 0;
    for (const o of options) {
      if (size + sizeOf(o) > 39) break;
      kept.push(o);
      size += sizeOf(o);
    }
    if (size % 4 !== 0 || eol) kept.push({ kind: 'eol' });
    return kept;
  });

export const arbTcp: fc.Arbitrary<TcpSegment> = fc.record({
  proto: fc.constant('tcp' as const),
  srcPort: u16,
  dstPort: u16,
  seq: u32,
  ack: u32,
  flags: fc.nat(0xfff),
  window: u16,
  urgent: u16,
  options: arbTcpOptions,
  data: arbText,
});

export const arbUdp: fc.Arbitrary<UdpDatagram> = fc.record({
  proto: fc.constant('udp' as const),
  srcPort: u16,
  dstPort: u16,
  data: arbText,
});

export const arbIcmp: fc.Arbitrary<IcmpMessage> = fc.oneof(
  fc.record({
    proto: fc.constant('icmp' as const),
    type: fc.constantFrom(0 as const, 8 as const),
    code: fc.nat(255),
    ident: u16,
    sequence: u16,
    data: arbText,
  }),
  fc.record({
    proto: fc.constant('icmp' as const),
    type: fc.constantFrom(3 as const, 11 as const),
    code: fc.nat(255),
    mtu: u16,
    original: arbHex(0, 40),
  }),
);

export const arbArp: fc.Arbitrary<ArpPacket> = fc.record({
  proto: fc.constant('arp' as const),
  htype: u16,
  ptype: u16,
  op: u16,
  sha: arbMac,
  spa: arbIpv4,
  tha: arbMac,
  tpa: arbIpv4,
});

const arbHeader = fc.record({
  tos: fc.nat(255),
  id: u16,
  df: fc.boolean(),
  ttl: fc.nat(255),
  src: arbIpv4,
  dst: arbIpv4,
  options: fc.option(
    fc.integer({ min: 1, max: 10 }).chain((words) => arbHex(words * 4, words * 4)),
    { nil: undefined },
  ),
});

type Header = {
  tos: number;
  id: number;
  df: boolean;
  ttl: number;
  src: string;
  dst: string;
  options: string | undefined;
};

function packet(
  h: Header,
  protocol: number,
  payload: Ipv4Packet['payload'],
  mf = false,
  fragOffset = 0,
): Ipv4Packet {
  const { options, ...rest } = h;
  const p: Ipv4Packet = { proto: 'ipv4', ...rest, mf, fragOffset, protocol, payload };
  if (options !== undefined) p.options = options;
  return p;
}

const L4_PROTOCOLS = [IPPROTO_ICMP, IPPROTO_IPIP, IPPROTO_TCP, IPPROTO_UDP];

/** Whole (unfragmented) packets with a structured payload, raw payloads of other protocols, and fragments. */
export function arbIpv4Packet(depth = 1): fc.Arbitrary<Ipv4Packet> {
  const options: fc.Arbitrary<Ipv4Packet>[] = [
    fc.tuple(arbHeader, arbTcp).map(([h, p]) => packet(h, IPPROTO_TCP, p)),
    fc.tuple(arbHeader, arbUdp).map(([h, p]) => packet(h, IPPROTO_UDP, p)),
    fc.tuple(arbHeader, arbIcmp).map(([h, p]) => packet(h, IPPROTO_ICMP, p)),
    fc
      .tuple(
        arbHeader,
        fc.nat(255).filter((n) => !L4_PROTOCOLS.includes(n)),
        arbHex(0, 40),
      )
      .map(([h, protocol, hex]) => packet(h, protocol, { proto: 'raw', hex })),
    fc
      .tuple(arbHeader, fc.nat(255), arbHex(0, 40), fc.boolean(), fc.nat(0x1fff))
      .filter(([, , , mf, off]) => mf || off > 0)
      .map(([h, protocol, hex, mf, off]) => packet(h, protocol, { proto: 'raw', hex }, mf, off * 8)),
  ];
  if (depth > 0) {
    options.push(
      fc.tuple(arbHeader, arbIpv4Packet(depth - 1)).map(([h, inner]) => packet(h, IPPROTO_IPIP, inner)),
    );
  }
  return fc.oneof(...options);
}

export const arbFrame: fc.Arbitrary<EthernetFrame> = fc.oneof(
  fc.record({ dst: arbMac, src: arbMac, ethertype: fc.constant(ETH_P_ARP), payload: arbArp }),
  fc.record({ dst: arbMac, src: arbMac, ethertype: fc.constant(ETH_P_IP), payload: arbIpv4Packet() }),
  fc.record({
    dst: arbMac,
    src: arbMac,
    ethertype: u16.filter((t) => t !== ETH_P_IP && t !== ETH_P_ARP),
    payload: arbHex(46, 80).map((hex) => ({ proto: 'raw' as const, hex })),
  }),
);

/** A copy without the fields decoding derives (lengths, checksums, header sizes). */
export function stripDerived<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripDerived) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'totalLength' || k === 'checksum' || k === 'ihl' || k === 'dataOffset' || k === 'length')
      continue;
    out[k] = stripDerived(v);
  }
  return out as T;
}
