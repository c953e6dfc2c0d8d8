/**
 * What the VRRP child does to the host: adverts out of a raw socket (IP_HDRINCL, multicast loop
 * off, so a host never hears itself), gratuitous ARPs from a packet socket, VIPs over netlink.
 */
import { sendArp } from '../../stack/arpSend';
import type { Host } from '../../stack/host';
import { ipLocalOut } from '../../stack/ipOutput';
import { newSkb } from '../../stack/skb';
import { ARPOP_REQUEST, BROADCAST_MAC } from '../../packet/types';
import type { Ipv4 } from '../../packet/types';
import { VRRP_AUTH_PASS, vrrpPacket } from '../../packet/vrrp';
import type { VrrpAdvert } from '../../packet/vrrp';
import type { CompletedInstance } from '../config/complete';
import type { VipSpec } from '../config/types';

export function primaryAddr(host: Host, dev: string): Ipv4 | undefined {
  return host.addrsOf(dev).find((a) => !a.secondary)?.ip;
}

/** Send one advertisement with `priority`; returns the packet id (undefined when the device has no address). */
export function sendAdvert(
  host: Host,
  conf: CompletedInstance,
  priority: number,
  ipId: number,
  group: Ipv4,
): { pkt: string; src: Ipv4 } | undefined {
  const dev = conf.interface!;
  const src = conf.mcastSrcIp ?? primaryAddr(host, dev);
  if (src === undefined) return undefined;
  const advert: VrrpAdvert = {
    version: 2,
    type: 1,
    vrid: conf.vrid,
    priority,
    authType: conf.authType,
    adverInt: conf.advertInt,
    addrs: conf.vips.map((v) => v.ip),
    authPass: conf.authType === VRRP_AUTH_PASS ? conf.authPass : '',
  };
  const peers = conf.unicastPeers.length > 0 ? conf.unicastPeers : [group];
  let id = '';
  for (const dst of peers) {
    id = host.sim.ids.next('pkt');
    const pkt = vrrpPacket(src, ipId, advert, dst);
    // keepalived binds the socket to the interface (IP_MULTICAST_IF): no route lookup for the group.
    ipLocalOut(host, newSkb(id, pkt), dev, dst);
  }
  return { pkt: id, src };
}

/** send_gratuitous_arp_immediate: op REQUEST, sender = target = VIP, tha broadcast. */
export function sendGarp(host: Host, dev: string, vip: Ipv4): void {
  sendArp(host, dev, ARPOP_REQUEST, vip, vip, BROADCAST_MAC, BROADCAST_MAC);
}

export function vipDev(conf: CompletedInstance, v: VipSpec): string {
  return v.dev ?? conf.interface!;
}

export function addVips(host: Host, conf: CompletedInstance): void {
  for (const v of conf.vips) host.addAddress(v.label ?? vipDev(conf, v), v.ip, v.prefix);
}

export function removeVips(host: Host, conf: CompletedInstance): void {
  for (const v of conf.vips) host.delAddress(vipDev(conf, v), v.ip, v.prefix);
}
