import { RUNNER_KEEP_EVENTS, runLine } from '../src/cli/lvs-lab';
import { parseTranscript } from '../src/cli/transcript';
import { LabRuntime } from '../src/engine';
import type { FixedKind } from '../src/engine/core/traceFixed';
import { CHUNK, TraceChunks } from '../src/engine/core/traceChunks';
import { TraceStore } from '../src/engine/core/traceStore';
import type { EngineEvent } from '../src/engine/core/traceEvents';
import type { BenchSpec } from './measure';

type LabId = 'nat' | 'dr' | 'tun';

const VIP: Record<LabId, string> = { nat: '172.16.132.18', dr: '192.168.99.188', tun: '192.168.99.188' };

/** Requests recorded (their pushes are replayed in turn) and run before, to warm the lab. */
const RECORDED = 200;
const WARM = 300;

/** One push as the lab runner made it: a fixed kind's values, or an event object (`f` undefined). */
interface Push {
  t: number;
  f: FixedKind | undefined;
  v: unknown[];
  /** Pushed by pushIdRecord (a scheduler's decision), not pushFixed. */
  idRecord?: true;
}

export interface Recording {
  pushes: Push[];
  /** Per request, where its pushes begin (and, last, their end). */
  starts: number[];
  /** Simulated µs the recorded requests spanned (a replay's next turn is stamped after them). */
  span: number;
  /** The trace's length before the first recorded push (the trace holds what the pushes made). */
  from: number;
}

const recordings = new Map<LabId, Recording>();

/**
 * The pushes `requests` lab runner requests make to the trace's store, after WARM requests, the
 * trace bounded as `npm run lab` keeps it; and the runtime they ran on.
 */
export function recordPushes(id: LabId, requests: number): { rec: Recording; rt: LabRuntime } {
  const rt = LabRuntime.create(id);
  rt.boundTrace(RUNNER_KEEP_EVENTS, Infinity);
  const [line] = parseTranscript(`client# curl -s ${VIP[id]}\n`, rt.hostNames(), (h, s) =>
    rt.isComplete(h, s),
  );
  const opts = { json: false, maxTimeS: 60 };
  const run = (): void => runLine(rt, line!, opts, () => {});
  for (let k = 0; k < Math.min(WARM, requests); k++) run();
  // The store the trace pushes to, tapped on this instance only (no listener: the trace would
  // then build event objects and push those instead of the fixed kinds' values).
  const store = (rt.trace as unknown as { store: TraceChunks }).store;
  const pushes: Push[] = [];
  const fixed = store.pushFixed.bind(store);
  const generic = store.push.bind(store);
  const idRecord = store.pushIdRecord.bind(store);
  store.pushFixed = (t: number, f: FixedKind, ...v: unknown[]): void => {
    pushes.push({ t, f, v });
    fixed(t, f, ...(v as [unknown]));
  };
  // A scheduler's decision (TraceStore.pushIdRecord), replayed as it was pushed.
  store.pushIdRecord = (t: number, f: FixedKind, id: string, rec: object): void => {
    pushes.push({ t, f, v: [id, rec], idRecord: true });
    idRecord(t, f, id, rec);
  };
  store.push = (t: number, ev: EngineEvent): void => {
    pushes.push({ t, f: undefined, v: [ev] });
    generic(t, ev);
  };
  const from = rt.trace.length;
  const starts: number[] = [];
  for (let k = 0; k < requests; k++) {
    starts.push(pushes.length);
    run();
  }
  starts.push(pushes.length);
  const first = pushes[0]?.t ?? 0;
  const span = (pushes[pushes.length - 1]?.t ?? 0) - first + 1;
  return { rec: { pushes, starts, span, from }, rt };
}

/** Push recorded request `r`'s events into `store`, stamped `dt` µs later than recorded. */
export function replayRequest(
  store: Pick<TraceStore<EngineEvent>, 'push' | 'pushFixed' | 'pushIdRecord'>,
  rec: Recording,
  r: number,
  dt: number,
): void {
  const { pushes, starts } = rec;
  for (let j = starts[r]!; j < starts[r + 1]!; j++) {
    const p = pushes[j]!;
    const v = p.v;
    if (p.f === undefined) store.push(p.t + dt, v[0] as EngineEvent);
    else if (p.idRecord === true) store.pushIdRecord(p.t + dt, p.f, v[0] as string, v[1] as object);
    else store.pushFixed(p.t + dt, p.f, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }
}

/** One lab's recorded pushes, made once per process and shared by the eager and the lazy line. */
function recordingOf(id: LabId, smoke: boolean): Recording {
  const rec = recordings.get(id) ?? recordPushes(id, smoke ? 20 : RECORDED).rec;
  recordings.set(id, rec);
  return rec;
}

/**
 * Requests per second of the trace store alone: the pushes recorded from the lab runner's requests
 * (labRunner.bench.ts), replayed into fresh stores chunked as the trace chunks them (traceChunks.ts).
 * The store's share of a request, without the engine's: a change to the store shows here with a
 * fraction of the lab runner's noise on a shared machine.
 */
export function traceStoreBench(id: LabId, smoke = false): BenchSpec {
  let events = 0;
  return {
    name: `trace store: the pushes of one lab runner request on the ${id} lab, replayed`,
    unit: 'requests/s',
    // The store's share of the lab runner's goal (20,000 requests/s) if it took a third of it.
    goal: 60_000,
    batch: 50,
    setup() {
      const rec = recordingOf(id, smoke);
      const requests = rec.starts.length - 1;
      const perRequest = rec.pushes.length / requests;
      events = Math.round(perRequest);
      let store = new TraceStore<EngineEvent>();
      let next = 0;
      let turn = 0;
      return (n) => {
        for (let k = 0; k < n; k++) {
          // A chunk holds CHUNK events (traceChunks.ts); here, about as many: then sealed, and
          // the next one sized from it.
          if (store.length + perRequest > CHUNK) {
            store.seal();
            store = new TraceStore<EngineEvent>(store.sizeHint(CHUNK));
          }
          // Later turns are stamped later: times only grow, as a trace's do.
          replayRequest(store, rec, next, turn * rec.span);
          next++;
          if (next === requests) {
            next = 0;
            turn++;
          }
        }
      };
    },
    note: () => `${events} pushes per request`,
  };
}

/**
 * The same pushes into a bounded trace's chunks (traceChunks.ts), as the lab runner's trace takes
 * them: kept raw (traceLazy.ts), and each full chunk summarised unread, as its bound lets it go.
 */
export function traceStoreLazyBench(id: LabId, smoke = false): BenchSpec {
  let events = 0;
  return {
    name: `trace store, bounded: the pushes of one lab runner request on the ${id} lab, replayed, let go unread`,
    unit: 'requests/s',
    goal: 60_000,
    batch: 50,
    setup() {
      const rec = recordingOf(id, smoke);
      const requests = rec.starts.length - 1;
      events = Math.round(rec.pushes.length / requests);
      const chunks = new TraceChunks();
      chunks.setLazy(true);
      let next = 0;
      let turn = 0;
      let settled = 0;
      return (n) => {
        for (let k = 0; k < n; k++) {
          replayRequest(chunks, rec, next, turn * rec.span);
          // As the trace settles: once per chunk filled.
          if (chunks.length - settled >= CHUNK) {
            settled = chunks.length;
            chunks.summariseBefore(Infinity, RUNNER_KEEP_EVENTS);
          }
          next++;
          if (next === requests) {
            next = 0;
            turn++;
          }
        }
      };
    },
    note: () => `${events} pushes per request`,
  };
}
