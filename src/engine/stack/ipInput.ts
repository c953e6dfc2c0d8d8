import { routeEvent, routeForwardEvent, routeInputEvent } from './routeEvent';
import {
  IPPROTO_ICMP,
  IPPROTO_IPIP,
  IPPROTO_TCP,
  IPPROTO_UDP,
  ICMP_DEST_UNREACH,
  ICMP_NET_UNREACH,
  ICMP_PROT_UNREACH,
} from '../packet/types';
import type { Host } from './host';
import { runHook } from './hookRun';
import { icmpRcv } from './icmpRcv';
import { icmpSendError } from './icmpSend';
import { ipForward } from './ipForward';
import { ipipRcv } from './ipipRcv';
import { routeInput } from './routeInput';
import type { Skb } from './skb';

/**
 * ip_rcv → PREROUTING → routing decision → INPUT (ip_local_deliver) or FORWARD.
 * Every outcome is in the trace: the hooks passed, the routing decision, or the drop's reason.
 */
export function ipRcv(host: Host, dev: string, skb: Skb): void {
  host.count('IpInReceives');
  skb.inDev = dev;
  const s = runHook(host, 'PREROUTING', skb);
  if (!s) return;
  const { src, dst } = s.pkt;
  if (dev === 'lo') {
    // Looped-back packets keep the route they were sent with: no source validation.
    routeInputEvent(host, s, 'local', dev);
    s.rtType = 'local';
    ipLocalDeliver(host, s);
    return;
  }
  const rt = routeInput(host, dst, src, dev, s.mark ?? 0);
  if (!rt.ok) {
    routeEvent(host, s, 'input', { result: 'error', dev, reason: rt.reason, ...(rt.detail ?? {}) });
    inputRouteFailed(host, s, rt.reason);
    return;
  }
  if (rt.type === 'forward') {
    routeForwardEvent(host, s, dev, rt.res.dev, rt.nexthop);
    ipForward(host, s, rt.res.dev, rt.nexthop);
    return;
  }
  routeInputEvent(host, s, rt.type, dev);
  s.rtType = rt.type;
  ipLocalDeliver(host, s);
}

function inputRouteFailed(host: Host, skb: Skb, reason: string): void {
  if (reason === 'rp_filter') host.count('TcpExtIPReversePathFilter');
  if (reason === 'forwarding-disabled') host.count('IpInAddrErrors');
  host.sim.emit({ kind: 'drop', host: host.name, pkt: skb.id, reason, dev: skb.inDev ?? null });
  // ip_error: only a forwarding interface answers a routing failure with ICMP.
  if (reason === 'no-route') {
    host.count('IpInNoRoutes');
    icmpSendError(host, skb, ICMP_DEST_UNREACH, ICMP_NET_UNREACH);
  }
}

/** ip_local_deliver: INPUT hook, then the protocol handler. */
export function ipLocalDeliver(host: Host, skb: Skb): void {
  const s = runHook(host, 'INPUT', skb);
  if (!s) return;
  host.count('IpInDelivers');
  switch (s.pkt.protocol) {
    case IPPROTO_TCP:
      host.sockets.tcpRcv(s);
      return;
    case IPPROTO_UDP:
      host.sockets.udpRcv(s);
      return;
    case IPPROTO_ICMP:
      icmpRcv(host, s);
      return;
    case IPPROTO_IPIP: {
      // The inner packet re-enters the stack as if it had arrived on tunl0.
      const inner = ipipRcv(host, s);
      if (inner) ipRcv(host, 'tunl0', inner);
      return;
    }
    default: {
      const raw = host.rawProtocols.get(s.pkt.protocol);
      if (raw) {
        raw(s);
        return;
      }
      host.sim.emit({
        kind: 'drop',
        host: host.name,
        pkt: s.id,
        reason: 'protocol-unreachable',
        protocol: s.pkt.protocol,
      });
      icmpSendError(host, s, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH);
    }
  }
}
