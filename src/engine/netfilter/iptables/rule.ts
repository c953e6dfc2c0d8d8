/**
 * One iptables rule as the kernel holds it (struct ipt_entry reduced to what the lab matches):
 * the IP part (-s -d -p -i -o, each invertible), the tcp/udp ports, the state/conntrack
 * match, and the target with its options. Counters live on the rule.
 */
import type { Ipv4 } from '../../packet/types';

export interface AddrMatch {
  addr: Ipv4;
  /** Prefix length; the address is stored masked, as the kernel does. */
  prefix: number;
  inv: boolean;
}

export interface PortMatch {
  min: number;
  max: number;
  inv: boolean;
}

/** Conntrack states (XT_STATE_BIT order as iptables prints them). */
export const CT_STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED'] as const;
export type CtState = (typeof CT_STATES)[number];

export type Target =
  | { kind: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { kind: 'REJECT'; with: string }
  | { kind: 'MARK'; mark: number; mask: number }
  | { kind: 'jump'; chain: string; goto: boolean }
  | { kind: 'none' };

export interface Rule {
  src?: AddrMatch;
  dst?: AddrMatch;
  /** Protocol number; 0 = all. */
  proto: number;
  protoInv: boolean;
  inIface?: { name: string; inv: boolean };
  outIface?: { name: string; inv: boolean };
  /** `-m tcp`/`-m udp` ports (the match is named by the protocol). */
  sport?: PortMatch;
  dport?: PortMatch;
  /** `-m state --state` or `-m conntrack --ctstate`. */
  state?: { module: 'state' | 'conntrack'; states: CtState[]; inv: boolean };
  /** `-m set --match-set NAME src|dst` (xt_set, one dimension): keepalived's vrrp_strict rule. */
  set?: { name: string; dir: 'src' | 'dst'; inv: boolean };
  /** The state match was given before the port match (matches print in command-line order). */
  stateFirst?: boolean;
  target: Target;
  pkts: number;
  bytes: number;
}

/** The target's name as -L prints it. */
export function targetName(t: Target): string {
  if (t.kind === 'jump') return t.chain;
  if (t.kind === 'none') return '';
  return t.kind;
}

/** Same rule for -D/-C (counters aside): compare the saved form. */
export function sameRule(a: Rule, b: Rule): boolean {
  return ruleSpec(a) === ruleSpec(b);
}

/** Names from CentOS 7's /etc/protocols that the lab's rules meet (iptables prints them). */
const PROTO_NAMES: Readonly<Record<number, string>> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 112: 'vrrp' };

export function protoName(p: number): string {
  return p === 0 ? 'all' : (PROTO_NAMES[p] ?? String(p));
}

function portText(name: string, p: PortMatch): string {
  const v = p.min === p.max ? `${p.min}` : `${p.min}:${p.max}`;
  return `${p.inv ? ' !' : ''} --${name} ${v}`;
}

export function maskHex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

/** The rule after `-A CHAIN` as iptables -S and iptables-save print it. */
export function ruleSpec(r: Rule): string {
  let s = '';
  if (r.src) s += `${r.src.inv ? ' !' : ''} -s ${r.src.addr}/${r.src.prefix}`;
  if (r.dst) s += `${r.dst.inv ? ' !' : ''} -d ${r.dst.addr}/${r.dst.prefix}`;
  if (r.inIface) s += `${r.inIface.inv ? ' !' : ''} -i ${r.inIface.name}`;
  if (r.outIface) s += `${r.outIface.inv ? ' !' : ''} -o ${r.outIface.name}`;
  if (r.proto !== 0 || r.protoInv) s += `${r.protoInv ? ' !' : ''} -p ${protoName(r.proto)}`;
  let state = '';
  if (r.state) {
    const opt = r.state.module === 'state' ? 'state' : 'ctstate';
    state = ` -m ${r.state.module}${r.state.inv ? ' !' : ''} --${opt} ${r.state.states.join(',')}`;
  }
  let ports = '';
  if (r.sport || r.dport) {
    ports = ` -m ${protoName(r.proto)}`;
    if (r.sport) ports += portText('sport', r.sport);
    if (r.dport) ports += portText('dport', r.dport);
  }
  s += r.stateFirst ? state + ports : ports + state;
  if (r.set) s += ` -m set${r.set.inv ? ' !' : ''} --match-set ${r.set.name} ${r.set.dir}`;
  const t = r.target;
  if (t.kind === 'jump') s += ` ${t.goto ? '-g' : '-j'} ${t.chain}`;
  else if (t.kind === 'REJECT') s += ` -j REJECT --reject-with ${t.with}`;
  else if (t.kind === 'MARK') s += ` -j MARK --set-xmark ${maskHex(t.mark)}/${maskHex(t.mask)}`;
  else if (t.kind !== 'none') s += ` -j ${t.kind}`;
  return s;
}
