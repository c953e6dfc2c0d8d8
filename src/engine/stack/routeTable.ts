import type { Ipv4 } from '../packet/types';
import { ipNum, maskOf } from './addrMath';
import type { AddrScope } from './netdev';

export type RouteType = 'unicast' | 'local' | 'broadcast' | 'unreachable' | 'blackhole' | 'prohibit';
export type RouteTableId = 'local' | 'main';

export interface Route {
  table: RouteTableId;
  type: RouteType;
  /** Network address (host bits zero). */
  dst: Ipv4;
  prefix: number;
  via?: Ipv4;
  dev: string;
  /** Preferred source (`src` in `ip route`). */
  src?: Ipv4;
  scope: AddrScope;
  proto: 'kernel' | 'boot' | 'static';
  metric: number;
}

/** The result of a FIB lookup: the route and the next hop it resolves to. */
export interface FibResult {
  route: Route;
  type: RouteType;
  dev: string;
  /** Gateway, when the route has one (the next hop is then `via`, else the destination). */
  gw?: Ipv4;
}

/**
 * Routing tables `local` then `main`, longest prefix first, then lowest metric, then the
 * order routes were added (the kernel's fib alias order for equal keys).
 */
export class RouteTable {
  readonly routes: Route[] = [];
  /** Lookup results by destination (and oif), dropped on every change: the kernel's FIB is a trie; this is its cache. */
  private cache = new Map<string, FibResult | null>();
  /** Told of every route added or removed (the host writes it to the trace). */
  onChange: ((op: 'add' | 'del', r: Route) => void) | undefined;

  add(r: Route): 'exists' | undefined {
    const dup = this.routes.find(
      (x) =>
        x.table === r.table &&
        x.dst === r.dst &&
        x.prefix === r.prefix &&
        x.metric === r.metric &&
        x.type === r.type &&
        (r.table === 'local' ? x.dev === r.dev : true),
    );
    if (dup) return 'exists';
    this.cache.clear();
    this.routes.push(r);
    this.onChange?.('add', r);
    return undefined;
  }

  remove(pred: (r: Route) => boolean): Route[] {
    const gone: Route[] = [];
    for (let i = this.routes.length - 1; i >= 0; i--) {
      const r = this.routes[i]!;
      if (pred(r)) {
        this.cache.clear();
        gone.push(r);
        this.routes.splice(i, 1);
        this.onChange?.('del', r);
      }
    }
    return gone;
  }

  /** fib_lookup: `oif` restricts to routes through that device (FLOWI oif). */
  lookup(dst: Ipv4, oif?: string): FibResult | undefined {
    const key = oif === undefined ? dst : `${dst}%${oif}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const res = this.slowLookup(dst, oif);
    if (this.cache.size > 4096) this.cache.clear();
    this.cache.set(key, res ?? null);
    return res;
  }

  private slowLookup(dst: Ipv4, oif?: string): FibResult | undefined {
    const d = ipNum(dst);
    for (const table of ['local', 'main'] as const) {
      let best: Route | undefined;
      for (const r of this.routes) {
        if (r.table !== table) continue;
        if (oif !== undefined && r.dev !== oif) continue;
        const m = maskOf(r.prefix);
        if ((d & m) >>> 0 !== ipNum(r.dst)) continue;
        if (!best || r.prefix > best.prefix || (r.prefix === best.prefix && r.metric < best.metric)) best = r;
      }
      if (best) {
        const res: FibResult = { route: best, type: best.type, dev: best.dev };
        if (best.via !== undefined) res.gw = best.via;
        return res;
      }
    }
    return undefined;
  }

  list(table: RouteTableId): Route[] {
    return this.routes.filter((r) => r.table === table);
  }
}
