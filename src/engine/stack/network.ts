import type { Sim } from '../core/sim';
import { TimerEvent } from '../core/eventQueue';
import { ownKeysAre } from '../core/objectShapes';
import { fixedKind, packedKind } from '../core/traceFixed';
import { BROADCAST_MAC } from '../packet/types';
import { frameLength } from '../packet/frame';
import type { EthernetFrame } from '../packet/types';
import { Host } from './host';
import type { Wire } from './host';
import { LinkPorts } from './linkPorts';
import { wireBytes } from './linkQueue';
import type { Netdev } from './netdev';
import { netifReceive } from './netif';
import { ipRcv } from './ipInput';
import type { Skb } from './skb';
import { RecentLookups } from './recentLookups';
import { WireFrames } from './wireFrames';

export type { WireFrame } from './wireFrames';

/** A frame left a host's port onto a segment (the whole frame is carried for the views). */
export interface FrameTxEvent {
  kind: 'frame.tx';
  host: string;
  dev: string;
  segment: string;
  frame: string;
  pkt: string | null;
  eth: EthernetFrame;
}

/** Pushed as its values (traceFixed.ts): no event object per frame sent. */
const FRAME_TX = fixedKind<FrameTxEvent>()('frame.tx', ['host', 'dev', 'segment', 'frame', 'pkt', 'eth']);

/** A sent frame's event as emitted, from its stored form (the frame's four fields apart). */
function expandFrameTx(stored: Record<string, unknown>): FrameTxEvent {
  return {
    kind: 'frame.tx',
    host: stored.host as string,
    dev: stored.dev as string,
    segment: stored.segment as string,
    frame: stored.frame as string,
    pkt: stored.pkt as string | null,
    eth: {
      dst: stored.dst as string,
      src: stored.src as string,
      ethertype: stored.ethertype as number,
      payload: stored.payload as EthernetFrame['payload'],
    },
  };
}

/**
 * The same event with its frame's fields pushed as values of their own: the store then encodes the
 * frame's payload (an IP packet, often met already) but no object for the frame itself, whose
 * addresses and type recur. Only for frames that are exactly those four fields (as the stack makes
 * them); any other goes whole (FRAME_TX), so either reads back as sent.
 */
const FRAME_TX_FIELDS = packedKind<
  [string, string, string, string, string | null, string, string, number, EthernetFrame['payload']]
>(
  'frame.tx',
  ['host', 'dev', 'segment', 'frame', 'pkt', 'dst', 'src', 'ethertype', 'payload'],
  expandFrameTx as (stored: Record<string, unknown>) => FrameTxEvent & Record<string, unknown>,
);

const FRAME_KEYS = ['dst', 'src', 'ethertype', 'payload'];

/** Whether `f` is a plain object whose own keys are exactly the frame's four, in that order. */
function isFourFieldFrame(f: EthernetFrame): boolean {
  return Object.getPrototypeOf(f) === Object.prototype && ownKeysAre(f, FRAME_KEYS);
}

/** A frame's time through the switch (lookup, store and forward) and the wires, beyond serialisation, µs. */
export const SEGMENT_DELAY_US = 100;

export interface Port {
  host: Host;
  dev: string;
}

/** An L2 segment: a learning switch whose ports flood broadcasts most-recently-attached first. */
export interface Segment {
  name: string;
  /** Attachment order. */
  ports: Port[];
  /**
   * The switch's MAC table, learned as frames cross it (MACs never change in the labs, so each
   * is learned once; each hit is checked against the port's device). Kept on the segment: every
   * frame reads it, and a table of tables by segment name cost a lookup more per frame.
   */
  readonly macs: Map<string, Port>;
  /** The last MACs' entries in `macs` (a segment's frames go to two ends, turn about): cleared when it learns. */
  readonly recentMacs: RecentLookups<string, Port>;
}

/**
 * The world: hosts and the segments between them. Implements the hosts' Wire, records every
 * frame once per segment crossing, and schedules its delivery to the receiving ports.
 */
export class Network implements Wire {
  readonly hosts = new Map<string, Host>();
  readonly segments = new Map<string, Segment>();
  /** The last segments looked up by name (every frame sent asks); cleared when one is added. */
  private readonly recentSegments = new RecentLookups(this.segments);
  /** Every frame once per segment crossing (read from the trace). */
  readonly frames: WireFrames;
  private readonly links: LinkPorts;

  constructor(readonly sim: Sim) {
    this.links = new LinkPorts(sim);
    this.frames = new WireFrames(sim.trace);
  }

  addHost(name: string, sysctl: Readonly<Record<string, number>> = {}): Host {
    const h = new Host(this.sim, name, this.hosts.size + 1, this, sysctl);
    this.hosts.set(name, h);
    return h;
  }

  addSegment(name: string): Segment {
    const macs = new Map<string, Port>();
    const s: Segment = { name, ports: [], macs, recentMacs: new RecentLookups(macs) };
    this.segments.set(name, s);
    this.recentSegments.clear();
    return s;
  }

  /** Plug a new Ethernet device of `host` into `segment`. MAC 52:54:00:00:HH:II (docs/linux-behaviour.md, "The labs"). */
  attach(host: Host, devName: string, segment: string, speedMbps?: number): Netdev {
    const seg = this.segments.get(segment) ?? this.addSegment(segment);
    const ii = [...host.devices.values()].filter((d) => d.kind === 'ether').length;
    const mac = `52:54:00:00:${hex2(host.index)}:${hex2(ii)}`;
    const dev = host.addDevice(devName, 'ether', mac, segment);
    if (speedMbps !== undefined) dev.speedMbps = speedMbps;
    host.setLink(devName, true);
    seg.ports.push({ host, dev: devName });
    return dev;
  }

  host(name: string): Host {
    const h = this.hosts.get(name);
    if (!h) throw new Error(`no host ${name}`);
    return h;
  }

  loopback(host: Host, skb: Skb): void {
    host.sim.afterInFlight(0, 'loopback', () => ipRcv(host, 'lo', { ...skb, local: false, pktType: 'host' }));
  }

  /**
   * dev_queue_xmit onto a segment: the frame waits in the NIC's queue (dropped when txqueuelen
   * frames already wait), is captured as it starts to leave, crosses the switch and waits again
   * in the switch port toward each receiver, which sends it at that link's rate (linkQueue.ts).
   */
  transmit(host: Host, dev: Netdev, frame: EthernetFrame, skb?: Skb, fourFields = false): void {
    const seg = dev.segment === undefined ? undefined : this.recentSegments.get(dev.segment);
    const pktId = skb?.id;
    if (!seg) return;
    // The frame's length, unpadded, once: the queues, both ends' counters and the receiver all
    // want it, and counting a packet's bytes walks its options and data (frames are never written).
    const len = frameLength(frame, false);
    const bytes = wireBytes(len);
    const q = this.links.nic(host, dev, bytes, pktId);
    if (!q) return;
    const endUs = q.slotEndUs;
    // The closure only when the frame must wait in the queue: most leave at once.
    if (q.slotStartUs > this.sim.now)
      this.waitForWire(q.slotStartUs, host, dev, seg, frame, skb, endUs, len, fourFields);
    else this.onWire(host, dev, seg, frame, skb, endUs, len, fourFields);
  }

  /**
   * The frame leaves once the queue ahead of it has: made here, not in `transmit`, whose every
   * call would otherwise allocate the closure's context (V8 makes it on entry).
   */
  private waitForWire(
    startUs: number,
    host: Host,
    dev: Netdev,
    seg: Segment,
    frame: EthernetFrame,
    skb: Skb | undefined,
    endUs: number,
    len: number,
    fourFields: boolean,
  ): void {
    this.sim.afterInFlight(startUs - this.sim.now, 'xmit', () =>
      this.onWire(host, dev, seg, frame, skb, endUs, len, fourFields),
    );
  }

  private onWire(
    host: Host,
    dev: Netdev,
    seg: Segment,
    frame: EthernetFrame,
    skb: Skb | undefined,
    endUs: number,
    len: number,
    fourFields: boolean,
  ): void {
    const pktId = skb?.id;
    const id = this.sim.ids.next('frm');
    this.frames.noteNext();
    dev.stats.txPackets++;
    dev.stats.txBytes += len;
    if (fourFields || isFourFieldFrame(frame))
      this.sim.emitFixed(
        FRAME_TX_FIELDS,
        host.name,
        dev.name,
        seg.name,
        id,
        pktId ?? null,
        frame.dst,
        frame.src,
        frame.ethertype,
        frame.payload,
      );
    else this.sim.emitFixed(FRAME_TX, host.name, dev.name, seg.name, id, pktId ?? null, frame);
    const atSwitch = endUs - this.sim.now + SEGMENT_DELAY_US;
    // The learned port for a unicast MAC (no list made per frame), else every other port.
    const learned = frame.dst === BROADCAST_MAC ? undefined : this.portOfMac(seg, frame.dst);
    if (learned) {
      // One receiver: the sender is done with its skb (nothing holds one past dev_queue_xmit), so
      // the receiver takes it over instead of making its own (stack/skb.ts remakeSkb).
      if (learned.host !== host || learned.dev !== dev.name)
        this.sim.afterInFlightTimer(atSwitch, new FrameHop(this, learned, frame, id, pktId, len, skb));
      return;
    }
    for (const p of this.flood(seg, host, dev.name)) {
      this.sim.afterInFlightTimer(atSwitch, new FrameHop(this, p, frame, id, pktId, len, undefined));
    }
  }

  /**
   * @internal The switch port toward `hop.port` sends the frame at the speed of the NIC plugged
   * into it: the hop, just run, is armed again as the delivery (one queue entry per frame and port).
   */
  switchOut(hop: FrameHop, p: Port, pktId: string | undefined, len: number): void {
    const dev = p.host.device(p.dev);
    const q = dev && this.links.port(p.host, dev, wireBytes(len), pktId);
    if (!q) return;
    this.sim.afterInFlightTimer(q.slotEndUs - this.sim.now, hop);
  }

  /** The port the switch learned for `mac` (Segment.macs), looked for among the ports when unknown. */
  private portOfMac(seg: Segment, mac: string): Port | undefined {
    let p = seg.recentMacs.get(mac);
    if (p === undefined || p.host.device(p.dev)?.mac !== mac) {
      p = portWithMac(seg, mac);
      if (p) {
        seg.macs.set(mac, p);
        seg.recentMacs.clear();
      }
    }
    return p;
  }

  /** Every port but the sender's, most recently attached first (a broadcast or an unknown MAC). */
  private flood(seg: Segment, from: Host, fromDev: string): Port[] {
    const out: Port[] = [];
    for (let i = seg.ports.length - 1; i >= 0; i--) {
      const p = seg.ports[i]!;
      if (!(p.host === from && p.dev === fromDev)) out.push(p);
    }
    return out;
  }
}

/**
 * A frame's two hops as one queue entry (core/eventQueue.ts TimerEvent), armed twice: through the
 * switch to the port toward `port`, then onto that port's NIC. Every frame takes both, and a
 * record with its fields costs less than a closure and its context each; re-arming it after the
 * first hop has run (the queue let go of it) saves a second record per frame.
 */
class FrameHop extends TimerEvent {
  constructor(
    /** Set for the hop into the switch; cleared as it runs, for the delivery to the NIC. */
    private net: Network | undefined,
    private readonly port: Port,
    private readonly frame: EthernetFrame,
    private readonly id: string,
    private readonly pktId: string | undefined,
    /** The frame's length without padding (frameLength(frame, false)). */
    private readonly len: number,
    /** The sender's skb, for the receiver to take over: set only when the frame has one receiver. */
    private readonly skb: Skb | undefined,
  ) {
    super();
  }
  get label(): string {
    return this.net ? 'switch' : 'deliver';
  }
  run(): void {
    const net = this.net;
    if (net) {
      this.net = undefined;
      net.switchOut(this, this.port, this.pktId, this.len);
    } else netifReceive(this.port.host, this.port.dev, this.frame, this.len, this.id, this.pktId, this.skb);
  }
}

/**
 * The port whose device has `mac`. A loop in a function of its own: a `find` callback over `mac`
 * inside portOfMac would have V8 allocate a context for `mac` on every frame.
 */
function portWithMac(seg: Segment, mac: string): Port | undefined {
  for (const x of seg.ports) if (x.host.devices.get(x.dev)?.mac === mac) return x;
  return undefined;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
