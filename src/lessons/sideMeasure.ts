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
 * Event `i`'s kind, from the kind column where the log has one: a window holds some hundred
 * thousand events for a few downloads, and a measure needs only a few kinds of them (building
 * every event made the measures most of a prediction's time).
 */
const kindAt = (t: TraceLog, i: number): string | undefined => (t.kindAt ? t.kindAt(i) : t.at(i)?.kind);
const timeAt = (t: TraceLog, i: number): number => (t.timeAt ? t.timeAt(i) : undefined) ?? t.at(i)!.t;

/** From the first command's start to the last command's end in the window (virtual µs). */
function elapsed(w: SideWindow): number {
  const [from, to] = span(w);
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const k = kindAt(w.trace, i);
    if (k === 'cmd.start' && first < 0) first = timeAt(w.trace, i);
    else if (k === 'cmd.end') last = timeAt(w.trace, i);
  }
  return first < 0 || last < 0 ? 0 : last - first;
}

/** `measure` over the window (bytes, or virtual µs). */
export function measure(m: Measure, w: SideWindow): number {
  if (m === 'elapsed') return elapsed(w);
  const [from, to] = span(w);
  let bytes = 0;
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const k = kindAt(w.trace, i);
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
