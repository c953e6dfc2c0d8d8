import { cancelTimer, TimerEvent } from '../core/eventQueue';
import { SEC } from '../core/sim';
import type { Ipv4 } from '../packet/types';
import type { Host } from '../stack/host';
import { ipNum } from '../stack/addrMath';
import { RecentLookups } from '../stack/recentLookups';
import { TupleIndex } from '../stack/tupleIndex';
import { TupleKeys } from '../stack/tupleKey';
import type { IpvsConn } from './conn';
import { IpvsConnEntry } from './connEntry';
import { ACTIVE_STATES } from './tcpStates';

/** The protocol's part of a connection key (tupleKey.ts: 2 bits). */
const PROTO_TAG: Readonly<Record<IpvsConn['proto'], number>> = { TCP: 0, UDP: 1, SCTP: 2, IP: 3 };

/**
 * An entry's expiry timer when the entry cannot be its own (it is still in the queue, cancelled,
 * or not an IpvsConnEntry): a record holding the entry (no closure per arming).
 */
class ConnExpiry extends TimerEvent {
  constructor(
    private conn: IpvsConn | undefined,
    private readonly table: ConnTable,
  ) {
    super();
  }

  get label(): string {
    return 'ipvs-conn-expire';
  }

  run(): void {
    if (this.conn) this.table.due(this.conn);
  }

  protected override release(): void {
    this.conn = undefined;
  }
}

/** Connection table size: 1 << conn_tab_bits (12), the "size=4096" of ipvsadm -L. */
export const CONN_TAB_SIZE = 4096;

/**
 * The connection table: lookups in the request direction (client → VIP) and the reply
 * direction (RIP → client), expiry on the virtual clock, and the kernel's hash order for
 * `ipvsadm -Lnc`.
 */
export class ConnTable {
  /** Entries by (proto, caddr, cport, vaddr, vport), as numbers (tupleKey.ts). */
  readonly byIn = new Map<number | string, IpvsConn>();
  /**
   * NAT entries by (proto, daddr, dport, caddr, cport): where a reply is looked up. In two levels
   * (stack/tupleIndex.ts): every request packet is looked up here too (ip_vs_out_hook runs first
   * at LOCAL_IN) and has no entry, which the address pair alone answers.
   */
  private readonly keys = new TupleKeys();
  private readonly byOut = new TupleIndex<IpvsConn>(this.keys);
  /**
   * The last two answers from byIn (absent ones too), cleared whenever it changes: a connection's
   * packets come one after another, so nearly every lookup is the one before it and is answered
   * without hashing into a table of tens of thousands of entries (a busy lab's minute of TIME_WAIT).
   */
  private readonly recentIn = new RecentLookups(this.byIn);
  private readonly rnd: number;

  constructor(
    private readonly host: Host,
    private readonly onExpire: (c: IpvsConn) => void,
  ) {
    this.rnd = host.sim.rng.child(`ipvs-conn-rnd:${host.name}`).u32();
  }

  get size(): number {
    return this.byIn.size;
  }

  /** ip_vs_conn_hashkey: a jhash-like mix of protocol, client address and port, 12 bits. */
  bucketOf(proto: string, caddr: string, cport: number): number {
    let h = (ipNum(caddr) ^ this.rnd ^ Math.imul(cport + proto.length * 65536, 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0) & (CONN_TAB_SIZE - 1);
  }

  inKey(c: IpvsConn): number | string {
    return this.keys.store(PROTO_TAG[c.proto], c.caddr, c.cport, c.vaddr, c.vport);
  }

  /** The entry a packet from caddr:cport to vaddr:vport belongs to (ip_vs_conn_in_get). */
  findIn(
    proto: IpvsConn['proto'],
    caddr: Ipv4,
    cport: number,
    vaddr: Ipv4,
    vport: number,
  ): IpvsConn | undefined {
    const k = this.keys.find(PROTO_TAG[proto], caddr, cport, vaddr, vport);
    return k === undefined ? undefined : this.recentIn.get(k);
  }

  /** The entry a reply from daddr:dport to caddr:cport belongs to (ip_vs_conn_out_get). */
  findOut(
    proto: IpvsConn['proto'],
    daddr: Ipv4,
    dport: number,
    caddr: Ipv4,
    cport: number,
  ): IpvsConn | undefined {
    return this.byOut.get(PROTO_TAG[proto], daddr, dport, caddr, cport);
  }

  insert(c: IpvsConn): void {
    const k = this.inKey(c);
    this.byIn.set(k, c);
    // The lookup that missed just before (the connection's first packet) now finds it.
    this.recentIn.set(k, c);
    // Only a NAT reply is looked up by its source (ip_vs_out, the ICMP errors about it): a DR or
    // TUN entry's key there would never be used.
    if (!c.template && c.fwd === 'masq')
      this.byOut.set(PROTO_TAG[c.proto], c.daddr, c.dport, c.caddr, c.cport, c);
    this.arm(c);
  }

  unlink(c: IpvsConn): void {
    const ik = this.inKey(c);
    if (this.byIn.get(ik) === c) {
      this.byIn.delete(ik);
      this.recentIn.clear();
    }
    this.byOut.delete(PROTO_TAG[c.proto], c.daddr, c.dport, c.caddr, c.cport, c);
    cancelTimer(c.timer);
  }

  /** Re-key an invalid template out of the way (ports 0xffff), as ip_vs_conn_invalidate does. */
  rekey(c: IpvsConn): void {
    this.byIn.delete(this.inKey(c));
    c.cport = 0xffff;
    c.vport = 0xffff;
    this.byIn.set(this.inKey(c), c);
    this.recentIn.clear();
  }

  /** Lazy timer: one event per entry, moved forward only when it fires early. */
  arm(c: IpvsConn): void {
    if (c.timer && (this.host.sim.queue.dueOf(c.timer) ?? Infinity) <= c.expires) return;
    cancelTimer(c.timer);
    if (c instanceof IpvsConnEntry && c.idle) {
      c.table = this;
      c.timer = this.host.sim.atTimer(c.expires, c);
      c.queued();
    } else c.timer = this.host.sim.atTimer(c.expires, new ConnExpiry(c, this));
  }

  /** The entry's timer fired: expire it, or arm again if it was touched since. */
  due(c: IpvsConn): void {
    c.timer = undefined;
    if (this.host.sim.now < c.expires) this.arm(c);
    else this.onExpire(c);
  }

  touch(c: IpvsConn): void {
    c.expires = this.host.sim.now + c.timeoutUs;
    this.arm(c);
  }

  /** Rows for -Lnc: bucket order, newest first within a bucket (hlist_add_head). */
  listed(): IpvsConn[] {
    return [...this.byIn.values()].sort((a, b) => a.bucket - b.bucket || b.created - a.created);
  }

  isActive(c: IpvsConn): boolean {
    return ACTIVE_STATES.has(c.state);
  }

  remainingSeconds(c: IpvsConn): number {
    return Math.max(0, Math.floor((c.expires - this.host.sim.now) / SEC));
  }
}
