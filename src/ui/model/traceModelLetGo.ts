import type { TraceLog } from '@/engine';
import { frameKey } from './connections';
import { DEFAULT_HOP_US } from './frameHops';
import type { Hop } from './frameHops';
import { countBelow } from './letGoPrefix';
import { joinConn, NO_CONN } from './traceModelFold';
import type { Conn, ModelFold } from './traceModelFold';

/**
 * The fold of `trace`, which replaced `f`'s trace when the events before `first` were let go:
 * the same as folding `trace` from `first` (where a fresh fold starts), made from `f` without
 * reading an event. Hops sent before `first` go (with their receptions: a fresh fold never saw
 * their frame.tx); connections are numbered again in order of their first hop kept, and hops
 * numbered through an alias set before `first` take their own tuple's connection, as a fresh
 * fold (which never saw that alias) numbers them. The work is in the hops that go and the
 * connections that stay, not in every hop kept (renumbering each of those was ~40 ms at the
 * default bound). `f` is used up: its maps lose what went, in place (a step lets go of a
 * quarter of the bound, the maps hold the whole bound), and `f`'s trace is no longer read.
 * `f` must have folded at least to `first`.
 */
export function dropModelPrefix(f: ModelFold, trace: TraceLog, first: number): ModelFold {
  const cut = countBelow(f.hops, first, (h) => h.seq);
  const pkts = new Set<string>();
  /** Connections that lost hops: they go, or are numbered by a later first hop. */
  const touched = new Set<Conn>();
  for (let i = 0; i < cut; i++) {
    const hop = f.hops[i]!;
    if (f.byFrame.get(hop.frame) === hop) f.byFrame.delete(hop.frame);
    leave(f, hop, touched);
    f.colourOf.delete(hop.frame);
    if (hop.pkt) pkts.add(hop.pkt);
  }
  for (const pkt of pkts) dropBefore(f.byPkt, pkt, f.byPkt.get(pkt)!, first, (h: Hop) => h.seq);
  for (const [pkt, list] of f.pktEvents)
    if (list[0]! < first) dropBefore(f.pktEvents, pkt, list, first, (s) => s);
  const aliasCut = countBelow(f.aliasLog, first, (a) => a.seq);
  const out: ModelFold = {
    ...f,
    trace,
    hops: f.hops.slice(cut),
    maxSpan: DEFAULT_HOP_US,
    alias: new Map(),
    aliasLog: f.aliasLog.slice(aliasCut),
    numbers: new Map(),
    drops: f.drops.slice(countBelow(f.drops, first, (s) => s)),
  };
  for (const a of out.aliasLog) out.alias.set(a.from, a);
  // Kept hops keyed through an alias that went: keyed by their own tuple now.
  const rekeyed: Hop[] = [];
  for (let i = 0; i < aliasCut; i++)
    for (const hop of f.aliasLog[i]!.used) if (hop.seq >= first) rekeyed.push(hop);
  rekeyed.sort((a, b) => a.seq - b.seq);
  for (const hop of rekeyed) {
    leave(f, hop, touched);
    touched.add(joinConn(f, hop, frameKey(hop.eth)));
  }
  // A connection with no hop left goes; the others that lost hops start at their first one kept.
  const pending = new Set<Conn>();
  for (const c of touched) {
    if (c.held === 0) f.numbers.delete(c.key);
    else pending.add(c);
  }
  for (let i = 0; pending.size > 0 && i < out.hops.length; i++) {
    const c = f.colourOf.get(out.hops[i]!.frame)!;
    if (pending.delete(c)) c.first = out.hops[i]!.seq;
  }
  const conns = [...f.numbers.values()].sort((a, b) => a.first - b.first);
  for (let n = 0; n < conns.length; n++) {
    conns[n]!.n = n;
    out.numbers.set(conns[n]!.key, conns[n]!);
  }
  for (const hop of out.hops) if (hop.rx.length) out.maxSpan = Math.max(out.maxSpan, hop.t1 - hop.t0);
  return out;
}

/** `hop` no longer counts for its connection. */
function leave(f: ModelFold, hop: Hop, touched: Set<Conn>): void {
  const c = f.colourOf.get(hop.frame);
  if (!c || c === NO_CONN) return;
  c.held--;
  touched.add(c);
}

/** `list` (ascending by `key`) without its entries before `first`; none left: the key goes. */
function dropBefore<T>(
  m: Map<string, T[]>,
  k: string,
  list: T[],
  first: number,
  key: (x: T) => number,
): void {
  const n = countBelow(list, first, key);
  if (n === list.length) m.delete(k);
  else if (n > 0) m.set(k, list.slice(n));
}
