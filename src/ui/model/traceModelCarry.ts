import type { TraceLog } from '@/engine';
import { DEFAULT_HOP_US } from './frameHops';
import type { Hop } from './frameHops';
import { countBelow } from './letGoPrefix';
import { NO_CONN, newModelFold } from './traceModelFold';
import type { Conn, ModelFold } from './traceModelFold';

/** A hop as it stood after the first `n` events: its own object, so the new fold may add legs. */
function hopBefore(hop: Hop, n: number): Hop {
  const rx = hop.rx.filter((r) => r.seq < n);
  if (rx.length === hop.rx.length) return { ...hop, rx };
  let t1 = hop.t0 + DEFAULT_HOP_US;
  for (let i = 0; i < rx.length; i++) t1 = i === 0 ? rx[i]!.t : Math.max(t1, rx[i]!.t);
  return { ...hop, t1, rx };
}

/**
 * The fold of `trace`'s first `n` events, taken from a fold of another trace whose first `n`
 * events are the same (the trace a fork was made from): what lies past `n` is cut away instead
 * of folding the shared events again. `f` is left as it was. The events past what `f` folded
 * are not in it: the result stops at `min(n, f.length)`, to be extended from there.
 */
export function carryModelFold(f: ModelFold, trace: TraceLog, shared: number): ModelFold {
  const n = Math.min(shared, f.length);
  const out = newModelFold(trace);
  out.length = n;
  const hops = f.hops.slice(
    0,
    countBelow(f.hops, n, (h) => h.seq),
  );
  // Connections are numbered in hop order: the kept hops use the first ones, as many hops each
  // as they hold of them. Each is a new object: `f`'s go on counting its own hops.
  const conns = new Map<Conn, Conn>();
  const hopOf = new Map<Hop, Hop>();
  for (const old of hops) {
    const hop = hopBefore(old, n);
    hopOf.set(old, hop);
    out.hops.push(hop);
    out.byFrame.set(hop.frame, hop);
    if (hop.pkt) {
      const list = out.byPkt.get(hop.pkt);
      if (list) list.push(hop);
      else out.byPkt.set(hop.pkt, [hop]);
    }
    if (hop.rx.length) out.maxSpan = Math.max(out.maxSpan, hop.t1 - hop.t0);
    const c = f.colourOf.get(hop.frame) ?? NO_CONN;
    if (c === NO_CONN) {
      out.colourOf.set(hop.frame, NO_CONN);
      continue;
    }
    let mine = conns.get(c);
    if (!mine) {
      conns.set(c, (mine = { key: c.key, n: c.n, first: c.first, held: 0 }));
      out.numbers.set(c.key, mine);
    }
    mine.held++;
    out.colourOf.set(hop.frame, mine);
  }
  for (const a of f.aliasLog) {
    if (a.seq >= n) break;
    const used: Hop[] = [];
    for (const hop of a.used) {
      const mine = hopOf.get(hop);
      if (mine) used.push(mine);
    }
    const set = { ...a, used };
    out.alias.set(a.from, set);
    out.aliasLog.push(set);
  }
  for (const [pkt, list] of f.pktEvents) {
    if (list[0]! >= n) continue;
    out.pktEvents.set(
      pkt,
      list.slice(
        0,
        countBelow(list, n, (s) => s),
      ),
    );
  }
  out.drops = f.drops.slice(
    0,
    countBelow(f.drops, n, (s) => s),
  );
  return out;
}
