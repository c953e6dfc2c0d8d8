import { startPing } from '../apps/ping';
import type { PingHandle } from '../apps/ping';
import { SEC, Sim } from '../core/sim';
import { buildTopology } from '../labs/buildTopology';
import { getLab } from '../labs/registry';
import type { LabSizeInput } from '../labs/labSize';
import type { Ipv4Packet } from '../packet/types';
import { ipLocalOut, routeOutput } from '../stack/ipOutput';
import type { Network } from '../stack/network';
import type { TraceEvent } from '../core/trace';

/** A bare lab on a fresh simulation, with chainable helpers for tests (style.md §H TestSim). */
export class TestLab {
  readonly sim: Sim;
  readonly net: Network;

  constructor(id: string, seed = 1, size: LabSizeInput = {}) {
    const def = getLab(id, size);
    if (!def) throw new Error(`no lab ${id}`);
    this.sim = new Sim(seed);
    this.net = buildTopology(def, this.sim);
  }

  host(name: string) {
    return this.net.host(name);
  }

  sysctl(host: string, key: string, value: number): this {
    const err = this.host(host).sysctl.set(key, value);
    if (err) throw new Error(`sysctl ${key}: ${err}`);
    return this;
  }

  /** Run the simulation for `s` virtual seconds. */
  run(s: number): this {
    this.sim.runUntil(this.sim.now + Math.round(s * SEC));
    return this;
  }

  ping(host: string, dst: string, count = 1): PingHandle {
    const h = startPing(this.host(host), dst, count);
    this.sim.runWhile(() => h.done, this.sim.now + (count + 5) * SEC);
    return h;
  }

  /** Send a hand-built IP packet from `host` as a raw socket would. */
  inject(host: string, pkt: Ipv4Packet): string {
    const h = this.host(host);
    const rt = routeOutput(h, pkt.dst, pkt.src);
    if (!rt.ok) throw new Error(`no route from ${host} to ${pkt.dst}`);
    const id = this.sim.ids.next('pkt');
    ipLocalOut(h, { id, pkt }, rt.dev, rt.nexthop);
    return id;
  }

  events(kind: string, pred: (e: TraceEvent) => boolean = () => true): TraceEvent[] {
    return this.sim.trace.events.filter((e) => e.kind === kind && pred(e));
  }

  /** Hosts that answered an ARP request for `tip`, in the order they decided to. */
  arpResponders(tip: string): string[] {
    return this.events('arp.decide', (e) => e.tip === tip && e.verdict === 'reply').map((e) => e.host ?? '');
  }
}

export function echoPacket(src: string, dst: string, ident = 7, seq = 1): Ipv4Packet {
  return {
    proto: 'ipv4',
    tos: 0,
    id: 1,
    df: true,
    mf: false,
    fragOffset: 0,
    ttl: 64,
    protocol: 1,
    src,
    dst,
    payload: { proto: 'icmp', type: 8, code: 0, ident, sequence: seq, data: 'probe' },
  };
}
