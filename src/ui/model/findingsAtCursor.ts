import { engine } from '@/store/engine';
import type { Finding, FindingsState, TraceLog } from '@/engine';
import { whenIdle } from './idleTask';
import { countBelow, letGoOf } from './letGoPrefix';

interface Scanned {
  state: FindingsState;
  /** Every finding in the trace scanned so far, in trace order. */
  all: Finding[];
  /** Findings before this position came from the trace this one shares them with (a fork's). */
  shared: number;
  /** A task to scan on is queued. */
  queued?: boolean;
}

/** One incremental scan per trace: the trace only grows, so each call scans just the new events. */
const scans = new WeakMap<TraceLog, Scanned>();
/** Events a fork's trace scans per task while it catches up (its own findings come after them). */
const CATCH_UP_EVENTS = 4096;
/**
 * Events a view's render scans at most; the rest a slice per task. A long command ran while no
 * view read the findings (50,000 events for `ab -n 300`): scanning them in the render that
 * followed was a task of over 100 ms.
 */
const SCAN_PER_TASK = 8192;
const listeners = new Set<() => void>();
let version = 0;

/** Bumped when a catching-up scan found more: views subscribe to re-read allFindings. */
export function subscribeFindings(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
export const findingsVersion = (): number => version;

/** The first `end` events of a trace, read through it. */
function firstEvents(trace: TraceLog, end: number): TraceLog {
  const at = (i: number) => (i < end ? trace.at(i) : undefined);
  return {
    length: end,
    kindAt: (i: number) => (i < end ? engine().kindOf(trace, i) : undefined),
    first: trace.first ?? 0,
    summarised: () => trace.summarised?.(),
    at,
    slice: (from = 0, to = end) => trace.slice(from, Math.min(to, end)),
    *[Symbol.iterator]() {
      // A long session's summarised events read as undefined: there is nothing to say of them.
      for (let i = 0; i < end; i++) {
        const e = trace.at(i);
        if (e) yield e;
      }
    },
  };
}

function scanTo(trace: TraceLog, s: Scanned, end: number): void {
  const upTo: TraceLog = end >= trace.length ? trace : firstEvents(trace, end);
  const { findings } = engine().scanFindings(upTo, Math.max(s.state.next, s.shared), s.state);
  if (findings.length) s.all = [...s.all, ...findings];
}

/** Longest a slice waits for the page to be idle (ms). */
const IDLE_WAIT_MS = 200;

/**
 * Scan on a slice per idle task until the scan has caught up with the trace, then tell the
 * views. A fork's trace shares its first events with the trace before it, so it shares the
 * findings anchored there (a finding depends only on the events up to it): those are shown at
 * once. Its scan must still go over them to know the context after them; it does so here, so
 * acting in the past does not wait for it, nor does the frame that draws the fork.
 */
function scanLater(trace: TraceLog, s: Scanned): void {
  if (s.queued) return;
  s.queued = true;
  whenIdle(() => {
    s.queued = false;
    if (scans.get(trace) !== s) return;
    const sharing = s.state.next < s.shared;
    const step = sharing ? CATCH_UP_EVENTS : SCAN_PER_TASK;
    scanTo(trace, s, Math.min(sharing ? s.shared : trace.length, s.state.next + step));
    if (s.state.next < trace.length) return scanLater(trace, s);
    version++;
    for (const fn of listeners) fn();
  }, IDLE_WAIT_MS);
}

function startScan(trace: TraceLog): Scanned {
  const moved = afterLetGo(trace);
  if (moved) return moved;
  const origin = (trace as { origin?: { base: TraceLog; kept: number } }).origin;
  const prior = origin && scans.get(origin.base);
  // What the prior scan knows for sure: up to where it scanned, or what it shares while catching up.
  const known = prior ? Math.max(prior.state.next, prior.shared) : 0;
  const shared = prior ? Math.min(origin.kept, known) : 0;
  if (!prior || shared <= CATCH_UP_EVENTS || typeof setTimeout === 'undefined')
    return { state: engine().newFindingsState(), all: [], shared: 0 };
  const s = { state: engine().newFindingsState(), all: prior.all.filter((f) => f.at < shared), shared };
  scanLater(trace, s);
  return s;
}

/**
 * The scan of a trace that replaced another when old detail was let go: the other's scan goes on
 * (the same events from the first kept one on), without the findings anchored before it. Its
 * context is what was scanned before, as when the findings were first shown: a finding that
 * needs an earlier event stays as found, where a fresh scan of the kept events would miss it.
 */
function afterLetGo(trace: TraceLog): Scanned | undefined {
  const letGo = letGoOf(trace);
  const prior = letGo && scans.get(letGo.base);
  if (!prior || prior.state.next < prior.shared) return;
  // Its slices still to come (a scan behind the trace) stop: this one goes on with its state.
  // Behind the first kept event, it reads the summarised span as a fresh scan would (mostly
  // nothing), but it keeps the context and what was said before.
  scans.delete(letGo!.base);
  const at = letGo!.first;
  return {
    state: prior.state,
    all: prior.all[0] && prior.all[0].at < at ? prior.all.filter((f) => f.at >= at) : prior.all,
    shared: 0,
  };
}

/** Every finding in the whole trace (in trace order), scanning only what is new since the last call. */
export function allFindings(trace: TraceLog): readonly Finding[] {
  let s = scans.get(trace);
  if (!s) {
    s = startScan(trace);
    scans.set(trace, s);
  }
  // A fork's scan catching up finds what lies past the shared events when it gets there.
  if (s.state.next < trace.length && s.state.next >= s.shared && !s.queued) {
    const sync = typeof setTimeout === 'undefined' ? Infinity : SCAN_PER_TASK;
    scanTo(trace, s, Math.min(trace.length, s.state.next + sync));
    if (s.state.next < trace.length) scanLater(trace, s);
  }
  return s.all;
}

/**
 * The findings anchored at events that have happened: the first `cursor` events (all of them when
 * the cursor is negative, the store's "at the end"). A later finding is never shown early.
 */
export function findingsBefore(all: readonly Finding[], cursor: number): readonly Finding[] {
  const n = countFindingsBefore(all, cursor);
  return n === all.length ? all : all.slice(0, n);
}

/** How many of `all` findingsBefore keeps, building nothing (a selector checked every frame). */
export function countFindingsBefore(all: readonly Finding[], cursor: number): number {
  return cursor < 0 ? all.length : countBelow(all, cursor, atOf);
}

const atOf = (f: Finding): number => f.at;

/** The findings by the host they happened on (a finding's first host), latest last. */
export function findingsByHost(found: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of found) {
    const h = f.hosts[0];
    if (h === undefined) continue;
    const list = out.get(h);
    if (list) list.push(f);
    else out.set(h, [f]);
  }
  return out;
}

/** The findings by the trace position they are anchored at. */
export function findingsByEvent(found: readonly Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of found) {
    const list = out.get(f.at);
    if (list) list.push(f);
    else out.set(f.at, [f]);
  }
  return out;
}
