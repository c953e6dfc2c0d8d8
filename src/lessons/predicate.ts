/**
 * The predicate language (docs/lessons.md): questions about the lab, answered from the typed
 * trace alone. State predicates (service, sysctl, addr, route) read the hosts' state folded up
 * to `to`; history predicates (clientGot, event) look only at events in [from, to), so a check
 * can ask about what its own probe did. Pure: same trace and window, same answer.
 */
import { engine } from '@/store/engine';
import type { TraceEvent, TraceLog } from '@/engine';
import { measure } from './sideMeasure';
import type { Predicate, Side } from './types';

export interface Window {
  trace: TraceLog;
  from: number;
  to: number;
  /** On the compare view: each side's window (`more` weighs one against the other). */
  sides?: Partial<Record<Side, Window>>;
}

const FWD = { Masq: 'masq', Route: 'route', Tunnel: 'tunnel' } as const;

function events(w: Window): TraceEvent[] {
  // From the first kept event: a long session's summarised events read as undefined.
  const from = Math.max(0, w.trace.first ?? 0, w.from);
  return w.trace.slice(from, Math.max(from, Math.min(w.to, w.trace.length)));
}

/** Every line a `curl` on `host` printed to stdout in the window: the response bodies. */
export function curlBodies(w: Window, host: string): string[] {
  const curlIndexes = new Set<number>();
  const bodies: string[] = [];
  for (const e of events(w)) {
    if (e.kind === 'cmd.start' && e.host === host && /(^|[\s;&|(])curl\s/.test(e.command))
      curlIndexes.add(e.index);
    if (e.kind === 'cmd.out' && e.host === host && e.stream === 'stdout' && curlIndexes.has(e.index))
      for (const line of e.text.split('\n')) if (line.trim() !== '') bodies.push(line.trim());
  }
  return bodies;
}

function matches(e: TraceEvent, want: Record<string, string | number | boolean>): boolean {
  const rec = e as unknown as Record<string, unknown>;
  return Object.entries(want).every(([k, v]) => rec[k] === v);
}

function service(w: Window, p: Extract<Predicate, { service: unknown }>['service']): boolean {
  const table = engine().hostStateAt(w.trace, w.to, p.host).ipvs;
  return table.some(
    (s) =>
      (p.vip === undefined || s.service.includes(p.vip)) &&
      (p.scheduler === undefined || s.scheduler === p.scheduler) &&
      (p.realServers === undefined || s.dests.length === p.realServers) &&
      (p.fwd === undefined || (s.dests.length > 0 && s.dests.every((d) => d.fwd === FWD[p.fwd!]))),
  );
}

function route(w: Window, p: Extract<Predicate, { route: unknown }>['route']): boolean {
  const [dst, prefix] =
    p.dst === 'default' ? ['0.0.0.0', 0] : [p.dst.split('/')[0], Number(p.dst.split('/')[1] ?? 32)];
  return engine()
    .hostStateAt(w.trace, w.to, p.host)
    .routes.some(
      (r) =>
        r.table === 'main' &&
        r.dst === dst &&
        r.prefix === prefix &&
        (p.via === undefined || r.via === p.via),
    );
}

/** Does `p` hold over the window? */
export function evaluate(p: Predicate, w: Window): boolean {
  if ('all' in p) return p.all.every((q) => evaluate(q, w));
  if ('any' in p) return p.any.some((q) => evaluate(q, w));
  if ('not' in p) return !evaluate(p.not, w);
  if ('more' in p) {
    const [a, b] = [w.sides?.[p.more.lab], w.sides?.[p.more.than]];
    return a !== undefined && b !== undefined && measure(p.more.measure, a) > measure(p.more.measure, b);
  }
  if ('service' in p) return service(w, p.service);
  if ('route' in p) return route(w, p.route);
  if ('sysctl' in p)
    return (
      String(engine().hostStateAt(w.trace, w.to, p.sysctl.host).sysctl.get(p.sysctl.key)) === p.sysctl.equals
    );
  if ('addr' in p)
    return engine()
      .hostStateAt(w.trace, w.to, p.addr.host)
      .addrs.some(
        (a) => a.addr.split('/')[0] === p.addr.addr && (p.addr.dev === undefined || a.dev === p.addr.dev),
      );
  if ('clientGot' in p) {
    const bodies = curlBodies(w, p.clientGot.host);
    const seen = new Set(bodies);
    if (!p.clientGot.from.every((f) => seen.has(f))) return false;
    return !p.clientGot.only || bodies.every((b) => p.clientGot.from.includes(b));
  }
  if ('fewer' in p) {
    const evs = events(w);
    const count = (want: Record<string, string | number | boolean>) =>
      evs.filter((e) => matches(e, want)).length;
    return count(p.fewer.event) < count(p.fewer.than);
  }
  const want = p.event;
  const n = events(w).filter((e) => matches(e, want)).length;
  return n >= (p.atLeast ?? 1);
}
