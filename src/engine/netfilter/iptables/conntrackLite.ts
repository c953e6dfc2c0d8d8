/**
 * Just enough connection tracking for `-m state` / `-m conntrack --ctstate`: a tuple seen in
 * one direction only is NEW, once the other direction has passed it is ESTABLISHED, an ICMP
 * error quoting a tracked tuple is RELATED. Entries are noted as packets cross the iptables
 * hooks; the oldest are forgotten past a cap (the kernel times them out instead).
 */
import { readQuote } from '../../packet/icmpQuote';
import type { Ipv4Packet } from '../../packet/types';
import type { CtState } from './rule';

const CAP = 65536;

function tupleOf(p: Ipv4Packet): { key: string; reply: string } {
  const l4 = p.payload;
  let sp = 0;
  let dp = 0;
  if (l4.proto === 'tcp' || l4.proto === 'udp') {
    sp = l4.srcPort;
    dp = l4.dstPort;
  } else if (l4.proto === 'icmp' && 'ident' in l4) sp = dp = l4.ident;
  return {
    key: `${p.protocol}|${p.src}:${sp}>${p.dst}:${dp}`,
    reply: `${p.protocol}|${p.dst}:${dp}>${p.src}:${sp}`,
  };
}

export class ConntrackLite {
  /** Original-direction tuple → whether a reply has been seen. */
  private readonly entries = new Map<string, { replied: boolean; reply: string }>();
  private readonly replies = new Map<string, string>();

  /** The packet's state, noting it in the table. */
  classify(p: Ipv4Packet): CtState {
    const l4 = p.payload;
    if (l4.proto === 'icmp' && 'original' in l4) {
      const q = readQuote(l4.original);
      if (!q) return 'INVALID';
      const ports = q.sport !== undefined ? `${q.sport}>${q.header.dst}:${q.dport}` : `0>${q.header.dst}:0`;
      const k = `${q.header.protocol}|${q.header.src}:${ports}`;
      return this.entries.has(k) || this.replies.has(k) ? 'RELATED' : 'INVALID';
    }
    const t = tupleOf(p);
    const orig = this.entries.get(t.key);
    if (orig) return orig.replied ? 'ESTABLISHED' : 'NEW';
    const of = this.replies.get(t.key);
    if (of !== undefined) {
      const e = this.entries.get(of);
      if (e) e.replied = true;
      return 'ESTABLISHED';
    }
    this.entries.set(t.key, { replied: false, reply: t.reply });
    this.replies.set(t.reply, t.key);
    if (this.entries.size > CAP) {
      const [first, e] = this.entries.entries().next().value as [string, { reply: string }];
      this.entries.delete(first);
      this.replies.delete(e.reply);
    }
    return 'NEW';
  }
}
