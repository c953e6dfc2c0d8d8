import type { EventOf, IpvsControlEvent, TraceLog } from '@/engine';

type ScheduleEvent = EventOf<'ipvs.schedule'>;

/** A real server as the trace shows it at one moment. */
export interface DestView {
  key: string;
  fwd: string;
  weight: number;
  active: number;
  inactive: number;
  /** Connections the scheduler sent here so far. */
  picks: number;
}

export interface ServiceView {
  host: string;
  service: string;
  scheduler: string;
  /** In kernel list order (the newest dest first, as ipvsadm -L prints them). */
  dests: DestView[];
  lastPick: ScheduleEvent | undefined;
}

/** Hooks the replay offers to a shadow scheduler (schedulerShadow.ts). */
export interface ServiceListener {
  onService(svc: ServiceView, created: boolean): void;
  onDestChange(svc: ServiceView, kind: 'add' | 'edit' | 'delete', dest: DestView, index: number): void;
  onSchedule(svc: ServiceView, e: ScheduleEvent): void;
}

export interface ConnInfo {
  svc: string;
  dest: string;
  active: boolean | undefined;
}

function findDest(svc: ServiceView | undefined, key: string): DestView | undefined {
  return svc?.dests.find((d) => d.key === key);
}

function count(svc: ServiceView | undefined, c: ConnInfo, delta: number): void {
  const d = findDest(svc, c.dest);
  if (!d || c.active === undefined) return;
  if (c.active) d.active += delta;
  else d.inactive += delta;
}

function applyControl(services: Map<string, ServiceView>, e: IpvsControlEvent, l?: ServiceListener): void {
  const key = e.service;
  const svc = services.get(key);
  switch (e.event) {
    case 'add-service': {
      const s: ServiceView = {
        host: e.host,
        service: key,
        scheduler: e.scheduler,
        dests: [],
        lastPick: undefined,
      };
      services.set(key, s);
      l?.onService(s, true);
      return;
    }
    case 'edit-service':
      if (svc && svc.scheduler !== e.scheduler) {
        svc.scheduler = e.scheduler;
        l?.onService(svc, false);
      }
      return;
    case 'delete-service':
      services.delete(key);
      return;
    case 'add-dest': {
      if (!svc) return;
      const d: DestView = {
        key: e.dest,
        fwd: e.fwd,
        weight: e.weight,
        active: 0,
        inactive: 0,
        picks: 0,
      };
      svc.dests.unshift(d);
      l?.onDestChange(svc, 'add', d, 0);
      return;
    }
    case 'edit-dest': {
      const d = findDest(svc, e.dest);
      if (!svc || !d) return;
      d.weight = e.weight;
      d.fwd = e.fwd || d.fwd;
      l?.onDestChange(svc, 'edit', d, svc.dests.indexOf(d));
      return;
    }
    case 'delete-dest': {
      const d = findDest(svc, e.dest);
      if (!svc || !d) return;
      const index = svc.dests.indexOf(d);
      svc.dests.splice(index, 1);
      l?.onDestChange(svc, 'delete', d, index);
      return;
    }
  }
}

/** The IPVS replay as a resumable fold: the state after the first `pos` events of `trace`. */
export interface IpvsFold {
  trace: TraceLog;
  pos: number;
  services: Map<string, ServiceView>;
  conns: Map<string, ConnInfo>;
  listener?: ServiceListener;
}

export function newIpvsFold(trace: TraceLog, listener?: ServiceListener): IpvsFold {
  return { trace, pos: 0, services: new Map(), conns: new Map(), ...(listener ? { listener } : {}) };
}

/** A service view that later folding does not touch (its last pick is a trace event: shared). */
export function copyService(s: ServiceView): ServiceView {
  return { ...s, dests: s.dests.map((d) => ({ ...d })) };
}

/** A copy of a fold's state that later folding does not touch (a checkpoint, or its restore). */
export function copyIpvsFold(f: IpvsFold): IpvsFold {
  const services = new Map([...f.services].map(([k, s]) => [k, copyService(s)]));
  const conns = new Map([...f.conns].map(([k, c]) => [k, { ...c }]));
  return { trace: f.trace, pos: f.pos, services, conns };
}

/** Carry the replay on to the first `cursor` events (never backwards). */
export function extendIpvsFold(f: IpvsFold, cursor: number): void {
  const { trace, services, conns, listener: l } = f;
  const end = Math.min(cursor, trace.length);
  for (let i = f.pos; i < end; i++) {
    const e = trace.at(i);
    if (!e?.kind.startsWith('ipvs.')) continue;
    if (e.kind === 'ipvs.control') applyControl(services, e, l);
    else if (e.kind === 'ipvs.schedule') {
      const s = e;
      const svc = services.get(s.service);
      if (!svc) continue;
      l?.onSchedule(svc, s);
      svc.lastPick = s;
      const d = s.dest ? findDest(svc, s.dest) : undefined;
      if (d) d.picks++;
    } else if (e.kind === 'ipvs.conn') {
      if ('template' in e && e.template) continue;
      const id = e.conn;
      if (e.event === 'new') {
        conns.set(id, {
          svc: `${e.proto} ${e.virtual}`,
          dest: e.dest,
          active: undefined,
        });
      } else {
        const c = conns.get(id);
        if (c) count(services.get(c.svc), c, -1);
        conns.delete(id);
      }
    } else if (e.kind === 'ipvs.state') {
      const c = conns.get(e.conn);
      if (!c) continue;
      const svc = services.get(c.svc);
      count(svc, c, -1);
      c.active = e.active;
      count(svc, c, +1);
    }
  }
  f.pos = Math.max(f.pos, end);
}

/**
 * Replay the trace's IPVS events up to `cursor`: services, their real servers with weight,
 * ActiveConn and InActConn, and how many connections each got. Pure and repeatable; from the
 * start every time (views on the cursor use ipvsStateAtCursor, which keeps checkpoints).
 */
export function ipvsStateAt(trace: TraceLog, cursor: number, l?: ServiceListener): ServiceView[] {
  const f = newIpvsFold(trace, l);
  extendIpvsFold(f, cursor);
  return [...f.services.values()];
}
