/** ipt_do_table's per-rule test: the IP part, then the tcp/udp ports, the state and set matches. */
import { inPrefix } from '../../packet/ipv4Address';
import type { HookName } from '../../stack/netfilter';
import type { Skb } from '../../stack/skb';
import type { AddrMatch, CtState, PortMatch, Rule } from './rule';

function addrOk(m: AddrMatch | undefined, ip: string): boolean {
  return !m || inPrefix(ip, m.addr, m.prefix) !== m.inv;
}

/** Interface names match exactly, or by prefix when the rule's name ends in `+`. */
function ifaceOk(m: { name: string; inv: boolean } | undefined, dev: string | undefined): boolean {
  if (!m) return true;
  const d = dev ?? '';
  const hit = m.name.endsWith('+') ? d.startsWith(m.name.slice(0, -1)) : d === m.name;
  return hit !== m.inv;
}

function portOk(m: PortMatch | undefined, port: number): boolean {
  return !m || (port >= m.min && port <= m.max) !== m.inv;
}

const IN_HOOKS: ReadonlySet<HookName> = new Set(['PREROUTING', 'INPUT', 'FORWARD']);
const OUT_HOOKS: ReadonlySet<HookName> = new Set(['FORWARD', 'OUTPUT', 'POSTROUTING']);

/** An ipset's members by set name (hash:ip sets only). */
export type IpSets = ReadonlyMap<string, ReadonlySet<string>>;

export function ruleMatches(
  r: Rule,
  skb: Skb,
  hook: HookName,
  ctState: CtState,
  sets: IpSets = new Map(),
): boolean {
  const p = skb.pkt;
  if (!addrOk(r.src, p.src) || !addrOk(r.dst, p.dst)) return false;
  if ((r.proto === 0 || p.protocol === r.proto) === r.protoInv) return false;
  if (!ifaceOk(r.inIface, IN_HOOKS.has(hook) ? skb.inDev : undefined)) return false;
  if (!ifaceOk(r.outIface, OUT_HOOKS.has(hook) ? skb.outDev : undefined)) return false;
  if (r.sport || r.dport) {
    const l4 = p.payload;
    // A non-first fragment carries no ports: the tcp/udp match never matches it.
    if ((l4.proto !== 'tcp' && l4.proto !== 'udp') || p.fragOffset !== 0) return false;
    if (!portOk(r.sport, l4.srcPort) || !portOk(r.dport, l4.dstPort)) return false;
  }
  if (r.state) {
    if (r.state.states.includes(ctState) === r.state.inv) return false;
  }
  if (r.set) {
    const addr = r.set.dir === 'src' ? p.src : p.dst;
    if ((sets.get(r.set.name)?.has(addr) ?? false) === r.set.inv) return false;
  }
  return true;
}
