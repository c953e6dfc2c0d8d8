import type { EventOf } from '../../core/trace';
import type { ScanContext } from '../context';
import type { RouteEvent } from '../../stack/routeEvent';

/** The input route error a `drop` came from: ip_rcv records the route, then frees the packet. */
export function routeErrorFor(ev: EventOf<'drop'>, ctx: ScanContext): RouteEvent | undefined {
  const r = ctx.routeError.get(ev.host);
  return r !== undefined && r.pkt === ev.pkt ? r : undefined;
}
