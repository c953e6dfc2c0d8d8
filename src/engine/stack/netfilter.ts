import type { RunsNode } from './hookRun';
import type { Skb } from './skb';

/** The five IPv4 hook points, by the names iptables and the seed use. */
export type HookName = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
export const HOOK_NAMES: readonly HookName[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

/** Kernel hook names, for views that show both (NF_INET_LOCAL_IN is iptables' INPUT). */
export const KERNEL_HOOK_NAME: Readonly<Record<HookName, string>> = {
  PREROUTING: 'NF_INET_PRE_ROUTING',
  INPUT: 'NF_INET_LOCAL_IN',
  FORWARD: 'NF_INET_FORWARD',
  OUTPUT: 'NF_INET_LOCAL_OUT',
  POSTROUTING: 'NF_INET_POST_ROUTING',
};

/** NF_ACCEPT, NF_DROP, NF_STOLEN (the hook took the packet: IPVS transmitters). */
export type Verdict = 'ACCEPT' | 'DROP' | 'STOLEN';

export interface HookResult {
  verdict: Verdict;
  /** The packet to continue with, when the hook rewrote it (NAT). */
  skb?: Skb;
  /** Stable reason code for a DROP. */
  reason?: string;
  /**
   * What happens to a STOLEN (or dropped) packet next, run once the hook passage is in the
   * trace, so the trace reads in causal order: INPUT … STOLEN, then the transmitted frame.
   */
  then?: () => void;
}

export type HookFn = (skb: Skb, hook: HookName) => HookResult;

export interface HookEntry {
  /** Kernel function name, e.g. `ip_vs_in_hook`. */
  name: string;
  priority: number;
  fn: HookFn;
}

/**
 * Per-host registry of hook functions, each hook point sorted by priority (stable). Each point's
 * list is a field, found by a switch: every packet asks for a list at each hook it passes, and a
 * Map's get by name cost a hash lookup each time.
 */
export class HookRegistry {
  private readonly prerouting: HookEntry[] = [];
  private readonly input: HookEntry[] = [];
  private readonly forward: HookEntry[] = [];
  private readonly output: HookEntry[] = [];
  private readonly postrouting: HookEntry[] = [];
  /**
   * The roots of the host's trees of shared hook runs (hookRun.ts), one per hook point, kept by
   * the registry whose entries they record: a field read per passage instead of a lookup by host.
   * Apart, each root's memo of the entry that last accepted there holds: one root met a different
   * first entry at each point a packet passed (INPUT, OUTPUT, FORWARD on a director) and missed.
   */
  private preroutingRuns: RunsNode | undefined = undefined;
  private inputRuns: RunsNode | undefined = undefined;
  private forwardRuns: RunsNode | undefined = undefined;
  private outputRuns: RunsNode | undefined = undefined;
  private postroutingRuns: RunsNode | undefined = undefined;
  /** Told of every registration and unregistration (the host writes it to the trace). */
  onChange: ((op: 'add' | 'del', hook: HookName, e: HookEntry) => void) | undefined;

  register(hook: HookName, entry: HookEntry): void {
    const list = this.list(hook);
    if (list.some((e) => e.name === entry.name && e.priority === entry.priority)) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.priority > entry.priority) i--;
    list.splice(i, 0, entry);
    this.onChange?.('add', hook, entry);
  }

  unregister(hook: HookName, name: string): void {
    const list = this.list(hook);
    const i = list.findIndex((e) => e.name === name);
    if (i < 0) return;
    const [gone] = list.splice(i, 1);
    this.onChange?.('del', hook, gone!);
  }

  /** The root of `hook`'s tree of runs, made by `make` on first use. */
  runsRoot(hook: HookName, make: () => RunsNode): RunsNode {
    switch (hook) {
      case 'PREROUTING':
        return (this.preroutingRuns ??= make());
      case 'INPUT':
        return (this.inputRuns ??= make());
      case 'FORWARD':
        return (this.forwardRuns ??= make());
      case 'OUTPUT':
        return (this.outputRuns ??= make());
      case 'POSTROUTING':
        return (this.postroutingRuns ??= make());
    }
    throw new Error(`no hook point ${String(hook)}`);
  }

  entries(hook: HookName): readonly HookEntry[] {
    return this.list(hook);
  }

  private list(hook: HookName): HookEntry[] {
    switch (hook) {
      case 'PREROUTING':
        return this.prerouting;
      case 'INPUT':
        return this.input;
      case 'FORWARD':
        return this.forward;
      case 'OUTPUT':
        return this.output;
      case 'POSTROUTING':
        return this.postrouting;
    }
    throw new Error(`no hook point ${String(hook)}`);
  }
}
