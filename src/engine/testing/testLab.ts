import { startPing } from '../apps/ping';
import type { PingHandle } from '../apps/ping';
import { SEC } from '../core/sim';
import type { Sim } from '../core/sim';
import { LabRuntime } from '../runtime/labRuntime';
import type { CommandResult } from '../runtime/labRuntime';
import type { LabSizeInput } from '../labs/labSize';
import type { Ipv4Packet } from '../packet/types';
import { ipLocalOut, routeOutput } from '../stack/ipOutput';
import type { Network } from '../stack/network';
import type { EventOf, TraceKind } from '../core/trace';

/**
 * A bare lab on a fresh LabRuntime, with chainable helpers for tests (style.md §H TestSim):
 * the same topology, shells and command driver as the CLI and the browser, plus direct access
 * to the simulation for stack-level tests.
 */
export class TestLab {
  readonly rt: LabRuntime;
  readonly sim: Sim;
  readonly net: Network;

  /** Bare unless `configured`: then the lab's configure steps ran through the shell first. */
  constructor(id: string, seed = 1, configured = false, size: LabSizeInput = {}) {
    this.rt = LabRuntime.create(id, {
      seed,
      bare: !configured,
      ...(size.servers !== undefined ? { servers: size.servers } : {}),
      ...(size.clients !== undefined ? { clients: size.clients } : {}),
    });
    this.sim = this.rt.sim;
    this.net = this.rt.net;
  }

  /** Type a command line on `host` (the production shell and driver, as the terminal does). */
  exec(host: string, command: string, maxTimeS?: number): CommandResult {
    return this.rt.exec({ host, command, ...(maxTimeS !== undefined ? { maxTimeUs: maxTimeS * SEC } : {}) });
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

  events<K extends TraceKind>(kind: K, pred: (e: EventOf<K>) => boolean = () => true): EventOf<K>[] {
    return this.sim.trace.events.filter((e): e is EventOf<K> => e.kind === kind && pred(e as EventOf<K>));
  }

  /** Hosts that answered an ARP request for `tip`, in the order they decided to. */
  arpResponders(tip: string): string[] {
    return this.events('arp.decide', (e) => e.tip === tip && e.verdict === 'reply').map((e) => e.host);
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
