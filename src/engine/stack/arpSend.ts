import { ARPOP_REPLY, ARPOP_REQUEST, BROADCAST_MAC, ETH_P_ARP, ZERO_MAC } from '../packet/types';
import type { ArpPacket, Ipv4, Mac } from '../packet/types';
import { inSubnet } from './addrMath';
import type { Host } from './host';
import type { NeighEntry } from './neighbour';
import type { Skb } from './skb';

/** An ARP request (or unicast probe) and how arp_announce chose its sender address. */
export interface ArpSolicitEvent {
  kind: 'arp.solicit';
  host: string;
  dev: string;
  target: string;
  sender: string;
  arp_announce: number;
  rule: string;
  packetSource: string | null;
  unicast: boolean;
}

/** Is `ip` one of the host's addresses (inet_addr_type == RTN_LOCAL)? */
function isLocal(host: Host, ip: Ipv4): boolean {
  return host.isLocalAddr(ip);
}

/** inet_addr_onlink: one prefix on the device holds both `a` and `b`. */
function onLink(host: Host, dev: string, a: Ipv4, b: Ipv4): boolean {
  return host.addrsOf(dev).some((x) => inSubnet(a, x.ip, x.prefix) && inSubnet(b, x.ip, x.prefix));
}

/**
 * arp_solicit: choose the request's sender IP by arp_announce (docs/linux-behaviour.md A3), then send a
 * broadcast request (or a unicast probe to the cached MAC).
 */
export function arpSolicit(
  host: Host,
  e: NeighEntry,
  unicastTo: Mac | undefined,
  skb: Skb | undefined,
): void {
  const announce = host.sysctl.conf(e.dev, 'arp_announce');
  const pktSrc = skb?.pkt.src;
  let saddr: Ipv4 | undefined;
  let rule: string;
  if (announce === 0) {
    if (pktSrc !== undefined && isLocal(host, pktSrc)) saddr = pktSrc;
    rule = saddr !== undefined ? 'packet-source-is-local' : 'select-addr';
  } else if (announce === 1) {
    if (pktSrc !== undefined && isLocal(host, pktSrc) && onLink(host, e.dev, e.ip, pktSrc)) saddr = pktSrc;
    rule = saddr !== undefined ? 'packet-source-on-link' : 'select-addr';
  } else rule = 'select-addr';
  saddr ??= host.selectAddr(e.dev, e.ip, 'link') ?? '0.0.0.0';
  host.sim.emit({
    kind: 'arp.solicit',
    host: host.name,
    dev: e.dev,
    target: e.ip,
    sender: saddr,
    arp_announce: announce,
    rule,
    packetSource: pktSrc ?? null,
    unicast: unicastTo !== undefined,
  });
  sendArp(host, e.dev, ARPOP_REQUEST, saddr, e.ip, unicastTo ?? BROADCAST_MAC, unicastTo ?? ZERO_MAC);
}

/** arp_send_dst: build and transmit one ARP packet from `dev`. */
export function sendArp(
  host: Host,
  devName: string,
  op: number,
  spa: Ipv4,
  tpa: Ipv4,
  dstMac: Mac,
  tha: Mac,
): void {
  const dev = host.devices.get(devName);
  if (!dev || !dev.up || dev.kind !== 'ether') return;
  const arp: ArpPacket = { proto: 'arp', htype: 1, ptype: 0x0800, op, sha: dev.mac, spa, tha, tpa };
  host.wire.transmit(
    host,
    dev,
    { dst: dstMac, src: dev.mac, ethertype: ETH_P_ARP, payload: arp },
    undefined,
    true,
  );
}

export function sendArpReply(host: Host, devName: string, sip: Ipv4, sha: Mac, tip: Ipv4): void {
  sendArp(host, devName, ARPOP_REPLY, tip, sip, sha, sha);
}
