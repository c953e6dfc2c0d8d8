// Main-thread CPU time per animation frame, from a Chrome trace: the thread time (tdur) of every
// top-level task of the renderer's main thread, summed between the starts of consecutive
// animation frames. Unlike wall time it does not grow when other processes share the cores.

/** Start tracing the page's renderer; `stop()` resolves to the trace events. */
export async function startTrace(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', {
    categories:
      'toplevel,devtools.timeline,disabled-by-default-devtools.timeline' +
      (process.env.TRACE_STACKS ? ',disabled-by-default-devtools.timeline.stack' : '') +
      (process.env.TRACE_GC ? ',v8,disabled-by-default-v8.gc' : '') +
      // TRACE_MORE=cat1,cat2: any other categories (e.g. blink_gc,cppgc,base) to name what a bare task did.
      (process.env.TRACE_MORE ? `,${process.env.TRACE_MORE}` : ''),
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      return events;
    },
  };
}

const TOP = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The page's main thread (CrRendererMain) test, for traces that name their threads: a worker
 * that paints an OffscreenCanvas has animation frames of its own.
 */
export function onMainThread(events) {
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return main.length === 0 ? () => true : (e) => main.some((m) => m.pid === e.pid && m.tid === e.tid);
}

/**
 * The frames as the goal counts them: each frame runs from the start of the top-level task of the
 * main thread that holds its animation-frame callbacks to the start of the next such task, and
 * costs the thread time (tdur, µs) of the top-level tasks in between. `t`/`end` bound the frame,
 * `tasks` are its top-level tasks, `cpu` their summed tdur.
 */
export function frameSpans(events) {
  const isMain = onMainThread(events);
  const rafs = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && isMain(e));
  if (rafs.length === 0) return [];
  const { pid, tid } = rafs[0];
  const nested = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && TOP.has(e.name) && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // The two task names nest (a scheduler task inside the thread's run loop): keep the outermost.
  const tasks = [];
  for (const e of nested) {
    const outer = tasks[tasks.length - 1];
    if (!outer || e.ts >= outer.ts + outer.dur) tasks.push(e);
  }
  // Each frame starts with the top-level task that holds its animation-frame callbacks.
  const starts = [];
  let k = 0;
  for (const r of rafs.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts)) {
    while (k < tasks.length && tasks[k].ts + tasks[k].dur < r.ts) k++;
    if (k < tasks.length && tasks[k].ts <= r.ts && starts[starts.length - 1] !== k) starts.push(k);
  }
  const out = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const own = tasks.slice(starts[i], starts[i + 1]);
    out.push({
      pid,
      tid,
      t: own[0].ts,
      end: tasks[starts[i + 1]].ts,
      tasks: own,
      cpu: own.reduce((a, e) => a + e.tdur, 0),
    });
  }
  return out;
}

/** CPU ms per frame on the main thread that ran the animation frames. */
export function cpuPerFrame(events) {
  return frameSpans(events).map((f) => f.cpu / 1000);
}

/**
 * CPU ms (thread time) of every top-level task of the page's main thread. On a loaded machine a
 * task's wall time (what a long-task observer sees) grows with the processes sharing the cores;
 * its thread time is the work the page itself did.
 */
export function mainTaskCpu(events) {
  const isMain = onMainThread(events);
  const nested = events
    .filter((e) => e.ph === 'X' && TOP.has(e.name) && e.tdur !== undefined && isMain(e))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  for (const e of nested) {
    const outer = tasks[tasks.length - 1];
    if (!outer || e.ts >= outer.ts + outer.dur || e.pid !== outer.pid) tasks.push(e);
  }
  return tasks.map((e) => e.tdur / 1000);
}

/**
 * Self time per trace event name of nested events sorted by start (longest first at a tie):
 * each event's `field` (dur: wall, tdur: CPU) less that of the events directly inside it.
 */
export function selfTimes(xs, field) {
  const self = new Map();
  const stack = [];
  const close = (x) => self.set(x.e.name, (self.get(x.e.name) ?? 0) + x.self);
  for (const e of xs) {
    while (stack.length && e.ts >= stack.at(-1).e.ts + stack.at(-1).e.dur) close(stack.pop());
    if (stack.length) stack.at(-1).self -= e[field];
    stack.push({ e, self: e[field] });
  }
  while (stack.length) close(stack.pop());
  return self;
}

/** Self CPU time per trace event name of each main-thread task over `minUs` of CPU, and its layouts. */
export function printBigTasks(events, minUs) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const xs = events.filter(
    (e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && e.tdur !== undefined,
  );
  for (const t of xs.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.tdur > minUs)) {
    const inner = xs
      .filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const self = selfTimes(inner, 'tdur');
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `   task cpu ${(t.tdur / 1000).toFixed(0)} ms: ${top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`,
    );
    // Where the task started against a console.timeStamp() the page made (e.g. the action's).
    const mark = events.find((e) => e.name === 'TimeStamp');
    if (mark) console.log(`     started ${((t.ts - mark.ts) / 1000).toFixed(1)} ms after the TimeStamp`);
    for (const g of inner.filter((e) => e.name === 'MajorGC' || e.name === 'V8.GCFinalizeMC'))
      console.log(`     ${g.name} ${JSON.stringify(g.args)}`);
    const layouts = inner.filter((e) => e.name === 'Layout');
    if (layouts.length)
      console.log(
        `     ${layouts.length} layouts, cpu ${(layouts.reduce((a, e) => a + e.tdur, 0) / 1000).toFixed(1)} ms`,
      );
  }
}
