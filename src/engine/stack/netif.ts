import { newSkb, remakeSkb } from './skb';
import type { Skb } from './skb';
import { ETH_ZLEN } from '../packet/ethernet';
import { fixedKind } from '../core/traceFixed';
import { BROADCAST_MAC, ETH_P_ARP, ETH_P_IP } from '../packet/types';
import type { EthernetFrame, Ipv4Packet } from '../packet/types';
import { arpRcv } from './arpRcv';
import type { Host } from './host';
import { ipRcv } from './ipInput';
import { multicastMac } from './addrMath';
import type { Netdev } from './netdev';

/** The NIC's multicast filter: a frame to 01:00:5e:… is taken when a joined group maps to it. */
function joinedMac(dev: Netdev, mac: string): boolean {
  if (!mac.startsWith('01:00:5e:') || !dev.mcGroups) return false;
  for (const g of dev.mcGroups.keys()) if (multicastMac(g) === mac) return true;
  return false;
}

/** A NIC saw a frame on its segment; `accepted` is false when it was not addressed to it (or the link is down). */
export interface FrameRxEvent {
  kind: 'frame.rx';
  host: string;
  dev: string;
  frame: string;
  pkt: string | null;
  accepted: boolean;
}

/** Pushed as its values (traceFixed.ts): no event object per frame received. */
const FRAME_RX = fixedKind<FrameRxEvent>()('frame.rx', ['host', 'dev', 'frame', 'pkt', 'accepted'], true);

/**
 * netif_receive_skb: a frame arrives on a device. Frames for another MAC are not ours
 * (PACKET_OTHERHOST); ARP goes to arp_rcv, IPv4 to ip_rcv.
 */
export function netifReceive(
  host: Host,
  devName: string,
  frame: EthernetFrame,
  /** The frame's length without padding, as the sender counted it (frameLength(frame, false)). */
  len: number,
  frameId: string,
  pktId?: string,
  /** The sender's skb for this packet, which nothing else holds any more: taken over (remakeSkb). */
  skb?: Skb,
): void {
  const dev = host.devices.get(devName);
  const broadcast = frame.dst === BROADCAST_MAC;
  const accepted = !!dev && dev.up && (broadcast || frame.dst === dev.mac || joinedMac(dev, frame.dst));
  host.sim.emitFixed(FRAME_RX, host.name, devName, frameId, pktId ?? null, accepted);
  if (!accepted) return;
  dev!.stats.rxPackets++;
  dev!.stats.rxBytes += len < ETH_ZLEN ? ETH_ZLEN : len;
  const p = frame.payload;
  if (frame.ethertype === ETH_P_ARP && p.proto === 'arp') {
    arpRcv(host, devName, p, !broadcast);
    return;
  }
  if (frame.ethertype === ETH_P_IP && p.proto === 'ipv4') {
    const type = broadcast ? 'broadcast' : 'host';
    ipRcv(
      host,
      devName,
      skb !== undefined ? takeOver(skb, p, type) : newSkb(pktId ?? host.sim.ids.next('pkt'), p, type),
    );
  }
}

/**
 * The sender's skb made over for this host, as newSkb(skb.id, pkt, type) would make it: one skb
 * per packet across its hops instead of one per frame received (the sender let go of it when the
 * frame left; its id is the frame's packet id).
 */
function takeOver(skb: Skb, pkt: Ipv4Packet, type: 'host' | 'broadcast'): Skb {
  remakeSkb(skb, pkt);
  skb.pktType = type;
  return skb;
}
