import type { EthernetFrame, TraceEvent, TraceLog } from '@/engine';

/** Wire time across a segment when a frame reached nobody (the engine's SEGMENT_DELAY_US). */
export const DEFAULT_HOP_US = 100;

export interface RxLeg {
  host: string;
  dev: string;
  seq: number;
  t: number;
  accepted: boolean;
}

/** One frame crossing one segment: sent by one port, received by one (unicast) or many (flood). */
export interface Hop {
  frame: string;
  seq: number;
  t0: number;
  t1: number;
  host: string;
  dev: string;
  segment: string;
  pkt: string | null;
  eth: EthernetFrame;
  rx: RxLeg[];
}

export interface HopIndex {
  hops: Hop[];
  byFrame: Map<string, Hop>;
  byPkt: Map<string, Hop[]>;
  /** Longest t1 − t0, for range queries by time. */
  maxSpan: number;
}

type FrameTx = Extract<TraceEvent, { kind: 'frame.tx' }>;
type FrameRx = Extract<TraceEvent, { kind: 'frame.rx' }>;

/** A hop as its frame.tx starts it: nobody has received it yet. */
export function hopOfTx(e: FrameTx): Hop {
  return {
    frame: e.frame,
    seq: e.seq,
    t0: e.t,
    t1: e.t + DEFAULT_HOP_US,
    host: e.host,
    dev: e.dev,
    segment: e.segment,
    pkt: e.pkt,
    eth: e.eth,
    rx: [],
  };
}

/** A frame.rx joins its hop as one more leg; the hop lasts until its last receiver has it. */
export function addRx(hop: Hop, e: FrameRx): void {
  hop.t1 = hop.rx.length === 0 ? e.t : Math.max(hop.t1, e.t);
  hop.rx.push({ host: e.host, dev: e.dev, seq: e.seq, t: e.t, accepted: e.accepted });
}

/** Pair every frame.tx with its frame.rx events. Hops come out in trace (and time) order. */
export function buildHops(trace: TraceLog): HopIndex {
  const hops: Hop[] = [];
  const byFrame = new Map<string, Hop>();
  const byPkt = new Map<string, Hop[]>();
  for (const ev of trace) {
    if (ev.kind === 'frame.tx') {
      const hop = hopOfTx(ev);
      hops.push(hop);
      byFrame.set(hop.frame, hop);
      if (hop.pkt) {
        const list = byPkt.get(hop.pkt);
        if (list) list.push(hop);
        else byPkt.set(hop.pkt, [hop]);
      }
    } else if (ev.kind === 'frame.rx') {
      const hop = byFrame.get(ev.frame);
      if (hop) addRx(hop, ev);
    }
  }
  let maxSpan = DEFAULT_HOP_US;
  for (const h of hops) maxSpan = Math.max(maxSpan, h.t1 - h.t0);
  return { hops, byFrame, byPkt, maxSpan };
}

/** The hop of the same packet just before this one (the previous segment it crossed), if any. */
export function previousHop(index: HopIndex, hop: Hop): Hop | undefined {
  if (!hop.pkt) return undefined;
  const list = index.byPkt.get(hop.pkt) ?? [];
  const i = list.indexOf(hop);
  return i > 0 ? list[i - 1] : undefined;
}

/** First hop index whose t0 ≥ t (binary search; hops are in time order). */
export function lowerBoundT0(hops: readonly Hop[], t: number): number {
  let lo = 0;
  let hi = hops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hops[mid]!.t0 < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
