/**
 * Per-device packet counters (what /proc/net/dev and ifconfig show), derived from the trace:
 * every `frame.tx` a device sent, every accepted `frame.rx` it took in. Transmitted bytes are
 * the frame as built (no padding), received bytes as they arrive (padded to 60). The scan is
 * incremental per simulation, so asking often stays cheap.
 */
import type { Sim } from '../../../core/sim';
import { frameLength } from '../../../packet/frame';
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
  stats: Map<string, DevCounters>;
}

const memos = new WeakMap<Sim, Memo>();

function counters(m: Memo, key: string): DevCounters {
  let c = m.stats.get(key);
  if (!c) {
    c = { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
    m.stats.set(key, c);
  }
  return c;
}

export function devCounters(sim: Sim, host: string, dev: string): DevCounters {
  let m = memos.get(sim);
  if (!m) {
    m = { upto: 0, rxLen: new Map(), stats: new Map() };
    memos.set(sim, m);
  }
  const evs = sim.trace.events;
  for (; m.upto < evs.length; m.upto++) {
    const e = evs[m.upto];
    if (!e) continue;
    if (e.kind === 'frame.tx') {
      const f = e.eth as EthernetFrame;
      const c = counters(m, `${e.host ?? ''}|${String(e.dev)}`);
      c.txPackets++;
      c.txBytes += frameLength(f, false);
      m.rxLen.set(String(e.frame), frameLength(f, true));
    } else if (e.kind === 'frame.rx' && e.accepted === true) {
      const c = counters(m, `${e.host ?? ''}|${String(e.dev)}`);
      c.rxPackets++;
      c.rxBytes += m.rxLen.get(String(e.frame)) ?? 60;
    }
  }
  return m.stats.get(`${host}|${dev}`) ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
}
