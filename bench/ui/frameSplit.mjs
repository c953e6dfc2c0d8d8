// The goal's frames (cpuPerFrame.mjs: from one animation-frame task to the next, the thread time
// of the top-level tasks between) split into self thread time per trace event name, so a look at
// the slow frames looks at the frames the p99 counts. Only events inside those top-level tasks
// are charged, so each frame's `total` equals its cpuPerFrame figure.
import { frameSpans } from './cpuPerFrame.mjs';

/** Name a trace event: JavaScript entry points by function and place. */
export function jsNameOf(e) {
  const d = e.args?.data;
  if (e.name === 'FunctionCall' && d)
    return `JS ${d.functionName || '(anon)'} ${String(d.url).split('/').pop()}:${d.lineNumber}`;
  if (e.name === 'TimerFire') return 'TimerFire';
  if (e.name === 'EventDispatch' && d) return `EventDispatch ${d.type}`;
  return e.name;
}

/**
 * Frames `{ t, end, cpu, total, self: Map<name, µs>, events }`. With `jsNames`, events are named
 * by jsNameOf and the self time of V8 work is charged to the JavaScript entry point it ran under.
 */
export function splitFrames(events, { jsNames = false } = {}) {
  const spans = frameSpans(events);
  if (spans.length === 0) return [];
  const { pid, tid } = spans[0];
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const nameOf = jsNames ? jsNameOf : (e) => e.name;
  let k = 0;
  return spans.map((span) => {
    const f = { ...span, self: new Map(), total: 0, events: [] };
    for (const task of span.tasks) {
      while (k < xs.length && xs[k].ts < task.ts) k++;
      const inner = [];
      while (k < xs.length && xs[k].ts < task.ts + task.dur) inner.push(xs[k++]);
      // The task itself sorts first at its start (longest first at a tie), so it is the root.
      const stack = [];
      const close = (x) => {
        f.self.set(x.name, (f.self.get(x.name) ?? 0) + x.self);
        f.total += x.self;
      };
      for (const e of inner) {
        if (e.ts + e.dur > task.ts + task.dur && e !== task) continue;
        while (stack.length && e.ts >= stack.at(-1).e.ts + stack.at(-1).e.dur) close(stack.pop());
        let name = nameOf(e);
        const js = jsNames && stack.findLast((s) => s.e.name === 'FunctionCall' || s.e.name === 'TimerFire');
        if (js && /^(V8|v8)/.test(e.name)) name = js.name;
        if (stack.length) stack.at(-1).self -= e.tdur;
        stack.push({ e, name, self: e.tdur });
        f.events.push(e);
      }
      while (stack.length) close(stack.pop());
    }
    return f;
  });
}
