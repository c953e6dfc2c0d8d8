import type { TraceLog } from '@/engine';
import { DEFAULT_HOP_US } from './frameHops';
import type { Hop } from './frameHops';
import { countBelow } from './letGoPrefix';
import { colour } from './traceModelFold';
import type { ModelFold } from './traceModelFold';

/**
 * The fold of `trace`, which replaced `f`'s trace when the events before `first` were let go:
 * the same as folding `trace` from `first` (where a fresh fold starts), made from `f` without
 * reading an event. Hops sent before `first` go (with their receptions: a fresh fold never saw
 * their frame.tx); connections are numbered again in hop order with the aliases set since
 * `first`, as a fresh fold numbers them. `f` is used up: its maps lose what went, in place (a
 * step lets go of a quarter of the bound, the maps hold the whole bound), and `f`'s trace is no
 * longer read. `f` must have folded at least to `first`.
 */
export function dropModelPrefix(f: ModelFold, trace: TraceLog, first: number): ModelFold {
  const cut = countBelow(f.hops, first, (h) => h.seq);
  const pkts = new Set<string>();
  for (let i = 0; i < cut; i++) {
    const hop = f.hops[i]!;
    if (f.byFrame.get(hop.frame) === hop) f.byFrame.delete(hop.frame);
    f.colourOf.delete(hop.frame);
    if (hop.pkt) pkts.add(hop.pkt);
  }
  for (const pkt of pkts) dropBefore(f.byPkt, pkt, f.byPkt.get(pkt)!, first, (h: Hop) => h.seq);
  for (const [pkt, list] of f.pktEvents)
    if (list[0]! < first) dropBefore(f.pktEvents, pkt, list, first, (s) => s);
  const out: ModelFold = {
    ...f,
    trace,
    hops: f.hops.slice(cut),
    maxSpan: DEFAULT_HOP_US,
    alias: new Map(),
    aliasLog: [],
    numbers: new Map(),
    drops: f.drops.slice(countBelow(f.drops, first, (s) => s)),
  };
  // Number the kept hops again in trace order: a hop takes the aliases set before it.
  const aliases = f.aliasLog.slice(countBelow(f.aliasLog, first, (a) => a.seq));
  let a = 0;
  for (const hop of out.hops) {
    for (; a < aliases.length && aliases[a]!.seq < hop.seq; a++) setAlias(out, aliases[a]!);
    if (hop.rx.length) out.maxSpan = Math.max(out.maxSpan, hop.t1 - hop.t0);
    colour(out, hop);
  }
  for (; a < aliases.length; a++) setAlias(out, aliases[a]!);
  return out;
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

function setAlias(f: ModelFold, a: ModelFold['aliasLog'][number]): void {
  f.alias.set(a.from, a.to);
  f.aliasLog.push(a);
}
