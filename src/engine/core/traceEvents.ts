/**
 * Every event the engine writes to the trace, as one union discriminated on `kind`. Each
 * member is declared next to the code that emits it; this file only gathers them, so a new
 * event kind is one interface there and one line here. `Sim.emit` accepts only these shapes.
 */
import type { CurlExitEvent } from '../apps/curl';
import type { NcatExitEvent, NcatUdpEvent } from '../apps/ncatEvents';
import type { IpvsIcmpEvent } from '../ipvs/icmp';
import type { IptablesVerdictEvent } from '../netfilter/iptables/traverse';
import type { CheckResultEvent, QuorumEvent, RealServerStateEvent } from '../keepalived/check/events';
import type { KeepalivedLogEvent } from '../keepalived/syslog';
import type {
  VrrpAdvertEvent,
  VrrpGarpEvent,
  VrrpRejectEvent,
  VrrpStateEvent,
  VrrpVipEvent,
} from '../keepalived/vrrp/events';
import type { IpvsConnReuseEvent, IpvsNoDestEvent, IpvsSnatEvent } from '../ipvs/hooks';
import type { IpvsControlEvent } from '../ipvs/control';
import type { IpvsConnExpiredEvent, IpvsModuleEvent, IpvsOverloadEvent } from '../ipvs/ipvs';
import type { IpvsConnNewEvent, IpvsPersistEvent, IpvsScheduleEvent } from '../ipvs/schedule';
import type { IpvsStateEvent } from '../ipvs/transition';
import type { IpvsXmitEvent } from '../ipvs/xmit';
import type { CmdEndEvent, CmdOutEvent, CmdStartEvent } from '../runtime/labRuntime';
import type { FileRemoveEvent, FileWriteEvent } from '../shell/hostFs';
import type { RouteAddEvent, RouteDelEvent } from '../shell/tools/common/routes';
import type { HttpdAppEvent } from '../shell/tools/httpdService';
import type { AddrAddEvent, AddrDelEvent } from '../shell/tools/ip/ipAddr';
import type { LinkSetEvent, NetdevRegisterEvent, NetdevUnregisterEvent } from '../shell/tools/ip/ipLink';
import type { ArpDecideEvent } from '../stack/arpRcv';
import type { ArpSolicitEvent } from '../stack/arpSend';
import type { DropEvent } from '../stack/dropEvent';
import type { HookEvent } from '../stack/hookRun';
import type { IcmpRatelimitedEvent, IcmpSendEvent } from '../stack/icmpSend';
import type { RouteEvent } from '../stack/routeEvent';
import type { IpipDecapEvent } from '../stack/ipipRcv';
import type { NeighDelEvent, NeighEvent, NeighIgnoredEvent } from '../stack/neighbour';
import type {
  HookRegisterEvent,
  NetAddrEvent,
  NetLinkEvent,
  NetRouteEvent,
  SysctlSetEvent,
} from '../stack/hostEvents';
import type { FrameRxEvent } from '../stack/netif';
import type { FrameTxEvent } from '../stack/network';
import type { IcmpRcvErrorEvent, TcpNoSocketEvent } from '../stack/socketTypes';
import type { TcpCwndEvent } from '../stack/tcpCwnd';
import type { TcpRetransmitEvent } from '../stack/tcpRetransmitQueue';
import type { SockErrorEvent, SockEvent } from '../stack/tcpSock';

/** Commands and applications. */
export type CommandTraceEvent =
  | CmdStartEvent
  | CmdOutEvent
  | CmdEndEvent
  | HttpdAppEvent
  | CurlExitEvent
  | NcatExitEvent
  | NcatUdpEvent
  | FileWriteEvent
  | FileRemoveEvent;

/** Configuration a command changed on a host. */
export type ConfigTraceEvent =
  | AddrAddEvent
  | AddrDelEvent
  | LinkSetEvent
  | NetdevRegisterEvent
  | NetdevUnregisterEvent
  | RouteAddEvent
  | RouteDelEvent
  | NetLinkEvent
  | NetAddrEvent
  | NetRouteEvent
  | SysctlSetEvent
  | HookRegisterEvent;

/** The kernel's network stack: wires, ARP, routing, netfilter, sockets, ICMP. */
export type StackTraceEvent =
  | FrameTxEvent
  | FrameRxEvent
  | ArpSolicitEvent
  | ArpDecideEvent
  | NeighEvent
  | NeighIgnoredEvent
  | NeighDelEvent
  | RouteEvent
  | HookEvent
  | DropEvent
  | SockEvent
  | SockErrorEvent
  | TcpRetransmitEvent
  | TcpCwndEvent
  | TcpNoSocketEvent
  | IcmpSendEvent
  | IcmpRatelimitedEvent
  | IcmpRcvErrorEvent
  | IpipDecapEvent
  | IptablesVerdictEvent;

/** IPVS: the control plane, scheduling, connections and forwarding. */
export type IpvsTraceEvent =
  | IpvsModuleEvent
  | IpvsControlEvent
  | IpvsScheduleEvent
  | IpvsPersistEvent
  | IpvsNoDestEvent
  | IpvsConnNewEvent
  | IpvsConnExpiredEvent
  | IpvsConnReuseEvent
  | IpvsStateEvent
  | IpvsXmitEvent
  | IpvsSnatEvent
  | IpvsOverloadEvent
  | IpvsIcmpEvent;

/** keepalived: VRRP and the health checkers. */
export type KeepalivedTraceEvent =
  | VrrpStateEvent
  | VrrpAdvertEvent
  | VrrpRejectEvent
  | VrrpGarpEvent
  | VrrpVipEvent
  | CheckResultEvent
  | RealServerStateEvent
  | QuorumEvent
  | KeepalivedLogEvent;

/** An event as emitted (before the trace stamps `t` and `seq`). */
export type EngineEvent =
  CommandTraceEvent | ConfigTraceEvent | StackTraceEvent | IpvsTraceEvent | KeepalivedTraceEvent;
