import type { Sim } from '../core/sim';
import { BROADCAST_MAC } from '../packet/types';
import type { EthernetFrame } from '../packet/types';
import { Host } from './host';
import type { Wire } from './host';
import type { Netdev } from './netdev';
import { netifReceive } from './netif';
import { ipRcv } from './ipInput';
import type { Skb } from './skb';

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

/** Time for a frame to cross a segment (switch plus wire), microseconds. */
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
}

/** A frame as it crossed a segment, for pcap export and views. */
export interface WireFrame {
  id: string;
  t: number;
  segment: string;
  host: string;
  dev: string;
  frame: EthernetFrame;
}

/**
 * The world: hosts and the segments between them. Implements the hosts' Wire, records every
 * frame once per segment crossing, and schedules its delivery to the receiving ports.
 */
export class Network implements Wire {
  readonly hosts = new Map<string, Host>();
  readonly segments = new Map<string, Segment>();
  readonly frames: WireFrame[] = [];

  constructor(readonly sim: Sim) {}

  addHost(name: string, sysctl: Readonly<Record<string, number>> = {}): Host {
    const h = new Host(this.sim, name, this.hosts.size + 1, this, sysctl);
    this.hosts.set(name, h);
    return h;
  }

  addSegment(name: string): Segment {
    const s: Segment = { name, ports: [] };
    this.segments.set(name, s);
    return s;
  }

  /** Plug a new Ethernet device of `host` into `segment`. MAC 52:54:00:00:HH:II (docs/linux-behaviour.md, "The labs"). */
  attach(host: Host, devName: string, segment: string): Netdev {
    const seg = this.segments.get(segment) ?? this.addSegment(segment);
    const ii = [...host.devices.values()].filter((d) => d.kind === 'ether').length;
    const mac = `52:54:00:00:${hex2(host.index)}:${hex2(ii)}`;
    const dev = host.addDevice(devName, 'ether', mac, segment);
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

  transmit(host: Host, dev: Netdev, frame: EthernetFrame, pktId?: string): void {
    const seg = dev.segment === undefined ? undefined : this.segments.get(dev.segment);
    if (!seg) return;
    const id = this.sim.ids.next('frm');
    this.frames.push({ id, t: this.sim.now, segment: seg.name, host: host.name, dev: dev.name, frame });
    this.sim.emit({
      kind: 'frame.tx',
      host: host.name,
      dev: dev.name,
      segment: seg.name,
      frame: id,
      pkt: pktId ?? null,
      eth: frame,
      // Stamped by the trace; declared here so the event is born with its final shape.
      t: 0,
      seq: 0,
    });
    const targets = this.targets(seg, host, dev.name, frame.dst);
    for (const p of targets) {
      this.sim.afterInFlight(SEGMENT_DELAY_US, 'deliver', () =>
        netifReceive(p.host, p.dev, frame, id, pktId),
      );
    }
  }

  /** Each switch's MAC table (MACs never change in the labs, so each is learned once). */
  private readonly macTables = new Map<string, Map<string, Port>>();

  private portOfMac(seg: Segment, mac: string): Port | undefined {
    let t = this.macTables.get(seg.name);
    if (!t) this.macTables.set(seg.name, (t = new Map()));
    let p = t.get(mac);
    if (p === undefined || p.host.devices.get(p.dev)?.mac !== mac) {
      p = seg.ports.find((x) => x.host.devices.get(x.dev)?.mac === mac);
      if (p) t.set(mac, p);
    }
    return p;
  }

  /** The learned port for a unicast MAC, else every other port, most recently attached first. */
  private targets(seg: Segment, from: Host, fromDev: string, dst: string): Port[] {
    if (dst !== BROADCAST_MAC) {
      const p = this.portOfMac(seg, dst);
      if (p) return p.host === from && p.dev === fromDev ? [] : [p];
    }
    const out: Port[] = [];
    for (let i = seg.ports.length - 1; i >= 0; i--) {
      const p = seg.ports[i]!;
      if (!(p.host === from && p.dev === fromDev)) out.push(p);
    }
    return out;
  }
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
