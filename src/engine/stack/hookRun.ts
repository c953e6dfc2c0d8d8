import { fixedKind } from '../core/traceFixed';
import type { Host } from './host';
import type { HookEntry, HookName, HookResult, Verdict } from './netfilter';
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
 * A passage without a reason (nearly all): pushed as its values, no event object (traceFixed.ts).
 * Passages recur whole but for the packet: the store finds their rows by the values.
 */
const HOOK = fixedKind<HookEvent>()('hook', ['host', 'hook', 'pkt', 'src', 'dst', 'fns', 'verdict'], true);

/**
 * Hook passages repeat the same runs packet after packet: each run object and each list of runs is
 * made once per host and shared by every event that shows it (frozen; the trace keeps references).
 */
export interface RunsNode {
  fns?: HookFnRun[];
  next: Map<HookFnRun, RunsNode>;
  /**
   * The last entry that accepted here and the node it led to: nearly every passage is all ACCEPTs
   * by the same entries, so this answers without the run's or the child's lookup (a memo of both:
   * sharedRun(e, 'ACCEPT') and next.get of it never change for an entry).
   */
  acceptedBy?: HookEntry | undefined;
  acceptNext?: RunsNode | undefined;
  /**
   * The same for the last other verdict met here: a director's IPVS hook steals every request
   * packet at the same place (the memo saved the run's two lookups and the child's per passage).
   */
  endedBy?: HookEntry | undefined;
  endVerdict?: Verdict | undefined;
  endNext?: RunsNode | undefined;
}
const runObjects = new WeakMap<HookEntry, Map<Verdict, HookFnRun>>();

function sharedRun(e: HookEntry, verdict: Verdict): HookFnRun {
  let byVerdict = runObjects.get(e);
  if (!byVerdict) runObjects.set(e, (byVerdict = new Map()));
  let run = byVerdict.get(verdict);
  if (!run) byVerdict.set(verdict, (run = Object.freeze({ name: e.name, priority: e.priority, verdict })));
  return run;
}

function newNode(): RunsNode {
  return {
    next: new Map(),
    acceptedBy: undefined,
    acceptNext: undefined,
    endedBy: undefined,
    endVerdict: undefined,
    endNext: undefined,
  };
}

/** The node after `node` for `e`'s run with `verdict`, made the first time it is met. */
function childOf(node: RunsNode, e: HookEntry, verdict: Verdict): RunsNode {
  const run = sharedRun(e, verdict);
  let n = node.next.get(run);
  if (!n) node.next.set(run, (n = newNode()));
  if (verdict === 'ACCEPT') {
    node.acceptedBy = e;
    node.acceptNext = n;
  } else {
    node.endedBy = e;
    node.endVerdict = verdict;
    node.endNext = n;
  }
  return n;
}

/** The shared list for the runs walked from the root to `node` (`runs` is built only the first time). */
function listAt(
  node: RunsNode,
  entries: readonly HookEntry[],
  last: number,
  lastVerdict: Verdict,
): HookFnRun[] {
  if (node.fns) return node.fns;
  const runs: HookFnRun[] = [];
  for (let i = 0; i < last; i++) runs.push(sharedRun(entries[i]!, 'ACCEPT'));
  runs.push(sharedRun(entries[last]!, lastVerdict));
  return (node.fns = Object.freeze(runs) as HookFnRun[]);
}

/**
 * nf_hook_slow: run a hook point's functions in priority order and record the passage in the
 * trace (one event per hook point: the functions that ran, each verdict, the final verdict).
 * Returns the packet to go on with, or undefined when a function dropped or took it. Every
 * packet passes here several times per host: the runs are walked in the shared tree as they
 * happen, with no list or result object made per passage.
 */
export function runHook(host: Host, hook: HookName, skb: Skb): Skb | undefined {
  const entries = host.hooks.entries(hook);
  let cur = skb;
  let verdict: Verdict = 'ACCEPT';
  let reason: string | undefined;
  // The result whose `then` runs after the passage is recorded, called as its method (a hook may
  // return a record whose `then` reads its fields).
  let after: HookResult | undefined;
  let ran = NO_FNS;
  if (entries.length > 0) {
    let node = host.hooks.runsRoot(hook, newNode);
    let i = 0;
    for (; i < entries.length; i++) {
      const e = entries[i]!;
      const r = e.fn(cur, hook);
      if (r.verdict === 'ACCEPT' && node.acceptedBy === e) node = node.acceptNext!;
      else if (node.endedBy === e && node.endVerdict === r.verdict) node = node.endNext!;
      else node = childOf(node, e, r.verdict);
      if (r.skb) cur = r.skb;
      if (r.verdict !== 'ACCEPT') {
        verdict = r.verdict;
        reason = r.reason;
        after = r;
        break;
      }
    }
    ran = listAt(node, entries, Math.min(i, entries.length - 1), verdict);
  }
  const { name } = host;
  const { id } = cur;
  const { src, dst } = cur.pkt;
  if (reason === undefined) host.sim.emitFixed(HOOK, name, hook, id, src, dst, ran, verdict);
  else host.sim.emit({ kind: 'hook', host: name, hook, pkt: id, src, dst, fns: ran, verdict, reason });
  if (verdict === 'DROP')
    host.sim.emit({ kind: 'drop', host: host.name, pkt: cur.id, reason: reason ?? 'nf-drop', hook });
  after?.then?.();
  return verdict === 'ACCEPT' ? cur : undefined;
}
