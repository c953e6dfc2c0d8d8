/**
 * Packets as plain structured values: what a view shows field by field, what the trace
 * records, and what the codecs turn into real bytes. Values are immutable by convention: a
 * rewrite (NAT, TTL decrement, encapsulation) makes a new object, so the trace keeps both the
 * before and the after.
 *
 * Addresses are strings: IPv4 dotted quad ("192.168.99.188"), MAC lower-case colon hex
 * ("52:54:00:00:01:00"). Length and checksum fields are derived at encode time; a decoded
 * packet carries them (optional fields below) so the inspector can show them.
 */

export type Mac = string;
export type Ipv4 = string;

export const ETH_P_IP = 0x0800;
export const ETH_P_ARP = 0x0806;

export const IPPROTO_ICMP = 1;
export const IPPROTO_IPIP = 4;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

export const BROADCAST_MAC: Mac = 'ff:ff:ff:ff:ff:ff';
export const ZERO_MAC: Mac = '00:00:00:00:00:00';

export interface EthernetFrame {
  dst: Mac;
  src: Mac;
  ethertype: number;
  payload: ArpPacket | Ipv4Packet | RawPayload;
}

export interface RawPayload {
  proto: 'raw';
  /** Bytes as lower-case hex, so the value stays JSON-friendly. */
  hex: string;
}

export const ARPOP_REQUEST = 1;
export const ARPOP_REPLY = 2;

export interface ArpPacket {
  proto: 'arp';
  htype: number; // 1 = Ethernet
  ptype: number; // 0x0800
  op: number; // 1 request, 2 reply
  sha: Mac;
  spa: Ipv4;
  tha: Mac;
  tpa: Ipv4;
}

export interface Ipv4Packet {
  proto: 'ipv4';
  /** DSCP+ECN byte. */
  tos: number;
  id: number;
  df: boolean;
  mf: boolean;
  /** Fragment offset in bytes (a multiple of 8; the header field holds this divided by 8). */
  fragOffset: number;
  ttl: number;
  protocol: number;
  src: Ipv4;
  dst: Ipv4;
  /** Raw option bytes (hex), normally empty. */
  options?: string;
  payload: TcpSegment | UdpDatagram | IcmpMessage | Ipv4Packet | RawPayload;
  /** Present on decoded packets. */
  totalLength?: number;
  checksum?: number;
  ihl?: number;
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
export const TCP_ECE = 0x40;
export const TCP_CWR = 0x80;

export type TcpOption =
  | { kind: 'eol' }
  | { kind: 'nop' }
  | { kind: 'mss'; value: number }
  | { kind: 'wscale'; shift: number }
  | { kind: 'sackOk' }
  | { kind: 'ts'; val: number; ecr: number }
  | { kind: 'raw'; type: number; hex: string };

export interface TcpSegment {
  proto: 'tcp';
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  urgent: number;
  options: TcpOption[];
  /** Application bytes as text (UTF-8 on the wire). */
  data: string;
  dataOffset?: number;
  checksum?: number;
}

export interface UdpDatagram {
  proto: 'udp';
  srcPort: number;
  dstPort: number;
  data: string;
  length?: number;
  checksum?: number;
}

export const ICMP_ECHOREPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_ECHO = 8;
export const ICMP_TIME_EXCEEDED = 11;

export const ICMP_NET_UNREACH = 0;
export const ICMP_HOST_UNREACH = 1;
export const ICMP_PROT_UNREACH = 2;
export const ICMP_PORT_UNREACH = 3;
export const ICMP_FRAG_NEEDED = 4;

export type IcmpMessage =
  | {
      proto: 'icmp';
      type: typeof ICMP_ECHO | typeof ICMP_ECHOREPLY;
      code: number;
      ident: number;
      sequence: number;
      data: string;
      checksum?: number;
    }
  | {
      proto: 'icmp';
      type: typeof ICMP_DEST_UNREACH | typeof ICMP_TIME_EXCEEDED;
      code: number;
      /** Next-hop MTU, for fragmentation needed (type 3 code 4); 0 otherwise. */
      mtu: number;
      /** The offending packet's IP header plus the first 8 bytes of its payload, as bytes (hex). */
      original: string;
      checksum?: number;
    };
