import type { TraceEvent, TraceLog } from '@/engine';
import { ARP_KEY, frameKey, OTHER_KEY, packetAlias } from './connections';
import { addRx, DEFAULT_HOP_US, hopOfTx } from './frameHops';
import type { Hop } from './frameHops';
import { pktOf } from './hookPath';
import type { TraceModel } from './traceModel';

/**
 * The trace model as a left fold over the events: the state after the first `length` events,
 * which `extendModelFold` carries on event by event. buildHops, numberConnections and
 * indexPacketEvents compute the same from scratch (the tests hold the two to each other).
 */
export interface ModelFold {
  trace: TraceLog;
  length: number;
  hops: Hop[];
  byFrame: Map<string, Hop>;
  byPkt: Map<string, Hop[]>;
  maxSpan: number;
  /** NAT's rewritten 5-tuples → the alias that keys them by the client's tuple to the VIP. */
  alias: Map<string, AliasSet>;
  /** Every alias as set, in trace order (a fork's fold takes those before its start). */
  aliasLog: AliasSet[];
  /** Connection key → its connection, in the order they are numbered. */
  numbers: Map<string, Conn>;
  /** Frame → the connection its hop belongs to (NO_CONN for ARP and other non-IP frames). */
  colourOf: Map<string, Conn>;
  pktEvents: Map<string, number[]>;
  drops: number[];
}

/**
 * A connection as the views colour it: numbered 0, 1, 2 … in the order of its first hop the
 * fold holds. Hops point at it rather than at its number, so that letting old hops go
 * renumbers the connections, not every hop (traceModelLetGo.ts).
 */
export interface Conn {
  key: string;
  n: number;
  /** The sequence number of its first hop held. */
  first: number;
  /** How many hops held belong to it. */
  held: number;
}

/** The connection of ARP and other non-IP frames: none (shared, never changed). */
export const NO_CONN: Readonly<Conn> = Object.freeze({ key: '', n: -1, first: -1, held: 0 });

/** An alias as an `ipvs.conn` new set it, and the hops numbered through it (the let-go re-keys them). */
export interface AliasSet {
  seq: number;
  from: string;
  to: string;
  used: Hop[];
}

export function newModelFold(trace: TraceLog): ModelFold {
  return {
    trace,
    length: 0,
    hops: [],
    byFrame: new Map(),
    byPkt: new Map(),
    maxSpan: DEFAULT_HOP_US,
    alias: new Map(),
    aliasLog: [],
    numbers: new Map(),
    colourOf: new Map(),
    pktEvents: new Map(),
    drops: [],
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Number a new hop's connection (its frame's key, through NAT's alias as it stands now). */
export function colour(f: ModelFold, hop: Hop): void {
  const raw = frameKey(hop.eth);
  if (raw === ARP_KEY || raw === OTHER_KEY) {
    f.colourOf.set(hop.frame, NO_CONN);
    return;
  }
  const a = f.alias.get(raw);
  if (a) a.used.push(hop);
  joinConn(f, hop, a ? a.to : raw);
}

/** `hop` joins the connection of `key`, numbered next if it is new. */
export function joinConn(f: ModelFold, hop: Hop, key: string): Conn {
  let c = f.numbers.get(key);
  if (!c) f.numbers.set(key, (c = { key, n: f.numbers.size, first: hop.seq, held: 0 }));
  c.held++;
  f.colourOf.set(hop.frame, c);
  return c;
}

function step(f: ModelFold, e: TraceEvent): void {
  const pkt = pktOf(e);
  if (pkt !== undefined) push(f.pktEvents, pkt, e.seq);
  if (e.kind === 'drop' || (e.kind === 'frame.rx' && e.accepted === false)) f.drops.push(e.seq);
  if (e.kind === 'ipvs.conn') {
    const a = packetAlias(e);
    if (a) {
      const set: AliasSet = { seq: e.seq, from: a[0], to: a[1], used: [] };
      f.alias.set(a[0], set);
      f.aliasLog.push(set);
    }
  } else if (e.kind === 'frame.tx') {
    const hop = hopOfTx(e);
    f.hops.push(hop);
    f.byFrame.set(hop.frame, hop);
    if (hop.pkt) push(f.byPkt, hop.pkt, hop);
    colour(f, hop);
  } else if (e.kind === 'frame.rx') {
    const hop = f.byFrame.get(e.frame);
    if (!hop) return;
    addRx(hop, e);
    f.maxSpan = Math.max(f.maxSpan, hop.t1 - hop.t0);
  }
}

/** Fold on to the first `to` events of the trace. */
export function extendModelFold(f: ModelFold, to: number): void {
  const end = Math.min(to, f.trace.length);
  // A long session's summarised span holds only configuration events: start after it.
  for (let i = Math.max(f.length, f.trace.first ?? 0); i < end; i++) step(f, f.trace.at(i)!);
  f.length = Math.max(f.length, end);
}

/**
 * A model object for the fold as it stands. The arrays and maps are shared and go on growing
 * with the fold (views read them for the trace length they were given); the wrappers are new,
 * so a view memoised on the model or its hop index sees that it changed.
 */
export function modelOf(f: ModelFold): TraceModel {
  const colourOf = f.colourOf;
  return {
    trace: f.trace,
    hops: { hops: f.hops, byFrame: f.byFrame, byPkt: f.byPkt, maxSpan: f.maxSpan },
    colours: { indexOf: (hop) => colourOf.get(hop.frame)?.n ?? -1, count: f.numbers.size },
    pktEvents: f.pktEvents,
    drops: f.drops,
  };
}
