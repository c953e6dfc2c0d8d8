import { fixedKind } from '../core/traceFixed';
import type { IpvsConn } from './conn';
import type { Ipvs } from './ipvs';
import { isActiveState, nextTcpState, tcpEvent } from './tcpStates';
import type { IpvsTcpState, TcpDirection, TcpEvent } from './tcpStates';

/** A connection's TCP state changed (the table, the flag event, the new timeout in seconds). */
export interface IpvsStateEvent {
  kind: 'ipvs.state';
  host: string;
  conn: string;
  pkt: string;
  table: TcpDirection;
  event: TcpEvent | 'none';
  from: IpvsTcpState;
  to: IpvsTcpState;
  timeout: number;
  /** Counted in ActiveConn (else InActConn). */
  active: boolean;
}

/** Pushed as its values (traceFixed.ts): no event object per packet of a connection. */
const STATE = fixedKind<IpvsStateEvent>()('ipvs.state', [
  'host',
  'conn',
  'pkt',
  'table',
  'event',
  'from',
  'to',
  'timeout',
  'active',
]);

/**
 * set_tcp_state / udp_state_transition: the connection's next state from the packet's
 * flags and direction, moving it between ActiveConn and InActConn, and its new timeout.
 */
export function transition(
  ipvs: Ipvs,
  c: IpvsConn,
  dir: 'in' | 'out',
  tcpFlags: number | undefined,
  pkt: string,
): void {
  if (tcpFlags === undefined) {
    c.state = 'UDP';
    c.timeoutUs = ipvs.timeoutFor('UDP');
    if (dir === 'out' && c.control) c.control.assured = true;
    return;
  }
  let table: TcpDirection = dir === 'out' ? 'OUTPUT' : 'INPUT';
  if (c.noOutput) {
    if (dir === 'out') c.noOutput = false;
    else table = 'INPUT_ONLY';
  }
  const ev = tcpEvent(tcpFlags);
  const from = c.state as IpvsTcpState;
  const to = nextTcpState(table, from, ev);
  if (to !== from) {
    const d = c.dest;
    const active = isActiveState(to);
    if (!c.inactive && !active) {
      d.activeconns--;
      d.inactconns++;
      c.inactive = true;
    } else if (c.inactive && active) {
      d.activeconns++;
      d.inactconns--;
      c.inactive = false;
    }
    if (to === 'ESTABLISHED' && c.control) c.control.assured = true;
  }
  c.state = to;
  c.timeoutUs = ipvs.timeoutFor(to);
  ipvs.host.sim.emitFixed(
    STATE,
    ipvs.host.name,
    c.id,
    pkt,
    table,
    ev ?? 'none',
    from,
    to,
    c.timeoutUs / 1_000_000,
    d(c),
  );
}

const d = (c: IpvsConn): boolean => !c.inactive;
