import type { Ipv4 } from '../packet/types';
import { ipNum } from './addrMath';

/** ip_local_port_range on CentOS 7: 32768–60999, 28,232 ports. */
export const PORT_LO = 32768;
export const PORT_HI = 60999;
export const PORT_COUNT = PORT_HI - PORT_LO + 1;

/** A 32-bit mix standing in for secure_ipv4_port_ephemeral's keyed hash of the destination. */
export function portOffset(secret: number, laddr: Ipv4, raddr: Ipv4, rport: number): number {
  let h = (secret ^ ipNum(laddr)) >>> 0;
  for (const v of [ipNum(raddr), rport]) {
    h = Math.imul(h ^ v, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

const pairKey = (laddr: Ipv4, raddr: Ipv4): string => `${laddr}>${raddr}`;

/**
 * A remote port no socket has, kept in every per-pair map so that it never empties: V8 reallocates
 * a Map's table each time its last entry goes, and a server's map for a client went from none to
 * one entry and back per connection (about 150 bytes each time).
 */
const KEEP = -1;

/**
 * The local ports in use towards one destination: a bitmap of all 65,536 (8 KB, once per
 * destination) rather than a Set entry per socket, which cost ~30 bytes for each of a busy
 * client's TIME-WAIT sockets.
 */
class PortSet {
  private readonly bits = new Uint8Array(65536 >> 3);
  size = 0;

  has(port: number): boolean {
    return (this.bits[port >> 3]! & (1 << (port & 7))) !== 0;
  }

  add(port: number): void {
    if (this.has(port)) return;
    this.bits[port >> 3]! |= 1 << (port & 7);
    this.size++;
  }

  /** Calls `fn` with each port in the set, lowest first. */
  forEach(fn: (port: number) => void): void {
    const b = this.bits;
    for (let i = 0; i < b.length; i++) {
      const byte = b[i]!;
      if (byte === 0) continue;
      for (let j = 0; j < 8; j++) if (byte & (1 << j)) fn((i << 3) | j);
    }
  }

  /** True when the port was in the set. */
  delete(port: number): boolean {
    if (!this.has(port)) return false;
    this.bits[port >> 3]! &= ~(1 << (port & 7));
    this.size--;
    return true;
  }
}

/**
 * The sockets on one local port, per local address: a short list (a port is nearly always held on
 * one address), not a Map per port, which cost ~450 bytes for each of a busy client's ports. The
 * commonest case, one socket on one address, is just the address (no node).
 */
interface PortUse {
  addr: Ipv4;
  n: number;
  next: PortUse | undefined;
}

type PortUses = PortUse | Ipv4;

/** Is `addr` among a port's uses? */
function uses(u: PortUses | undefined, addr: Ipv4): boolean {
  return typeof u === 'string' ? u === addr : useOf(u, addr) !== undefined;
}

function useOf(u: PortUse | undefined, addr: Ipv4): PortUse | undefined {
  while (u !== undefined && u.addr !== addr) u = u.next;
  return u;
}

/**
 * The local ports a host's TCP sockets hold, indexed the two ways Linux looks them up:
 * per destination (a connect() port must make the 4-tuple unique, __inet_hash_connect) and per
 * local port (a bind() port must not clash with another socket on that address,
 * inet_csk_get_port). TIME-WAIT sockets count: without tcp_tw_reuse they keep their port.
 */
export class PortIndex {
  /**
   * Per (local address, remote address), then per remote port: its one local port (a server's
   * side of a connection), or a bitmap of them. The remote port apart, as a number: a server's
   * every connection has a new one (the client's port), and a string key per connection cost a
   * concatenation and its hash at each accept and close. A pair's map stays once made (a host
   * meets few addresses).
   */
  private readonly byDest = new Map<string, Map<number, number | PortSet>>();
  /**
   * Per local port, the addresses holding it: only bind() asks, so it is built from byDest at the
   * first bind() and kept from then on (a host that never binds keeps no entry per socket).
   */
  private byPortIx: Map<number, PortUses> | undefined;
  /** Ports taken by bind(): connect()'s search skips them whatever the destination. */
  private readonly bound = new Map<number, number>();
  /** __inet_hash_connect's `hint`: consecutive connects walk consecutive ports. */
  private hint = 0;
  /** The last (local, remote) address pair and its map: a connect, add and remove share one. */
  private keyL = '';
  private keyR = '';
  private pair: Map<number, number | PortSet> | undefined = undefined;

  constructor(
    private readonly secret: number,
    private readonly randomPort: () => number,
  ) {}

  add(laddr: Ipv4, lport: number, raddr: Ipv4, rport: number, bound: boolean): void {
    const dest = this.pairPorts(laddr, raddr);
    const cur = dest.get(rport);
    if (cur === undefined) dest.set(rport, lport);
    else if (typeof cur !== 'number') cur.add(lport);
    else if (cur !== lport) {
      const set = new PortSet();
      set.add(cur);
      set.add(lport);
      dest.set(rport, set);
    }
    if (this.byPortIx) this.use(this.byPortIx, lport, laddr);
    if (bound) this.bound.set(lport, (this.bound.get(lport) ?? 0) + 1);
  }

  remove(laddr: Ipv4, lport: number, raddr: Ipv4, rport: number, bound: boolean): void {
    const dest = this.pairPorts(laddr, raddr);
    const cur = dest.get(rport);
    if (typeof cur === 'number' ? cur === lport : cur?.delete(lport) && cur.size === 0) dest.delete(rport);
    if (this.byPortIx) this.release(this.byPortIx, lport, laddr);
    if (bound) {
      const b = this.bound.get(lport) ?? 0;
      if (b > 1) this.bound.set(lport, b - 1);
      else this.bound.delete(lport);
    }
  }

  private get byPort(): Map<number, PortUses> {
    if (this.byPortIx) return this.byPortIx;
    const ix = new Map<number, PortUses>();
    for (const [k, dest] of this.byDest) {
      const laddr = k.slice(0, k.indexOf('>'));
      for (const [rport, set] of dest) {
        if (rport === KEEP) continue;
        if (typeof set === 'number') this.use(ix, set, laddr);
        else set.forEach((port) => this.use(ix, port, laddr));
      }
    }
    return (this.byPortIx = ix);
  }

  private use(byPort: Map<number, PortUses>, lport: number, laddr: Ipv4): void {
    const found = byPort.get(lport);
    if (found === undefined) {
      byPort.set(lport, laddr);
      return;
    }
    const head = typeof found === 'string' ? { addr: found, n: 1, next: undefined } : found;
    const use = useOf(head, laddr);
    if (use) use.n++;
    byPort.set(lport, use ? head : { addr: laddr, n: 1, next: head });
  }

  private release(byPort: Map<number, PortUses>, lport: number, laddr: Ipv4): void {
    const found = byPort.get(lport);
    if (typeof found === 'string') {
      if (found === laddr) byPort.delete(lport);
      return;
    }
    const head = found;
    const use = useOf(head, laddr);
    if (!use || --use.n > 0) return;
    if (use === head) {
      if (head.next) byPort.set(lport, head.next);
      else byPort.delete(lport);
      return;
    }
    let prev = head!;
    while (prev.next !== use) prev = prev.next!;
    prev.next = use.next;
  }

  /**
   * connect() without bind(): start at the destination's secret offset plus the hint and take
   * the first port whose 4-tuple is free. A full destination fails at once (EADDRNOTAVAIL).
   */
  connectPort(laddr: Ipv4, raddr: Ipv4, rport: number): number | undefined {
    const cur = this.pairPorts(laddr, raddr).get(rport);
    if (typeof cur === 'object' && cur.size >= PORT_COUNT) return undefined;
    const offset = (portOffset(this.secret, laddr, raddr, rport) + this.hint) % PORT_COUNT;
    for (let i = 1; i <= PORT_COUNT; i++) {
      const port = PORT_LO + ((i + offset) % PORT_COUNT);
      // One port in use towards the destination is the number itself (no set made for it).
      if (this.bound.has(port) || (typeof cur === 'number' ? cur === port : cur?.has(port))) continue;
      this.hint = (this.hint + i) >>> 0;
      return port;
    }
    return undefined;
  }

  /** byDest's map for an address pair (made on first use), the last one remembered. */
  private pairPorts(laddr: Ipv4, raddr: Ipv4): Map<number, number | PortSet> {
    if (this.pair !== undefined && raddr === this.keyR && laddr === this.keyL) return this.pair;
    const k = pairKey(laddr, raddr);
    let dest = this.byDest.get(k);
    if (dest === undefined) this.byDest.set(k, (dest = new Map([[KEEP, 0]])));
    this.keyL = laddr;
    this.keyR = raddr;
    return (this.pair = dest);
  }

  /** Is `port` free for bind() on `laddr` (no socket on that address or on the wildcard)? */
  bindable(laddr: Ipv4, port: number): boolean {
    const head = this.byPort.get(port);
    if (head === undefined) return true;
    return laddr === '0.0.0.0' ? false : !uses(head, laddr) && !uses(head, '0.0.0.0');
  }

  /** bind(addr, 0): a random start in the range, then the first port free on that address. */
  bindPort(laddr: Ipv4): number | undefined {
    const start = this.randomPort();
    for (let i = 0; i < PORT_COUNT; i++) {
      const port = PORT_LO + ((start + i) % PORT_COUNT);
      if (this.bindable(laddr, port)) return port;
    }
    return undefined;
  }
}
