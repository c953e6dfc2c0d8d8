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

/** Per-host registry of hook functions, each hook point sorted by priority (stable). */
export class HookRegistry {
  private hooks = new Map<HookName, HookEntry[]>(HOOK_NAMES.map((h) => [h, []]));
  /** Told of every registration and unregistration (the host writes it to the trace). */
  onChange: ((op: 'add' | 'del', hook: HookName, e: HookEntry) => void) | undefined;

  register(hook: HookName, entry: HookEntry): void {
    const list = this.hooks.get(hook)!;
    if (list.some((e) => e.name === entry.name && e.priority === entry.priority)) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.priority > entry.priority) i--;
    list.splice(i, 0, entry);
    this.onChange?.('add', hook, entry);
  }

  unregister(hook: HookName, name: string): void {
    const list = this.hooks.get(hook)!;
    const i = list.findIndex((e) => e.name === name);
    if (i < 0) return;
    const [gone] = list.splice(i, 1);
    this.onChange?.('del', hook, gone!);
  }

  entries(hook: HookName): readonly HookEntry[] {
    return this.hooks.get(hook)!;
  }
}
