import type { Ipv4 } from '../packet/types';
import type { OutputRoute } from './ipOutput';
import type { InputRoute } from './routeInput';
import { ipNum, maskOf } from './addrMath';
import { RecentLookups } from './recentLookups';
import type { AddrScope } from './netdev';

export type RouteType = 'unicast' | 'local' | 'broadcast' | 'unreachable' | 'blackhole' | 'prohibit';
/** `local`, `main`, `default`, or another table by number (`ip route add ... table 100`). */
export type RouteTableId = string;

/** A policy routing rule (`ip rule`): selectors, then the table to look up. */
export interface PolicyRule {
  pref: number;
  /** Source prefix; undefined = from all. */
  from?: { addr: Ipv4; prefix: number };
  fwmark?: number;
  fwmask?: number;
  table: RouteTableId;
}

/** The kernel's three default rules. */
export const DEFAULT_RULES: readonly PolicyRule[] = [
  { pref: 0, table: 'local' },
  { pref: 32766, table: 'main' },
  { pref: 32767, table: 'default' },
];

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
  /** routeOutput's last answer from this result for a given source (ipOutput.ts). */
  out?: { dst: Ipv4; src: Ipv4; route: OutputRoute } | undefined;
  /** The same without a source, while the host's addresses stay as they were (`addrsVersion`). */
  outAny?: { dst: Ipv4; addrsVersion: number; route: OutputRoute } | undefined;
  /** routeInput's answer from this result, local or forwarded (routeInput.ts). */
  input?: InputRoute | undefined;
}

/** A local or forwarded input route and what it was asked with (the sysctl version it read). */
export interface LastInput {
  dst: Ipv4;
  src: Ipv4;
  mark: number;
  sysctlVersion: number;
  route: InputRoute;
  /** The answer before it on the device (a director's inner device hears from each real server in turn). */
  older: LastInput | undefined;
}

/**
 * Routing tables `local` then `main`, longest prefix first, then lowest metric, then the
 * order routes were added (the kernel's fib alias order for equal keys).
 */
export class RouteTable {
  readonly routes: Route[] = [];
  /** Policy rules, kept sorted by preference (ties: insertion order). */
  rules: PolicyRule[] = [...DEFAULT_RULES];
  /** Lookup results by destination (and oif), dropped on every change: the kernel's FIB is a trie; this is its cache. */
  private cache = new Map<string, FibResult | null>();
  /**
   * The same, by destination alone, for lookups without oif while no rule selects on fwmark or
   * source (then neither can change the result): the common case costs no key string.
   */
  private byDst = new Map<Ipv4, FibResult | null>();
  /**
   * The last destinations' answers from byDst (a socket routes every segment it sends, a
   * director every packet it forwards, to a few destinations): cleared whenever byDst changes.
   */
  private readonly recentDst = new RecentLookups(this.byDst);
  private plainRules = true;
  /**
   * routeInput's last answer per input device and the question it answered (routeInput.ts),
   * dropped with the cache on every change.
   */
  private readonly lastInput = new Map<string, LastInput>();
  /** The last devices' answers (every packet received asks): cleared with the table's. */
  private readonly recentInput = new RecentLookups(this.lastInput);
  /** Told of every route added or removed (the host writes it to the trace). */
  onChange: ((op: 'add' | 'del', r: Route) => void) | undefined;

  /** routeInput's last answer on `dev`, if any (an entry it keeps and rewrites in place). */
  lastInputOn(dev: string): LastInput | undefined {
    return this.recentInput.get(dev);
  }

  /** routeInput's first answer on `dev`. */
  setLastInput(dev: string, last: LastInput): void {
    this.lastInput.set(dev, last);
    this.recentInput.clear();
  }

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
    this.invalidate();
    this.routes.push(r);
    this.onChange?.('add', r);
    return undefined;
  }

  remove(pred: (r: Route) => boolean): Route[] {
    const gone: Route[] = [];
    for (let i = this.routes.length - 1; i >= 0; i--) {
      const r = this.routes[i]!;
      if (pred(r)) {
        this.invalidate();
        gone.push(r);
        this.routes.splice(i, 1);
        this.onChange?.('del', r);
      }
    }
    return gone;
  }

  addRule(r: PolicyRule): void {
    this.invalidate();
    let i = this.rules.length;
    while (i > 0 && this.rules[i - 1]!.pref > r.pref) i--;
    this.rules.splice(i, 0, r);
  }

  removeRule(pred: (r: PolicyRule) => boolean): boolean {
    const i = this.rules.findIndex(pred);
    if (i < 0) return false;
    this.invalidate();
    this.rules.splice(i, 1);
    return true;
  }

  /**
   * fib_lookup: the policy rules in order (fwmark and source selectors), each naming a table
   * searched by longest prefix; `oif` restricts to routes through that device (FLOWI oif).
   */
  lookup(dst: Ipv4, oif?: string, mark = 0, src?: Ipv4): FibResult | undefined {
    if (oif === undefined && this.plainRules) {
      const hit = this.recentDst.get(dst);
      if (hit !== undefined) return hit ?? undefined;
      const res = this.ruleLookup(dst, oif, mark, src);
      if (this.byDst.size > 4096) this.byDst.clear();
      this.byDst.set(dst, res ?? null);
      this.recentDst.clear();
      return res;
    }
    const key = `${dst}%${oif ?? ''}%${mark}%${src ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const res = this.ruleLookup(dst, oif, mark, src);
    if (this.cache.size > 4096) this.cache.clear();
    this.cache.set(key, res ?? null);
    return res;
  }

  private invalidate(): void {
    // Only when there is something to drop: clearing a Map allocates it a fresh table, and a
    // lab's start adds some fifty routes before the first lookup.
    if (this.cache.size > 0) this.cache.clear();
    if (this.byDst.size > 0) this.byDst.clear();
    this.recentDst.clear();
    if (this.lastInput.size > 0) this.lastInput.clear();
    this.recentInput.clear();
    this.plainRules = this.rules.every((r) => r.fwmark === undefined && !r.from);
  }

  private ruleLookup(
    dst: Ipv4,
    oif: string | undefined,
    mark: number,
    src: Ipv4 | undefined,
  ): FibResult | undefined {
    for (const rule of this.rules) {
      if (rule.fwmark !== undefined && (mark & (rule.fwmask ?? 0xffffffff)) >>> 0 !== rule.fwmark) continue;
      if (
        rule.from &&
        (src === undefined || (ipNum(src) & maskOf(rule.from.prefix)) >>> 0 !== ipNum(rule.from.addr))
      )
        continue;
      const res = this.tableLookup(rule.table, dst, oif);
      if (res) return res;
    }
    return undefined;
  }

  private tableLookup(table: RouteTableId, dst: Ipv4, oif?: string): FibResult | undefined {
    const d = ipNum(dst);
    let best: Route | undefined;
    for (const r of this.routes) {
      if (r.table !== table) continue;
      if (oif !== undefined && r.dev !== oif) continue;
      const m = maskOf(r.prefix);
      if ((d & m) >>> 0 !== ipNum(r.dst)) continue;
      if (!best || r.prefix > best.prefix || (r.prefix === best.prefix && r.metric < best.metric)) best = r;
    }
    if (!best) return undefined;
    const res: FibResult = {
      route: best,
      type: best.type,
      dev: best.dev,
      out: undefined,
      outAny: undefined,
      input: undefined,
    };
    if (best.via !== undefined) res.gw = best.via;
    return res;
  }

  list(table: RouteTableId): Route[] {
    return this.routes.filter((r) => r.table === table);
  }
}
