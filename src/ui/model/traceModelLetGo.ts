import type { TraceLog } from '@/engine';
import { countBelow } from './letGoPrefix';
import { colour, newModelFold } from './traceModelFold';
import type { ModelFold } from './traceModelFold';

/**
 * The fold of `trace`, which replaced `f`'s trace when the events before `first` were let go:
 * the same as folding `trace` from `first` (where a fresh fold starts), made from `f` without
 * reading an event. Hops sent before `first` go (with their receptions: a fresh fold never saw
 * their frame.tx); connections are numbered again in hop order with the aliases set since
 * `first`, as a fresh fold numbers them. The kept hops are moved, not copied: `f`'s trace is no
 * longer read. `f` must have folded at least to `first`.
 */
export function dropModelPrefix(f: ModelFold, trace: TraceLog, first: number): ModelFold {
  const out = newModelFold(trace);
  out.length = f.length;
  const hops = f.hops.slice(countBelow(f.hops, first, (h) => h.seq));
  const aliases = f.aliasLog.slice(countBelow(f.aliasLog, first, (a) => a.seq));
  // Replay the kept hops and aliases in trace order: a hop takes the alias set before it.
  let a = 0;
  for (const hop of hops) {
    for (; a < aliases.length && aliases[a]!.seq < hop.seq; a++) setAlias(out, aliases[a]!);
    out.hops.push(hop);
    out.byFrame.set(hop.frame, hop);
    if (hop.pkt) {
      const list = out.byPkt.get(hop.pkt);
      if (list) list.push(hop);
      else out.byPkt.set(hop.pkt, [hop]);
    }
    if (hop.rx.length) out.maxSpan = Math.max(out.maxSpan, hop.t1 - hop.t0);
    colour(out, hop);
  }
  for (; a < aliases.length; a++) setAlias(out, aliases[a]!);
  for (const [pkt, list] of f.pktEvents) {
    const kept = countBelow(list, first, (s) => s);
    if (kept < list.length) out.pktEvents.set(pkt, kept === 0 ? list : list.slice(kept));
  }
  out.drops = f.drops.slice(countBelow(f.drops, first, (s) => s));
  return out;
}

function setAlias(f: ModelFold, a: ModelFold['aliasLog'][number]): void {
  f.alias.set(a.from, a.to);
  f.aliasLog.push(a);
}
