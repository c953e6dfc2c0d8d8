import type { TraceEvent } from '@/engine';
import { formatMicros } from '../format';
import { eventCategory } from '../model/eventCategory';
import { eventText } from '../model/eventText';
import { eventWhy } from '../model/eventWhy';
import type { Message } from '../model/message';
import { sharedPrefix } from '../model/sharedPrefix';
import type { TraceModel } from '../model/traceModel';

/** An event row's words, in one language: what the row shows apart from its findings. */
export interface RowText {
  kind: string;
  time: string;
  host: string;
  text: string;
  why: string;
  cat: string;
}

/** Rows kept per (model, language): a few screens' worth around a moving cursor. */
const KEEP = 2048;

interface Cache {
  trace: TraceModel['trace'];
  length: number;
  render: (m: Message) => string;
  rows: Map<number, RowText>;
}
let cache: Cache | undefined;

/**
 * The words of an event's row, built once per trace and language: a list that follows a moving
 * cursor re-renders its rows a few times a second, and rebuilding the same sentences through
 * i18next each time cost most of a frame. A trace grows by appending, and an event's words
 * depend only on it and on earlier events (its frame's headers come from the frame.tx), so they
 * hold while the trace grows, and a fork keeps those of the events it shares with the trace it was
 * made from (acting in the past redraws the list); another trace, a shorter one or another
 * language starts afresh.
 */
export function rowText(model: TraceModel, seq: number, render: (m: Message) => string): RowText {
  const { trace } = model;
  if (cache?.trace !== trace || cache.render !== render || trace.length < cache.length)
    cache = { trace, length: trace.length, render, rows: carried(cache, trace, render) };
  cache.length = trace.length;
  let r = cache.rows.get(seq);
  if (r) return r;
  // Read only on a miss: a random read walks back to its checkpoint (up to 63 events decoded),
  // and the list asks for every row in its window each time it follows the cursor.
  const event: TraceEvent = trace.at(seq)!;
  if (cache.rows.size >= KEEP) cache.rows.clear();
  const why = eventWhy(event);
  r = {
    kind: event.kind,
    time: formatMicros(event.t),
    host: event.host ?? '',
    text: render(eventText(event, model.hops)),
    why: why ? render(why) : '',
    cat: eventCategory(event, model.hops),
  };
  cache.rows.set(seq, r);
  return r;
}

/** The rows of `c` a fork of its trace shares (its first `kept` events'), else none. */
function carried(
  c: Cache | undefined,
  trace: TraceModel['trace'],
  render: Cache['render'],
): Map<number, RowText> {
  const shared = sharedPrefix(trace);
  if (!c || c.render !== render || shared?.base !== c.trace) return new Map();
  for (const seq of c.rows.keys()) if (seq >= shared.kept || seq >= c.length) c.rows.delete(seq);
  return c.rows;
}
