import { newSkb, remakeSkb } from './skb';
import type { Skb } from './skb';
import { ETH_ZLEN } from '../packet/ethernet';
import { fixedKind } from '../core/traceFixed';
import { BROADCAST_MAC, ETH_P_ARP, ETH_P_IP } from '../packet/types';
import type { EthernetFrame } from '../packet/types';
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
  /** The sender's skb, handed on with a frame that has this one receiver (network.ts FrameHop). */
  sent?: Skb,
): void {
  const dev = host.device(devName);
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
    const pktType = broadcast ? 'broadcast' : 'host';
    if (sent === undefined) ipRcv(host, devName, newSkb(pktId ?? host.sim.ids.next('pkt'), p, pktType));
    else {
      // As newSkb(sent.id, p, pktType) would make it, without a new object per frame received.
      const skb = remakeSkb(sent, p);
      skb.pktType = pktType;
      ipRcv(host, devName, skb);
    }
  }
}
