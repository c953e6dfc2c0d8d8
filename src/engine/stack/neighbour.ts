import { cancelTimer } from '../core/eventQueue';
import type { QueuedEvent } from '../core/eventQueue';
import { SEC, MSEC } from '../core/sim';
import type { Ipv4, Mac } from '../packet/types';
import { arpSolicit } from './arpSend';
import type { Host } from './host';
import { xmitFrame } from './xmit';
import type { Skb } from './skb';
import { icmpSendError } from './icmpSend';
import { ICMP_DEST_UNREACH, ICMP_HOST_UNREACH } from '../packet/types';

/** A neighbour (ARP cache) entry changed state or address. */
export interface NeighEvent {
  kind: 'neigh';
  host: string;
  dev: string;
  ip: string;
  mac: string | null;
  from: NudState;
  to: NudState;
  reason: string;
}

/** An entry left the table (its device went down or was deleted, `ip neigh del|flush`, `arp -d`). */
export interface NeighDelEvent {
  kind: 'neigh.del';
  host: string;
  dev: string;
  ip: string;
  reason: 'dev-down' | 'flush' | 'admin-delete';
}

/** An ARP answer with another address arrived inside locktime and was ignored. */
export interface NeighIgnoredEvent {
  kind: 'neigh.ignored';
  host: string;
  dev: string;
  ip: string;
  mac: string | null;
  offered: string;
  reason: 'locktime';
}

/** NUD_* states, as `ip neigh` prints them. */
export type NudState =
  'NONE' | 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'PERMANENT' | 'NOARP';

export interface NeighEntry {
  dev: string;
  ip: Ipv4;
  mac?: Mac;
  state: NudState;
  /** Last change of state or address (locktime is measured from here). */
  updated: number;
  /** Last proof of reachability (unicast reply, TCP progress). */
  confirmed: number;
  /** Last use for sending. */
  used: number;
  probes: number;
  queue: Skb[];
  timer?: QueuedEvent | undefined;
}

const VALID: ReadonlySet<NudState> = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT', 'NOARP']);
/** Slots in NeighTable's memo of recent lookups: more than the next hops a lab's host rotates through. */
const NEIGH_RECENT = 8;
const CONNECTED: ReadonlySet<NudState> = new Set(['REACHABLE', 'PERMANENT', 'NOARP']);

/**
 * The neighbour (ARP) table of one host: the kernel's state machine (neigh_timer_handler,
 * __neigh_event_send, neigh_update) on the virtual clock. See docs/linux-behaviour.md A9.
 */
export class NeighTable {
  readonly entries = new Map<string, NeighEntry>();
  /** The same entries by device, then address: every packet looks one up, with no key string built. */
  private readonly byDev = new Map<string, Map<Ipv4, NeighEntry>>();
  /** Per-device reachable_time draw and when it was drawn (refreshed every 300 s). */
  private reachable = new Map<string, { us: number; at: number; base: number }>();

  constructor(private readonly host: Host) {}

  /**
   * The last entries looked up (absent ones too), by device and address, in slots taken in turn:
   * a director or router sends to several next hops in rotation (four real servers), and every
   * packet asks. Cleared when an entry is made or removed.
   */
  private readonly recentIp: (Ipv4 | undefined)[] = new Array<Ipv4 | undefined>(NEIGH_RECENT).fill(undefined);
  private readonly recentDev: (string | undefined)[] = new Array<string | undefined>(NEIGH_RECENT).fill(
    undefined,
  );
  private readonly recentEntry: (NeighEntry | undefined)[] = new Array<NeighEntry | undefined>(
    NEIGH_RECENT,
  ).fill(undefined);
  private recentNext = 0;

  get(dev: string, ip: Ipv4): NeighEntry | undefined {
    const ips = this.recentIp;
    for (let i = 0; i < NEIGH_RECENT; i++)
      if (ips[i] === ip && this.recentDev[i] === dev) return this.recentEntry[i];
    const e = this.byDev.get(dev)?.get(ip);
    const i = this.recentNext;
    this.recentNext = i + 1 === NEIGH_RECENT ? 0 : i + 1;
    ips[i] = ip;
    this.recentDev[i] = dev;
    this.recentEntry[i] = e;
    return e;
  }

  /** The table changed: forget the remembered lookups. */
  private forgetRecent(): void {
    this.recentIp.fill(undefined);
    this.recentDev.fill(undefined);
    this.recentEntry.fill(undefined);
    this.recentNext = 0;
  }

  isValid(e: NeighEntry): boolean {
    return VALID.has(e.state);
  }

  create(dev: string, ip: Ipv4): NeighEntry {
    const now = this.host.sim.now;
    const e: NeighEntry = {
      dev,
      ip,
      state: 'NONE',
      updated: now,
      confirmed: now - 60 * SEC,
      used: now,
      probes: 0,
      queue: [],
    };
    this.entries.set(`${dev}|${ip}`, e);
    this.forgetRecent();
    let onDev = this.byDev.get(dev);
    if (!onDev) this.byDev.set(dev, (onDev = new Map()));
    onDev.set(ip, e);
    return e;
  }

  /** reachable_time: uniform in [base/2, 3·base/2), from the host's seeded stream. */
  reachableTime(dev: string): number {
    const base = this.host.sysctl.neigh(dev, 'base_reachable_time_ms') * MSEC;
    const now = this.host.sim.now;
    const r = this.reachable.get(dev);
    if (r && r.base === base && now - r.at < 300 * SEC) return r.us;
    const us = base / 2 + this.host.sim.rng.child(`neigh:${this.host.name}:${dev}`).int(Math.max(1, base));
    const draw = { us: Math.floor(us), at: now, base };
    this.reachable.set(dev, draw);
    return draw.us;
  }

  private param(dev: string, knob: string): number {
    return this.host.sysctl.neigh(dev, knob);
  }

  private setState(e: NeighEntry, to: NudState, reason: string): void {
    const from = e.state;
    e.state = to;
    this.host.sim.emit({
      kind: 'neigh',
      host: this.host.name,
      dev: e.dev,
      ip: e.ip,
      mac: e.mac ?? null,
      from,
      to,
      reason,
    });
  }

  private arm(e: NeighEntry, at: number): void {
    cancelTimer(e.timer);
    if (e.confirmed > e.used) e.used = e.confirmed;
    e.timer = this.host.sim.at(at, 'neigh-timer', () => this.timerHandler(e));
  }

  private disarm(e: NeighEntry): void {
    cancelTimer(e.timer);
    e.timer = undefined;
  }

  /** neigh_resolve_output + __neigh_event_send: send now, or queue and resolve. */
  output(skb: Skb, dev: string, nexthop: Ipv4): void {
    const now = this.host.sim.now;
    const e = this.get(dev, nexthop) ?? this.create(dev, nexthop);
    e.used = now;
    switch (e.state) {
      case 'REACHABLE':
      case 'PERMANENT':
      case 'NOARP':
      case 'DELAY':
      case 'PROBE':
        xmitFrame(this.host, dev, e.mac!, skb);
        return;
      case 'STALE':
        this.setState(e, 'DELAY', 'used-while-stale');
        this.arm(e, now + this.param(dev, 'delay_first_probe_time') * SEC);
        xmitFrame(this.host, dev, e.mac!, skb);
        return;
      case 'INCOMPLETE':
        this.enqueue(e, skb);
        return;
      default:
        e.probes = this.param(dev, 'ucast_solicit');
        this.setState(e, 'INCOMPLETE', 'resolve');
        e.updated = now;
        this.enqueue(e, skb);
        this.arm(e, now + this.param(dev, 'retrans_time_ms') * MSEC);
        this.probe(e);
    }
  }

  private enqueue(e: NeighEntry, skb: Skb): void {
    if (e.queue.length >= this.param(e.dev, 'unres_qlen')) {
      const dropped = e.queue.shift()!;
      this.host.sim.emit({
        kind: 'drop',
        host: this.host.name,
        pkt: dropped.id,
        reason: 'neigh-queue-full',
        dev: e.dev,
        ip: e.ip,
      });
    }
    e.queue.push(skb);
  }

  private maxProbes(e: NeighEntry): number {
    const u = this.param(e.dev, 'ucast_solicit');
    const a = this.param(e.dev, 'app_solicit');
    return (
      u +
      a +
      (e.state === 'PROBE' ? this.param(e.dev, 'mcast_resolicit') : this.param(e.dev, 'mcast_solicit'))
    );
  }

  private probe(e: NeighEntry): void {
    const unicast = e.probes - this.param(e.dev, 'ucast_solicit') < 0;
    arpSolicit(this.host, e, unicast ? e.mac : undefined, e.queue[e.queue.length - 1]);
    e.probes++;
  }

  /** neigh_timer_handler. */
  private timerHandler(e: NeighEntry): void {
    e.timer = undefined;
    const now = this.host.sim.now;
    const dev = e.dev;
    const delayProbe = this.param(dev, 'delay_first_probe_time') * SEC;
    const retrans = this.param(dev, 'retrans_time_ms') * MSEC;
    if (e.state === 'REACHABLE') {
      const rt = this.reachableTime(dev);
      if (now < e.confirmed + rt) this.arm(e, e.confirmed + rt);
      else if (now < e.used + delayProbe) {
        this.setState(e, 'DELAY', 'reachable-expired-recently-used');
        this.arm(e, now + delayProbe);
      } else this.setState(e, 'STALE', 'reachable-expired');
      return;
    }
    if (e.state === 'DELAY') {
      if (now < e.confirmed + delayProbe) {
        this.setState(e, 'REACHABLE', 'confirmed');
        e.updated = now;
        this.arm(e, e.confirmed + this.reachableTime(dev));
        return;
      }
      this.setState(e, 'PROBE', 'delay-expired');
      e.updated = now;
      e.probes = 0;
    }
    if (e.state === 'INCOMPLETE' || e.state === 'PROBE') {
      if (e.probes >= this.maxProbes(e)) {
        this.setState(e, 'FAILED', 'no-reply');
        e.updated = now;
        this.invalidate(e);
        return;
      }
      this.arm(e, now + retrans);
      this.probe(e);
    }
  }

  /** neigh_invalidate: drop the queue, each packet reported with ICMP host unreachable. */
  private invalidate(e: NeighEntry): void {
    const q = e.queue;
    e.queue = [];
    for (const skb of q) {
      this.host.sim.emit({
        kind: 'drop',
        host: this.host.name,
        pkt: skb.id,
        reason: 'neigh-failed',
        dev: e.dev,
        ip: e.ip,
      });
      icmpSendError(this.host, skb, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH);
    }
  }

  /**
   * neigh_update from an ARP packet. `override` is false inside locktime (the first reply
   * wins); STALE with the same address never downgrades a valid entry.
   */
  update(e: NeighEntry, mac: Mac, newState: NudState, override: boolean, reason: string): void {
    const now = this.host.sim.now;
    const old = e.state;
    let next = newState;
    if (CONNECTED.has(next)) e.confirmed = now;
    if (VALID.has(old)) {
      if (mac !== e.mac && !override) {
        this.host.sim.emit({
          kind: 'neigh.ignored',
          host: this.host.name,
          dev: e.dev,
          ip: e.ip,
          mac: e.mac ?? null,
          offered: mac,
          reason: 'locktime',
        });
        return;
      }
      if (mac === e.mac && next === 'STALE') next = old;
    }
    if (next !== old || mac !== e.mac) e.updated = now;
    const macChanged = mac !== e.mac;
    e.mac = mac;
    if (!CONNECTED.has(next) && macChanged)
      e.confirmed = now - 2 * this.param(e.dev, 'base_reachable_time_ms') * MSEC;
    if (next !== old) {
      this.disarm(e);
      if (next === 'REACHABLE') this.arm(e, now + this.reachableTime(e.dev));
      this.setState(e, next, reason);
    } else if (macChanged) {
      this.host.sim.emit({
        kind: 'neigh',
        host: this.host.name,
        dev: e.dev,
        ip: e.ip,
        mac,
        from: old,
        to: next,
        reason,
      });
    }
    if (!VALID.has(old) && VALID.has(next)) {
      const q = e.queue;
      e.queue = [];
      for (const skb of q) xmitFrame(this.host, e.dev, mac, skb);
    }
  }

  /** dst_confirm: higher-layer proof that the neighbour behind `dst` is alive. */
  confirm(dev: string, nexthop: Ipv4): void {
    const e = this.get(dev, nexthop);
    if (e) e.confirmed = this.host.sim.now;
  }

  flushDev(dev: string): void {
    for (const e of this.entries.values()) if (e.dev === dev) this.remove(e, 'dev-down');
  }

  /** Take an entry out of the table, its timers stopped. */
  remove(e: NeighEntry, reason: NeighDelEvent['reason']): void {
    this.disarm(e);
    this.entries.delete(`${e.dev}|${e.ip}`);
    this.byDev.get(e.dev)?.delete(e.ip);
    this.forgetRecent();
    this.host.sim.emit({ kind: 'neigh.del', host: this.host.name, dev: e.dev, ip: e.ip, reason });
  }

  /** `ip neigh flush`: drop every non-permanent entry (optionally of one device). */
  flush(dev?: string): number {
    let n = 0;
    for (const e of this.entries.values()) {
      if ((dev !== undefined && e.dev !== dev) || e.state === 'PERMANENT') continue;
      this.remove(e, 'flush');
      n++;
    }
    return n;
  }
}
