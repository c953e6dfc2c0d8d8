/**
 * keepalived 1.3.5's vrrp_strict firewall as CentOS 7's build (with libipset) sets it up: at the
 * VRRP child's start one hash:ip set `keepalived` and one filter rule `-A INPUT -m set
 * --match-set keepalived dst -j DROP` (vrrp_iptables.c add_del_rules, chain from
 * vrrp_iptables_inchain, default INPUT); while an instance is MASTER its VIPs are members of the
 * set, so the rule drops everything addressed to them — IPVS traffic included, since filter
 * INPUT (priority 0) runs before ip_vs_in. At stop the rule and the set go.
 */
import type { Host } from '../stack/host';
import { iptablesOf } from './iptables/iptables';
import type { Rule } from './iptables/rule';
import { deleteRule, insertRule } from './iptables/tables';

export const KEEPALIVED_SET = 'keepalived';

function strictRule(): Rule {
  return {
    proto: 0,
    protoInv: false,
    set: { name: KEEPALIVED_SET, dir: 'dst', inv: false },
    target: { kind: 'DROP' },
    pkts: 0,
    bytes: 0,
  };
}

/** iptables_startup: create the set and append the rule (loading iptable_filter if needed). */
export function keepalivedFirewallUp(host: Host, chain = 'INPUT'): void {
  const ipt = iptablesOf(host);
  if (!ipt.sets.has(KEEPALIVED_SET)) ipt.sets.set(KEEPALIVED_SET, new Set());
  insertRule(ipt.table('filter'), chain, strictRule());
}

/** iptables_fini / iptables_cleanup: the rule and the set go (nothing is loaded for it). */
export function keepalivedFirewallDown(host: Host, chain = 'INPUT'): void {
  const ipt = iptablesOf(host);
  const filter = ipt.loaded('filter');
  if (filter) while (deleteRule(filter, chain, strictRule()) === undefined);
  ipt.sets.delete(KEEPALIVED_SET);
}

/** vrrp_handle_accept_mode with ipsets: the VIPs join or leave the set. */
export function keepalivedSetVips(host: Host, vips: readonly string[], on: boolean): void {
  const set = iptablesOf(host).sets.get(KEEPALIVED_SET);
  if (!set) return;
  for (const v of vips) {
    if (on) set.add(v);
    else set.delete(v);
  }
}
