/**
 * Per-device packet counters (what /proc/net/dev and ifconfig show), derived from the trace:
 * every `frame.tx` a device sent, every accepted `frame.rx` it took in. Transmitted bytes are
 * the frame as built (no padding), received bytes as they arrive (padded to 60); tunl0 counts
 * the packets it decapsulates. The scan is incremental per simulation, so asking often stays
 * cheap.
 */
import type { Sim } from '../../../core/sim';
import { frameLength, packetLength } from '../../../packet/frame';
import type { EthernetFrame } from '../../../packet/types';

export interface DevCounters {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

interface Memo {
  upto: number;
  rxLen: Map<string, number>;
  /** Frame id → length of the packet inside an IPIP frame; then packet id → it, once received. */
  innerByFrame: Map<string, number>;
  innerByPkt: Map<string, number>;
  stats: Map<string, DevCounters>;
}

/**
 * A memo, not state: counters derived from the trace, carried on from where the last call read
 * up to (dropping it recomputes the same values), so it stays off the Host.
 */
const memos = new WeakMap<Sim, Memo>();

function counters(m: Memo, key: string): DevCounters {
  let c = m.stats.get(key);
  if (!c) {
    c = { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
    m.stats.set(key, c);
  }
  return c;
}

/** Frames whose length is remembered until received (a frame is received microseconds after it leaves). */
const PENDING_FRAMES = 4096;

function memoOf(sim: Sim): Memo {
  let m = memos.get(sim);
  if (!m) {
    const memo: Memo = {
      upto: 0,
      rxLen: new Map(),
      innerByFrame: new Map(),
      innerByPkt: new Map(),
      stats: new Map(),
    };
    memos.set(sim, (m = memo));
    // A bounded trace lets old detail go: count it first.
    sim.trace.onForget((_from, to) => catchUp(sim, memo, to));
  }
  return m;
}

/**
 * Count from the start of the trace, and go on counting whatever a bounded trace summarises (a
 * runtime that bounds its trace calls this first, so the counters stay exact).
 */
export function trackDevCounters(sim: Sim): void {
  catchUp(sim, memoOf(sim), sim.trace.length);
}

export function devCounters(sim: Sim, host: string, dev: string): DevCounters {
  const m = memoOf(sim);
  catchUp(sim, m, sim.trace.length);
  return m.stats.get(`${host}|${dev}`) ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
}

function catchUp(sim: Sim, m: Memo, to: number): void {
  const evs = sim.trace;
  for (; m.upto < to; m.upto++) {
    const kind = evs.kindAt(m.upto);
    if (kind !== 'frame.tx' && kind !== 'frame.rx' && kind !== 'ipip.decap') continue;
    const e = evs.at(m.upto);
    if (!e) continue;
    if (e.kind === 'frame.tx') {
      const f = e.eth as EthernetFrame;
      const c = counters(m, `${e.host ?? ''}|${String(e.dev)}`);
      c.txPackets++;
      c.txBytes += frameLength(f, false);
      m.rxLen.set(String(e.frame), frameLength(f, true));
      if (m.rxLen.size > PENDING_FRAMES) m.rxLen.delete(m.rxLen.keys().next().value!);
      const p = f.payload;
      if (p.proto === 'ipv4' && p.payload.proto === 'ipv4') {
        m.innerByFrame.set(String(e.frame), packetLength(p.payload));
        if (m.innerByFrame.size > PENDING_FRAMES) m.innerByFrame.delete(m.innerByFrame.keys().next().value!);
      }
    } else if (e.kind === 'frame.rx' && e.accepted === true) {
      const c = counters(m, `${e.host ?? ''}|${String(e.dev)}`);
      c.rxPackets++;
      c.rxBytes += m.rxLen.get(String(e.frame)) ?? 60;
      const inner = m.innerByFrame.get(String(e.frame));
      if (inner !== undefined) m.innerByPkt.set(String(e.pkt), inner);
    } else if (e.kind === 'ipip.decap') {
      // tunl0 receives the inner packet (no link header).
      const c = counters(m, `${e.host ?? ''}|tunl0`);
      c.rxPackets++;
      c.rxBytes += m.innerByPkt.get(String(e.pkt)) ?? 0;
      m.innerByPkt.delete(String(e.pkt));
    }
  }
}
