import type { Host } from './host';
import type { HookEntry, HookName, Verdict } from './netfilter';
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

/**
 * Hook passages repeat the same runs packet after packet: each run object and each list of runs is
 * made once per host and shared by every event that shows it (frozen; the trace keeps references).
 */
interface RunsNode {
  fns?: HookFnRun[];
  next: Map<HookFnRun, RunsNode>;
}
const runObjects = new WeakMap<HookEntry, Map<Verdict, HookFnRun>>();
const runLists = new WeakMap<Host, RunsNode>();

function sharedRun(e: HookEntry, verdict: Verdict): HookFnRun {
  let byVerdict = runObjects.get(e);
  if (!byVerdict) runObjects.set(e, (byVerdict = new Map()));
  let run = byVerdict.get(verdict);
  if (!run) byVerdict.set(verdict, (run = Object.freeze({ name: e.name, priority: e.priority, verdict })));
  return run;
}

function sharedList(host: Host, runs: HookFnRun[]): HookFnRun[] {
  let node: RunsNode | undefined = runLists.get(host);
  if (!node) runLists.set(host, (node = { next: new Map() }));
  for (const r of runs) {
    let n: RunsNode | undefined = node.next.get(r);
    if (!n) node.next.set(r, (n = { next: new Map() }));
    node = n;
  }
  return (node.fns ??= Object.freeze(runs) as HookFnRun[]);
}

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
    fns.push(sharedRun(e, r.verdict));
    if (r.skb) cur = r.skb;
    if (r.verdict !== 'ACCEPT') {
      verdict = r.verdict;
      reason = r.reason;
      then = r.then;
      break;
    }
  }
  const { name } = host;
  const { id } = cur;
  const { src, dst } = cur.pkt;
  const ran = fns === NO_FNS ? NO_FNS : sharedList(host, fns);
  host.sim.emit(
    reason === undefined
      ? { kind: 'hook', host: name, hook, pkt: id, src, dst, fns: ran, verdict }
      : { kind: 'hook', host: name, hook, pkt: id, src, dst, fns: ran, verdict, reason },
  );
  if (verdict === 'DROP')
    host.sim.emit({ kind: 'drop', host: host.name, pkt: cur.id, reason: reason ?? 'nf-drop', hook });
  then?.();
  return { skb: cur, verdict };
}
