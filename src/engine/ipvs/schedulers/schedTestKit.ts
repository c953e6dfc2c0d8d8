import { createRng } from '../../core/rng';
import type {
  Dest,
  SchedContext,
  SchedFlags,
  SchedPacket,
  SchedService,
  Scheduler,
  ScheduleResult,
} from '../types';

/**
 * Test support only: a minimal virtual service that keeps the kernel's list discipline (adds at
 * the head, update() after every add/edit/delete, deleted dests lose AVAILABLE).
 */

export interface DestInit {
  addr: string;
  port?: number;
  weight?: number;
  active?: number;
  inactive?: number;
  overloaded?: boolean;
}

export function makeDest(init: DestInit): Dest {
  const port = init.port ?? 80;
  const weight = init.weight ?? 1;
  return {
    key: `${init.addr}:${port}`,
    addr: init.addr,
    port,
    fwd: 'masq',
    weight,
    lastWeight: weight,
    uThreshold: 0,
    lThreshold: 0,
    activeconns: init.active ?? 0,
    inactconns: init.inactive ?? 0,
    persistconns: 0,
    available: true,
    overloaded: init.overloaded ?? false,
  };
}

export interface TestService<S> {
  svc: { dests: Dest[]; flags: SchedFlags; protocol: SchedService['protocol'] };
  state: S;
  ctx: SchedContext;
  add(d: Dest): Dest;
  edit(d: Dest, weight: number): void;
  del(d: Dest): void;
  pick(pkt?: Partial<SchedPacket>): ScheduleResult;
  /** Pick and count the connection as active on the chosen dest. */
  connect(pkt?: Partial<SchedPacket>): Dest | undefined;
}

export const PKT: SchedPacket = { saddr: '10.0.0.1', sport: 40000, daddr: '192.168.99.100', dport: 80 };

export function testService<S>(
  sched: Scheduler<S>,
  flags: Partial<SchedFlags> = {},
  dests: Dest[] = [],
): TestService<S> {
  const svc = {
    dests,
    flags: { flag1: false, flag2: false, flag3: false, ...flags },
    protocol: 'tcp' as const,
  };
  const ctx: SchedContext = {
    now: 0,
    rng: createRng(1),
    lblcExpiration: 86400,
    lblcrExpiration: 86400,
    explain: true,
  };
  const t: TestService<S> = {
    svc,
    state: sched.createState(svc),
    ctx,
    add(d) {
      d.available = true;
      svc.dests.unshift(d);
      sched.update(t.state, svc, { kind: 'add', dest: d });
      return d;
    },
    edit(d, weight) {
      d.weight = weight;
      if (weight > 0) d.lastWeight = weight;
      sched.update(t.state, svc, { kind: 'edit', dest: d });
    },
    del(d) {
      const index = svc.dests.indexOf(d);
      svc.dests.splice(index, 1);
      d.available = false;
      sched.update(t.state, svc, { kind: 'delete', dest: d, index });
    },
    pick: (pkt = {}) => sched.schedule(t.state, svc, { ...PKT, ...pkt }, ctx),
    connect(pkt = {}) {
      const d = t.pick(pkt).dest;
      if (d) d.activeconns++;
      return d;
    },
  };
  return t;
}

/** Names for keys, so sequences read as letters in assertions. */
export function namer(named: Record<string, Dest>): (d: Dest | undefined) => string {
  const byKey = new Map(Object.entries(named).map(([name, d]) => [d.key, name]));
  return (d) => (d ? (byKey.get(d.key) ?? d.key) : '-');
}
