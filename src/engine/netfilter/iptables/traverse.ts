/**
 * ipt_do_table: walk a table's built-in chain for a packet at one hook, following jumps,
 * gotos and RETURN, counting every matching rule, and end with a verdict: a rule's, or the
 * chain's policy. MARK sets skb->mark and goes on; REJECT answers and drops.
 */
import { packetLength } from '../../packet/frame';
import { ICMP_DEST_UNREACH } from '../../packet/types';
import type { Ipv4 } from '../../packet/types';
import { ipvsLoaded } from '../../ipvs/ipvs';
import { icmpSendError } from '../../stack/icmpSend';
import type { HookName, HookResult } from '../../stack/netfilter';
import type { Skb } from '../../stack/skb';
import type { Iptables } from './iptables';
import { ruleMatches } from './match';
import { ruleSpec } from './rule';
import type { CtState, Rule } from './rule';
import type { Chain, Table } from './tables';
import { findChain } from './tables';

/**
 * One table's verdict on one packet: which rule decided (chain and 1-based number, with its -S
 * text) or the policy, the marks set on the way, and what IPVS would have done with it (a
 * finding can say "iptables dropped what IPVS would have served").
 */
export interface IptablesVerdictEvent {
  kind: 'iptables.verdict';
  host: string;
  pkt: string;
  table: string;
  hook: HookName;
  /** Chain of the deciding rule (or the built-in chain, for the policy). */
  chain: string;
  rule: number | null;
  spec: string | null;
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  why: 'rule' | 'policy';
  rejectWith?: string;
  marks: { chain: string; rule: number; mark: number }[];
  src: Ipv4;
  dst: Ipv4;
  protocol: number;
  dport?: number;
  /** The IPVS virtual service this packet would reach (`TCP 192.168.99.188:80`, `FWM 1`). */
  ipvsService?: string;
  /** A mark was set and IPVS has no fwmark service for it. */
  markWithoutService?: boolean;
}

const REJECT_CODES: Readonly<Record<string, number>> = {
  'icmp-net-unreachable': 0,
  'icmp-host-unreachable': 1,
  'icmp-proto-unreachable': 2,
  'icmp-port-unreachable': 3,
  'icmp-net-prohibited': 9,
  'icmp-host-prohibited': 10,
  'icmp-admin-prohibited': 13,
};

interface Decision {
  chain: Chain;
  index: number;
  rule: Rule | null;
}

function walk(
  ipt: Iptables,
  t: Table,
  hook: HookName,
  skb: Skb,
  ct: CtState,
  marks: IptablesVerdictEvent['marks'],
): Decision {
  const base = findChain(t, hook)!;
  const stack: { chain: Chain; next: number }[] = [];
  let chain = base;
  let i = 0;
  const len = packetLength(skb.pkt);
  for (let steps = 0; steps < 100000; steps++) {
    if (i >= chain.rules.length) {
      const back = stack.pop();
      if (!back) break;
      chain = back.chain;
      i = back.next;
      continue;
    }
    const r = chain.rules[i]!;
    if (!ruleMatches(r, skb, hook, ct, ipt.sets)) {
      i++;
      continue;
    }
    r.pkts++;
    r.bytes += len;
    const tg = r.target;
    if (tg.kind === 'ACCEPT' || tg.kind === 'DROP' || tg.kind === 'REJECT')
      return { chain, index: i, rule: r };
    if (tg.kind === 'MARK') {
      skb.mark = (((skb.mark ?? 0) & ~tg.mask) ^ tg.mark) >>> 0;
      marks.push({ chain: chain.name, rule: i + 1, mark: skb.mark });
      i++;
    } else if (tg.kind === 'RETURN') {
      const back = stack.pop();
      if (!back) break;
      chain = back.chain;
      i = back.next;
    } else if (tg.kind === 'jump') {
      const to = findChain(t, tg.chain);
      if (!to) {
        i++;
        continue;
      }
      if (!tg.goto) stack.push({ chain, next: i + 1 });
      chain = to;
      i = 0;
    } else i++;
  }
  base.pkts++;
  base.bytes += len;
  return { chain: base, index: -1, rule: null };
}

function ipvsServiceFor(ipt: Iptables, skb: Skb): string | undefined {
  const ipvs = ipvsLoaded(ipt.host);
  if (!ipvs) return undefined;
  if (skb.mark && ipvs.services.some((s) => s.key.kind === 'fwmark' && s.key.fwmark === skb.mark))
    return `FWM ${skb.mark}`;
  const l4 = skb.pkt.payload;
  if (l4.proto !== 'tcp' && l4.proto !== 'udp') return undefined;
  const svc = ipvs.serviceFor(l4.proto, skb.pkt.dst, l4.dstPort);
  return svc ? `${l4.proto.toUpperCase()} ${skb.pkt.dst}:${l4.dstPort}` : undefined;
}

export function doTable(ipt: Iptables, t: Table, hook: HookName, skb: Skb): HookResult {
  const marks: IptablesVerdictEvent['marks'] = [];
  // Conntrack sees every packet, not only those a state rule asks about.
  const d = walk(ipt, t, hook, skb, ipt.ct.classify(skb.pkt), marks);
  const tg = d.rule?.target;
  const verdict = tg ? (tg.kind as 'ACCEPT' | 'DROP' | 'REJECT') : d.chain.policy;
  const l4 = skb.pkt.payload;
  const ev: IptablesVerdictEvent = {
    kind: 'iptables.verdict',
    host: ipt.host.name,
    pkt: skb.id,
    table: t.name,
    hook,
    chain: d.chain.name,
    rule: d.rule ? d.index + 1 : null,
    spec: d.rule ? `-A ${d.chain.name}${ruleSpec(d.rule)}` : null,
    verdict,
    why: d.rule ? 'rule' : 'policy',
    marks,
    src: skb.pkt.src,
    dst: skb.pkt.dst,
    protocol: skb.pkt.protocol,
  };
  if (l4.proto === 'tcp' || l4.proto === 'udp') ev.dport = l4.dstPort;
  if (tg?.kind === 'REJECT') ev.rejectWith = tg.with;
  const svc = ipvsServiceFor(ipt, skb);
  if (svc) ev.ipvsService = svc;
  if (marks.length > 0 && !svc?.startsWith('FWM')) ev.markWithoutService = true;
  ipt.host.sim.emit(ev);
  if (verdict === 'ACCEPT') return { verdict: 'ACCEPT' };
  const reason = `iptables-${t.name}-${d.chain.name}${d.rule ? `-rule-${d.index + 1}` : '-policy'}`;
  if (tg?.kind !== 'REJECT') return { verdict: 'DROP', reason };
  const host = ipt.host;
  const rejectWith = tg.with;
  return {
    verdict: 'DROP',
    reason,
    then: () => {
      const seg = skb.pkt.payload;
      if (rejectWith === 'tcp-reset') {
        if (seg.proto === 'tcp') host.sockets.sendReset(skb.pkt.dst, skb.pkt.src, seg);
        return;
      }
      icmpSendError(host, skb, ICMP_DEST_UNREACH, REJECT_CODES[rejectWith] ?? 3);
    },
  };
}
