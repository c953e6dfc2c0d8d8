import { ICMP_TIME_EXCEEDED } from '../packet/types';
import { withIpv4 } from '../packet/rewrite';
import type { Host } from './host';
import { runHook } from './hookRun';
import { icmpSendError } from './icmpSend';
import { ipOutput } from './ipOutput';
import type { Skb } from './skb';

/** ip_forward: TTL check and decrement, FORWARD hook, then POSTROUTING and out. */
export function ipForward(host: Host, skb: Skb, outDev: string, nexthop: string): void {
  if (skb.pkt.ttl <= 1) {
    host.sim.emit({ kind: 'drop', host: host.name, pkt: skb.id, reason: 'ttl-exceeded', ttl: skb.pkt.ttl });
    icmpSendError(host, skb, ICMP_TIME_EXCEEDED, 0);
    return;
  }
  const p = skb.pkt;
  skb.pkt = withIpv4(p, p.ttl - 1, p.src, p.dst, p.payload);
  skb.outDev = outDev;
  skb.nexthop = nexthop;
  const s = runHook(host, 'FORWARD', skb);
  if (!s) return;
  host.count('IpForwDatagrams');
  ipOutput(host, s, s.outDev ?? outDev, s.nexthop ?? nexthop);
}
