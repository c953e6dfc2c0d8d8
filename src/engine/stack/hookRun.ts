import type { Host } from './host';
import type { HookName, Verdict } from './netfilter';
import type { Skb } from './skb';

/** One hook function's run at a hook point. */
export interface HookFnRun {
  name: string;
  priority: number;
  verdict: Verdict;
}

/** A packet passed a netfilter hook point: the functions that ran in order and the final verdict. */
export interface HookEvent {
  kind: 'hook';
  host: string;
  hook: HookName;
  pkt: string;
  src: string;
  dst: string;
  fns: HookFnRun[];
  verdict: Verdict;
  reason?: string;
}

const NO_FNS: HookFnRun[] = Object.freeze([]) as unknown as [];

export interface HookOutcome {
  skb: Skb;
  verdict: 'ACCEPT' | 'DROP' | 'STOLEN';
}

/**
 * nf_hook_slow: run a hook point's functions in priority order and record the passage in the
 * trace (one event per hook point: the functions that ran, each verdict, the final verdict).
 */
export function runHook(host: Host, hook: HookName, skb: Skb): HookOutcome {
  const entries = host.hooks.entries(hook);
  const fns: HookFnRun[] = entries.length === 0 ? NO_FNS : [];
  let cur = skb;
  let verdict: HookOutcome['verdict'] = 'ACCEPT';
  let reason: string | undefined;
  let then: (() => void) | undefined;
  for (const e of entries) {
    const r = e.fn(cur, hook);
    fns.push({ name: e.name, priority: e.priority, verdict: r.verdict });
    if (r.skb) cur = r.skb;
    if (r.verdict !== 'ACCEPT') {
      verdict = r.verdict;
      reason = r.reason;
      then = r.then;
      break;
    }
  }
  // Born with the trace's stamp slots (t, seq) after its own fields, in the order the trace keeps.
  const { name } = host;
  const { id } = cur;
  const { src, dst } = cur.pkt;
  host.sim.emit(
    reason === undefined
      ? { kind: 'hook', host: name, hook, pkt: id, src, dst, fns, verdict, t: 0, seq: 0 }
      : { kind: 'hook', host: name, hook, pkt: id, src, dst, fns, verdict, reason, t: 0, seq: 0 },
  );
  if (verdict === 'DROP')
    host.sim.emit({ kind: 'drop', host: host.name, pkt: cur.id, reason: reason ?? 'nf-drop', hook });
  then?.();
  return { skb: cur, verdict };
}
