import { fixedKind } from '../core/traceFixed';
import type { Host } from './host';
import type { RouteType } from './routeTable';
import type { Skb } from './skb';

/** A routing decision for a packet: input (local, forward, error) or output (and reroute after NAT). */
export interface RouteEvent {
  kind: 'route';
  host: string;
  pkt: string;
  dir: 'input' | 'output';
  src: string;
  dst: string;
  result: RouteType | 'forward' | 'reroute' | 'error';
  dev?: string;
  outDev?: string;
  nexthop?: string;
  reason?: string;
  /** On an rp_filter error: the effective rp_filter value. */
  rp_filter?: number;
  /** On a route-unreachable error: the route's type. */
  type?: string;
}

export type RouteParams = Omit<RouteEvent, 'kind' | 'host' | 'pkt' | 'dir' | 'src' | 'dst'>;

/** Record a routing decision (ip_route_input / ip_route_output) for a packet. */
export function routeEvent(host: Host, skb: Skb, dir: 'input' | 'output', params: RouteParams): void {
  host.sim.emit({
    kind: 'route',
    host: host.name,
    pkt: skb.id,
    dir,
    src: skb.pkt.src,
    dst: skb.pkt.dst,
    ...params,
    // Stamped by the trace; declared here so the event is born with its final shape.
    t: 0,
    seq: 0,
  });
}

/*
 * The packet path's three common decisions, pushed as their values in the field order routeEvent
 * gives them (traceFixed.ts): no event object, no params object, no spread.
 */
const kind = fixedKind<RouteEvent>();
// Each packet meets the same decisions as the one before it: the rows recur (traceRowMemo.ts).
const OUTPUT = kind('route', ['host', 'pkt', 'dir', 'src', 'dst', 'result', 'outDev', 'nexthop'], true);
const INPUT = kind('route', ['host', 'pkt', 'dir', 'src', 'dst', 'result', 'dev'], true);
const FORWARD = kind(
  'route',
  ['host', 'pkt', 'dir', 'src', 'dst', 'result', 'dev', 'outDev', 'nexthop'],
  true,
);

/** An output decision (ip_route_output, or the reroute after NAT). */
export function routeOutputEvent(
  host: Host,
  skb: Skb,
  result: RouteEvent['result'],
  outDev: string,
  nexthop: string,
): void {
  const { src, dst } = skb.pkt;
  host.sim.emitFixed(OUTPUT, host.name, skb.id, 'output', src, dst, result, outDev, nexthop);
}

/** An input decision that delivers locally (or any result that names only the input device). */
export function routeInputEvent(host: Host, skb: Skb, result: RouteEvent['result'], dev: string): void {
  const { src, dst } = skb.pkt;
  host.sim.emitFixed(INPUT, host.name, skb.id, 'input', src, dst, result, dev);
}

/** An input decision to forward, with the output device and next hop. */
export function routeForwardEvent(host: Host, skb: Skb, dev: string, outDev: string, nexthop: string): void {
  const { src, dst } = skb.pkt;
  host.sim.emitFixed(FORWARD, host.name, skb.id, 'input', src, dst, 'forward', dev, outDev, nexthop);
}
