import { ETH_P_IP } from '../packet/types';
import type { EthernetFrame, Mac } from '../packet/types';
import type { Host } from './host';
import type { Skb } from './skb';

/**
 * dev_queue_xmit: wrap the IP packet in Ethernet and hand it to the wire. Loopback frames
 * come straight back in on `lo`; a device that is down drops.
 */
export function xmitFrame(host: Host, devName: string, dstMac: Mac, skb: Skb): void {
  const dev = host.device(devName);
  if (!dev || !dev.up) {
    host.sim.emit({ kind: 'drop', host: host.name, pkt: skb.id, reason: 'dev-down', dev: devName });
    return;
  }
  if (dev.kind === 'loopback') {
    host.wire.loopback(host, skb);
    return;
  }
  if (dev.kind === 'ipip') {
    host.sim.emit({
      kind: 'drop',
      host: host.name,
      pkt: skb.id,
      reason: 'tunnel-xmit-unsupported',
      dev: devName,
    });
    return;
  }
  const frame: EthernetFrame = { dst: dstMac, src: dev.mac, ethertype: ETH_P_IP, payload: skb.pkt };
  host.wire.transmit(host, dev, frame, skb, true);
}
