import { engine } from '@/store/engine';
import type { Dest, EventOf, Explanation, Rng, SchedService, Scheduler, TraceLog } from '@/engine';
import { copyService, extendIpvsFold, newIpvsFold } from './ipvsState';
import type { DestView, IpvsFold, ServiceView } from './ipvsState';

interface Shadow {
  sched: Scheduler | undefined;
  state: unknown;
  dests: Dest[];
}

function toDest(v: DestView): Dest {
  const i = v.key.lastIndexOf(':');
  return {
    key: v.key,
    addr: v.key.slice(0, i),
    port: Number(v.key.slice(i + 1)),
    fwd: v.fwd as Dest['fwd'],
    weight: v.weight,
    lastWeight: v.weight,
    uThreshold: 0,
    lThreshold: 0,
    activeconns: v.active,
    inactconns: v.inactive,
    persistconns: 0,
    available: true,
    overloaded: false,
  };
}

function schedService(dests: Dest[]): SchedService {
  return { dests, flags: { flag1: false, flag2: false, flag3: false }, protocol: 'tcp' };
}

function splitEndpoint(s: string): [string, number] {
  const i = s.lastIndexOf(':');
  return [s.slice(0, i), Number(s.slice(i + 1))];
}

function packetOf(svc: string, client: string) {
  const [saddr, sport] = splitEndpoint(client);
  const [daddr, dport] = splitEndpoint(svc.split(' ')[1] ?? '');
  return { saddr, sport, daddr, dport };
}

/** Copy the view's counters into the shadow's dests, keeping the shadow's own objects. */
function sync(sh: Shadow, svc: ServiceView): void {
  for (const d of sh.dests) {
    const v = svc.dests.find((x) => x.key === d.key);
    if (!v) continue;
    d.weight = v.weight;
    if (v.weight > 0) d.lastWeight = v.weight;
    d.activeconns = v.active;
    d.inactconns = v.inactive;
  }
}

export interface Prediction {
  service: ServiceView;
  /** What the scheduler would do for one more connection from `client`, with costs. */
  next: Explanation | undefined;
}

interface ShadowFold {
  seed: number;
  fold: IpvsFold;
  shadows: Map<string, Shadow>;
}

function ctxOf(rng: Rng, now: number, explain: boolean) {
  return { now, rng, lblcExpiration: 86400, lblcrExpiration: 86400, explain };
}

/** The IPVS replay with a shadow scheduler per service riding on it (and its own rng stream). */
function newShadowFold(trace: TraceLog, seed: number): ShadowFold {
  const shadows = new Map<string, Shadow>();
  const rng: Rng = engine().createRng(seed).child('ui-shadow');
  const fold = newIpvsFold(trace, {
    onService(svc) {
      const sched = engine().getScheduler(svc.scheduler);
      const prev = shadows.get(svc.service);
      const dests = prev?.dests ?? [];
      shadows.set(svc.service, { sched, state: sched?.createState(schedService(dests)), dests });
    },
    onDestChange(svc, kind, view, index) {
      const sh = shadows.get(svc.service);
      if (!sh) return;
      let dest = sh.dests.find((d) => d.key === view.key);
      if (kind === 'add' || !dest) {
        dest = toDest(view);
        sh.dests.unshift(dest);
      } else if (kind === 'delete') sh.dests.splice(index, 1);
      sync(sh, svc);
      sh.sched?.update(sh.state, schedService(sh.dests), { kind, dest, index });
    },
    onSchedule(svc, e: EventOf<'ipvs.schedule'>) {
      const sh = shadows.get(svc.service);
      if (!sh?.sched) return;
      sync(sh, svc);
      sh.sched.schedule(
        sh.state,
        schedService(sh.dests),
        packetOf(svc.service, e.client),
        ctxOf(rng, e.t, false),
      );
    },
  });
  return { seed, fold, shadows };
}

/** The last replay per trace: playback moves the cursor forward, so it goes on from there. */
const folds = new WeakMap<TraceLog, ShadowFold>();

/**
 * The services at `cursor`, each with the pick its scheduler would make next. A shadow copy of
 * each scheduler is driven through the same adds, edits and picks the trace records (so rr's
 * pointer and wrr's current weight match the engine's), then asked once more on a clone. The
 * replay is carried on from the previous cursor when it moved forward (O(new events)), and
 * started again when it moved back (the schedulers' states have no checkpoints).
 */
export function predictNextPicks(
  trace: TraceLog,
  cursor: number,
  client: string,
  seed: number,
): Prediction[] {
  const to = Math.max(0, Math.min(cursor, trace.length));
  let sf = folds.get(trace);
  if (!sf || sf.seed !== seed || sf.fold.pos > to) folds.set(trace, (sf = newShadowFold(trace, seed)));
  extendIpvsFold(sf.fold, to);
  const { shadows } = sf;
  // The question gets a stream of its own, so asking never moves the replay's stream on.
  const rng = engine().createRng(seed).child('ui-shadow-next');
  const now = (to > 0 ? trace.at(to - 1) : undefined)?.t ?? 0;
  // Copies of the views: the fold's own objects change as the cursor moves on.
  const services = [...sf.fold.services.values()].map(copyService);
  return services.map((service) => {
    const sh = shadows.get(service.service);
    if (!sh?.sched) return { service, next: undefined };
    sync(sh, service);
    // One structuredClone keeps references from the scheduler's state to its dests intact.
    const { state, dests } = structuredClone({ state: sh.state, dests: sh.dests });
    const r = sh.sched.schedule(
      state,
      schedService(dests),
      packetOf(service.service, client),
      ctxOf(rng, now, true),
    );
    return { service, next: r.explanation };
  });
}
