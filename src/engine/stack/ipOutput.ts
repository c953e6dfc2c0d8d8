import { BROADCAST_MAC, ZERO_MAC } from '../packet/types';
import type { Ipv4 } from '../packet/types';
import { isMulticast, LIMITED_BROADCAST, multicastMac } from './addrMath';
import { xmitFrame } from './xmit';
import type { Host } from './host';
import { runHook } from './hookRun';
import { routeOutputEvent } from './routeEvent';
import type { Skb } from './skb';
import type { FibResult } from './routeTable';

export type OutputRoute = Readonly<
  | { ok: true; dev: string; nexthop: Ipv4; src: Ipv4; local: boolean; res: FibResult }
  | { ok: false; reason: 'no-route' | 'unreachable' | 'prohibit' | 'blackhole' | 'no-source' }
>;

/**
 * ip_route_output_key: route to `dst` and pick the source address Linux would (the route's
 * src, else inet_select_addr on the out device towards the gateway or destination).
 */
export function routeOutput(host: Host, dst: Ipv4, src?: Ipv4, oif?: string, mark = 0): OutputRoute {
  const res = host.routes.lookup(dst, oif, mark, src);
  if (!res) return { ok: false, reason: 'no-route' };
  if (src === undefined) {
    // Without one, the source chosen also depends on the host's addresses (a director asks this
    // for every packet it forwards to a real server).
    const a = res.outAny;
    if (a !== undefined && a.dst === dst && a.addrsVersion === host.addrsVersion) return a.route;
    const route = outputOf(host, res, dst, src);
    res.outAny = { dst, addrsVersion: host.addrsVersion, route };
    return route;
  }
  // With the source given the answer depends on the FIB result, dst and src alone: a socket asks
  // the same on every segment it sends and every ACK it takes, so the last answer is kept on the
  // result (the table makes new results on any change).
  const m = res.out;
  if (m !== undefined && m.dst === dst && m.src === src) return m.route;
  const route = outputOf(host, res, dst, src);
  res.out = { dst, src, route };
  return route;
}

function outputOf(host: Host, res: FibResult, dst: Ipv4, src: Ipv4 | undefined): OutputRoute {
  if (res.type === 'local')
    return { ok: true, dev: 'lo', nexthop: dst, src: src ?? res.route.src ?? dst, local: true, res };
  if (res.type === 'unreachable' || res.type === 'prohibit' || res.type === 'blackhole')
    return { ok: false, reason: res.type };
  const scope = res.gw !== undefined ? 'global' : res.route.scope;
  const s =
    src ?? res.route.src ?? host.selectAddr(res.dev, res.gw ?? dst, scope === 'host' ? 'host' : scope);
  if (s === undefined) return { ok: false, reason: 'no-source' };
  const local = res.type === 'broadcast';
  return { ok: true, dev: res.dev, nexthop: res.gw ?? dst, src: s, local, res };
}

/**
 * ip_local_out: OUTPUT hook, re-route if a hook changed the destination, then ip_output.
 * `route` is the decision made before the hook (sockets route when they connect).
 */
export function ipLocalOut(host: Host, skb: Skb, dev: string, nexthop: Ipv4): void {
  host.count('IpOutRequests');
  const origDst = skb.pkt.dst;
  const origMark = skb.mark ?? 0;
  skb.local = true;
  skb.outDev = dev;
  skb.nexthop = nexthop;
  routeOutputEvent(host, skb, dev === 'lo' ? 'local' : 'unicast', dev, nexthop);
  const s = runHook(host, 'OUTPUT', skb);
  if (!s) return;
  // ip_route_me_harder: a hook that changed the destination or the mark re-routes the packet.
  const marked = (s.mark ?? 0) !== origMark;
  if ((s.pkt.dst !== origDst || marked) && s.nexthop === nexthop) {
    const rr = routeOutput(host, s.pkt.dst, s.pkt.src, undefined, s.mark ?? 0);
    if (!rr.ok) {
      host.sim.emit({ kind: 'drop', host: host.name, pkt: s.id, reason: rr.reason });
      return;
    }
    s.outDev = rr.dev;
    s.nexthop = rr.nexthop;
    routeOutputEvent(host, s, 'reroute', rr.dev, rr.nexthop);
  }
  ipOutput(host, s, s.outDev ?? dev, s.nexthop ?? nexthop);
}

/** ip_output → POSTROUTING → ip_finish_output2 → the neighbour layer. */
export function ipOutput(host: Host, skb: Skb, dev: string, nexthop: Ipv4): void {
  skb.outDev = dev;
  skb.nexthop = nexthop;
  const s = runHook(host, 'POSTROUTING', skb);
  if (!s) return;
  const d = s.outDev ?? dev;
  const nh = s.nexthop ?? nexthop;
  const netdev = host.device(d);
  if (netdev?.kind === 'loopback' || netdev?.kind === 'ipip') {
    xmitFrame(host, d, ZERO_MAC, s);
    return;
  }
  if (isMulticast(nh)) {
    xmitFrame(host, d, multicastMac(nh), s);
    return;
  }
  if (nh === LIMITED_BROADCAST || isDevBroadcast(host, d, nh)) {
    xmitFrame(host, d, BROADCAST_MAC, s);
    return;
  }
  host.neigh.output(s, d, nh);
}

/** `nh` is a broadcast address of one of `dev`'s addresses (scanned in place: this runs per packet). */
function isDevBroadcast(host: Host, dev: string, nh: Ipv4): boolean {
  for (const a of host.addrs) if (a.dev === dev && a.broadcast === nh) return true;
  return false;
}
