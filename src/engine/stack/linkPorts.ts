import type { Sim } from '../core/sim';
import type { Host } from './host';
import { DEFAULT_SPEED_MBPS, DEFAULT_TXQUEUELEN, LinkQueue } from './linkQueue';
import type { TxSlot } from './linkQueue';
import type { Netdev } from './netdev';

/**
 * Every transmit queue of a network: each NIC's (its qdisc, limited by txqueuelen) and each
 * switch port's toward a NIC (the switch's buffer, as many frames; the port runs at the speed
 * of the NIC plugged into it). A full queue drops the frame and says where.
 */
export class LinkPorts {
  private readonly nics = new WeakMap<Netdev, LinkQueue>();
  private readonly ports = new WeakMap<Netdev, LinkQueue>();

  constructor(private readonly sim: Sim) {}

  /** Queue a frame on `dev`'s NIC; undefined (and a drop in the trace) when the queue is full. */
  nic(host: Host, dev: Netdev, bytes: number, pkt: string | undefined): TxSlot | undefined {
    let q = this.nics.get(dev);
    if (!q) {
      q = new LinkQueue(
        () => dev.speedMbps ?? DEFAULT_SPEED_MBPS,
        () => dev.txqueuelen ?? DEFAULT_TXQUEUELEN,
      );
      this.nics.set(dev, q);
    }
    return this.take(q, host, dev, bytes, pkt, 'txqueue-full');
  }

  /** Queue a frame on the switch port that leads to `dev` of `host`. */
  port(host: Host, dev: Netdev, bytes: number, pkt: string | undefined): TxSlot | undefined {
    let q = this.ports.get(dev);
    if (!q) {
      q = new LinkQueue(
        () => dev.speedMbps ?? DEFAULT_SPEED_MBPS,
        () => DEFAULT_TXQUEUELEN,
      );
      this.ports.set(dev, q);
    }
    return this.take(q, host, dev, bytes, pkt, 'switch-port-full');
  }

  private take(
    q: LinkQueue,
    host: Host,
    dev: Netdev,
    bytes: number,
    pkt: string | undefined,
    reason: string,
  ): TxSlot | undefined {
    const slot = q.enqueue(this.sim.now, bytes);
    if (!slot)
      this.sim.emit({
        kind: 'drop',
        host: host.name,
        ...(pkt !== undefined ? { pkt } : {}),
        reason,
        dev: dev.name,
      });
    return slot;
  }
}
