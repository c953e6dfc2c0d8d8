/**
 * A host's sysctls at a trace position. The boot values (kernel defaults and the lab's
 * overrides) are not in the trace, so the walk goes the other way: start from the values at the
 * end and undo every `sysctl.set` back to the cursor. A write's `propagated` keys carry only
 * their new value; their old one follows from how the kernel propagates (sysctl.ts): a device
 * that follows conf/default had default's old value, forwarding keys follow ip_forward, and
 * all.accept_redirects is its inverse.
 */
import type { TraceLog } from '../core/trace';
import { Sysctl } from '../stack/sysctl';

function oldOfPropagated(key: string, name: string, old: number): number {
  if (key.endsWith('.accept_redirects')) return old ? 0 : 1;
  if (key === 'net.ipv4.ip_forward' || key.endsWith('.forwarding')) return old !== 0 ? 1 : 0;
  void name;
  return old;
}

/** The values of `end` (every key and its value now) as they stood after the first `cursor` events. */
export function sysctlValuesAt(
  trace: TraceLog,
  cursor: number,
  host: string,
  end: ReadonlyMap<string, number>,
): Map<string, number> {
  const values = new Map(end);
  for (let i = trace.length - 1; i >= Math.max(0, cursor); i--) {
    const e = trace.at(i);
    if (e?.kind !== 'sysctl.set' || e.host !== host) continue;
    for (const k of Object.keys(e.propagated ?? {})) values.set(k, oldOfPropagated(k, e.name, e.old));
    values.set(e.name, e.old);
  }
  return values;
}

/** A read-only Sysctl holding a host's values at the cursor (get, conf with the kernel's merge). */
export function sysctlAt(trace: TraceLog, cursor: number, host: string, live: Sysctl): Sysctl {
  const end = new Map<string, number>();
  for (const k of live.keys()) end.set(k, live.get(k)!);
  return new Sysctl(Object.fromEntries(sysctlValuesAt(trace, cursor, host, end)));
}
