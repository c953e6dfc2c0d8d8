import type { Sim } from '../core/sim';
import type { Host } from './host';
import { DEFAULT_SPEED_MBPS, DEFAULT_TXQUEUELEN, LinkQueue } from './linkQueue';
import type { Netdev } from './netdev';

/**
 * Every transmit queue of a network: each NIC's (its qdisc, limited by txqueuelen) and each
 * switch port's toward a NIC (the switch's buffer, as many frames; the port runs at the speed
 * of the NIC plugged into it). A full queue drops the frame and says where.
 */
/**
 * Each device's two queues sit on the device itself, under keys private to this module (a WeakMap
 * lookup by object per frame cost more than a property read). Symbols: JSON, `for…in` and
 * Object.keys never see them, and a device made again is a new object with new queues. One pair
 * for every network: a device belongs to one network, and keys made per network gave every new
 * runtime's devices new hidden classes, so the JIT's code for devices was thrown away each time.
 */
const NIC_KEY = Symbol('nic queue');
const PORT_KEY = Symbol('switch port queue');

export class LinkPorts {
  constructor(private readonly sim: Sim) {}

  /**
   * Queue a frame on `dev`'s NIC: its queue, whose `slotStartUs`/`slotEndUs` say when the frame
   * leaves; undefined (and a drop in the trace) when the queue is full.
   */
  nic(host: Host, dev: Netdev, bytes: number, pkt: string | undefined): LinkQueue | undefined {
    const slots = dev as Netdev & QueueSlots;
    let q = slots[NIC_KEY];
    if (q === undefined) q = slots[NIC_KEY] = nicQueue(dev);
    return this.take(q, host, dev, bytes, pkt, 'txqueue-full');
  }

  /** Queue a frame on the switch port that leads to `dev` of `host`. */
  port(host: Host, dev: Netdev, bytes: number, pkt: string | undefined): LinkQueue | undefined {
    const slots = dev as Netdev & QueueSlots;
    let q = slots[PORT_KEY];
    if (q === undefined) q = slots[PORT_KEY] = switchPortQueue(dev);
    return this.take(q, host, dev, bytes, pkt, 'switch-port-full');
  }

  private take(
    q: LinkQueue,
    host: Host,
    dev: Netdev,
    bytes: number,
    pkt: string | undefined,
    reason: string,
  ): LinkQueue | undefined {
    if (q.take(this.sim.now, bytes)) return q;
    this.sim.emit({
      kind: 'drop',
      host: host.name,
      ...(pkt !== undefined ? { pkt } : {}),
      reason,
      dev: dev.name,
    });
    return undefined;
  }
}

/** A device as LinkPorts sees it: its queues under the module's symbols. */
type QueueSlots = Record<symbol, LinkQueue | undefined>;

// The queues' closures are made in functions of their own: a closure over `dev` made inside
// nic() or port() would make V8 allocate a context for `dev` on every call, i.e. every frame.

/** A NIC's qdisc: the device's speed and txqueuelen, read when each frame is queued. */
function nicQueue(dev: Netdev): LinkQueue {
  return new LinkQueue(
    () => dev.speedMbps ?? DEFAULT_SPEED_MBPS,
    () => dev.txqueuelen ?? DEFAULT_TXQUEUELEN,
  );
}

/** The switch port toward `dev`: that NIC's speed, a buffer of DEFAULT_TXQUEUELEN frames. */
function switchPortQueue(dev: Netdev): LinkQueue {
  return new LinkQueue(
    () => dev.speedMbps ?? DEFAULT_SPEED_MBPS,
    () => DEFAULT_TXQUEUELEN,
  );
}
