import { cancelTimer } from '../core/eventQueue';
import { SEC } from '../core/sim';
import type { Host } from '../stack/host';
import { ipNum } from '../stack/addrMath';
import type { IpvsConn } from './conn';
import { connInKey, connOutKey } from './conn';
import { ACTIVE_STATES } from './tcpStates';

/** Connection table size: 1 << conn_tab_bits (12), the "size=4096" of ipvsadm -L. */
export const CONN_TAB_SIZE = 4096;

/**
 * The connection table: lookups in the request direction (client → VIP) and the reply
 * direction (RIP → client), expiry on the virtual clock, and the kernel's hash order for
 * `ipvsadm -Lnc`.
 */
export class ConnTable {
  readonly byIn = new Map<string, IpvsConn>();
  readonly byOut = new Map<string, IpvsConn>();
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

  inKey(c: IpvsConn): string {
    return connInKey(c.proto, c.caddr, c.cport, c.vaddr, c.vport);
  }

  insert(c: IpvsConn): void {
    this.byIn.set(this.inKey(c), c);
    if (!c.template) this.byOut.set(connOutKey(c.proto, c.daddr, c.dport, c.caddr, c.cport), c);
    this.arm(c);
  }

  unlink(c: IpvsConn): void {
    if (this.byIn.get(this.inKey(c)) === c) this.byIn.delete(this.inKey(c));
    const ok = connOutKey(c.proto, c.daddr, c.dport, c.caddr, c.cport);
    if (this.byOut.get(ok) === c) this.byOut.delete(ok);
    cancelTimer(c.timer);
  }

  /** Re-key an invalid template out of the way (ports 0xffff), as ip_vs_conn_invalidate does. */
  rekey(c: IpvsConn): void {
    this.byIn.delete(this.inKey(c));
    c.cport = 0xffff;
    c.vport = 0xffff;
    this.byIn.set(this.inKey(c), c);
  }

  /** Lazy timer: one event per entry, moved forward only when it fires early. */
  arm(c: IpvsConn): void {
    if (c.timer && !c.timer.cancelled && c.timer.time <= c.expires) return;
    cancelTimer(c.timer);
    c.timer = this.host.sim.at(c.expires, 'ipvs-conn-expire', () => {
      c.timer = undefined;
      if (this.host.sim.now < c.expires) this.arm(c);
      else this.onExpire(c);
    });
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
