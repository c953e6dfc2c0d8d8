/**
 * What the compare view's lessons weigh between NAT and DR, from one side's trace window: the bytes
 * its director sent, how long its director carried frames, and how long the window's commands ran.
 */
import { engine } from '@/store/engine';
import type { TraceEvent, TraceLog } from '@/engine';
import type { Measure } from './types';

export interface SideWindow {
  trace: TraceLog;
  from: number;
  to: number;
}

const DIRECTOR = 'director';

function* inWindow(w: SideWindow): Generator<TraceEvent> {
  // A long session's summarised events read as undefined: they are not measured.
  for (let i = Math.max(0, w.trace.first ?? 0, w.from); i < Math.min(w.to, w.trace.length); i++) {
    const e = w.trace.at(i);
    if (e) yield e;
  }
}

/** `measure` over the window (bytes, or virtual µs). */
export function measure(m: Measure, w: SideWindow): number {
  let bytes = 0;
  let first = -1;
  let last = -1;
  for (const e of inWindow(w)) {
    if (m === 'elapsed') {
      if (e.kind === 'cmd.start' && first < 0) first = e.t;
      if (e.kind === 'cmd.end') last = e.t;
      continue;
    }
    if (e.host !== DIRECTOR || (e.kind !== 'frame.tx' && e.kind !== 'frame.rx')) continue;
    if (first < 0) first = e.t;
    last = e.t;
    if (e.kind === 'frame.tx') bytes += engine().frameLength(e.eth);
  }
  if (m === 'directorBytes') return bytes;
  return first < 0 || last < 0 ? 0 : last - first;
}
