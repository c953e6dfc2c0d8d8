/**
 * What the compare view's lessons weigh between NAT and DR, from one side's trace window: the bytes
 * its director sent, how long its director carried frames, and how long the window's commands ran.
 */
import { engine } from '@/store/engine';
import type { TraceLog } from '@/engine';
import type { Measure } from './types';

export interface SideWindow {
  trace: TraceLog;
  from: number;
  to: number;
}

const DIRECTOR = 'director';

/**
 * The window's readable span: from the first kept event (a long session's summarised events read
 * as undefined: they are not measured).
 */
const span = (w: SideWindow): [number, number] => [
  Math.max(0, w.trace.first ?? 0, w.from),
  Math.min(w.to, w.trace.length),
];

/**
 * From the first command's start to the last command's end in the window (virtual µs). Kinds and
 * times come from the log's columns: a window holds some hundred thousand events for a few
 * downloads, and building each made the measures most of a prediction's time.
 */
function elapsed(w: SideWindow): number {
  const { kindOf, timeOf } = engine();
  const [from, to] = span(w);
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const k = kindOf(w.trace, i);
    if (k === 'cmd.start' && first < 0) first = timeOf(w.trace, i)!;
    else if (k === 'cmd.end') last = timeOf(w.trace, i)!;
  }
  return first < 0 || last < 0 ? 0 : last - first;
}

/** `measure` over the window (bytes, or virtual µs). */
export function measure(m: Measure, w: SideWindow): number {
  if (m === 'elapsed') return elapsed(w);
  const { kindOf } = engine();
  const [from, to] = span(w);
  let bytes = 0;
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const k = kindOf(w.trace, i);
    if (k !== 'frame.tx' && k !== 'frame.rx') continue;
    const e = w.trace.at(i);
    if (!e || e.host !== DIRECTOR || (e.kind !== 'frame.tx' && e.kind !== 'frame.rx')) continue;
    if (first < 0) first = e.t;
    last = e.t;
    if (e.kind === 'frame.tx') bytes += engine().frameLength(e.eth);
  }
  if (m === 'directorBytes') return bytes;
  return first < 0 || last < 0 ? 0 : last - first;
}
