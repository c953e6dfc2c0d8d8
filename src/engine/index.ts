/**
 * The engine's public face. The store, the UI, the CLI and the embed layer import only this
 * module; inside the engine, modules import each other directly.
 */
export { Sim, SEC, MSEC, USEC, WorkCapExceeded } from './core/sim';
export type { TraceEvent, TraceEnvelope, TraceKind, EventOf, TraceLog } from './core/trace';
export { TraceBuffer, sliceLog, firstKept, kindOf, timeOf } from './core/trace';
export type { TraceSummary, SchedulerTally } from './core/traceSummary';
export type { EngineEvent } from './core/traceEvents';
export type { HookName } from './stack/netfilter';
export type { HookEvent, HookFnRun } from './stack/hookRun';
export type { RouteEvent } from './stack/routeEvent';
export type { IpvsScheduleEvent } from './ipvs/schedule';
export type { IpvsXmitEvent } from './ipvs/xmit';
export type { IpvsSnatEvent } from './ipvs/hooks';
export type { IpvsControlEvent } from './ipvs/control';
export {
  hostStateAt,
  hostStatesAt,
  applyHostEvent,
  foldHostStates,
  HOST_STATE_KINDS,
} from './fold/hostState';
export type { HostState, LinkState, AddrState, NeighState, HookState } from './fold/hostState';
export type { IpvsServiceState, IpvsDestState } from './fold/ipvsTable';
export { sysctlValuesAt } from './fold/sysctlAt';
export { Sysctl } from './stack/sysctl';
export { isCompleteSource } from './shell/shell';
export { createRng } from './core/rng';
export type { Rng } from './core/rng';
export { LABS, LAB_BUILDERS, getLab, DEFAULT_LAB_SIZE, LAB_SIZE_LIMITS, labSizeError } from './labData';
export type { LabSize, LabSizeInput } from './labData';
export type { LabDefinition, LabHost, LabIface, LabId, LabStep, AddrRole, HostRole } from './labData';
export { buildTopology } from './labs/buildTopology';
export { Network } from './stack/network';
export type { WireFrame, Segment } from './stack/network';
export type { Host } from './stack/host';
export { startCurl } from './apps/curl';
export type { CurlResult, CurlHandle, CurlRequest } from './apps/curl';
export { startPing } from './apps/ping';
export { encodeFrame, decodeFrame } from './packet/frame';
export type {
  EthernetFrame,
  Ipv4Packet,
  ArpPacket,
  TcpSegment,
  UdpDatagram,
  IcmpMessage,
} from './packet/types';
export { SCHEDULERS, getScheduler } from './ipvs/schedulers/registry';
export { plainExplanation } from './ipvs/schedulers/explain';
export { ipvsOf } from './ipvs/ipvs';
export { ipvsAddService, ipvsAddDest } from './ipvs/quick';
export { exportPcapng, pcapngStream } from './pcap/exportNetwork';
export { LabRuntime, DEFAULT_MAX_TIME_US, INSTANT_COMMAND_US } from './runtime/labRuntime';
export type { CommandEntry, CommandResult, LabOptions } from './runtime/labRuntime';
export type { RunningCommand, CommandOutput } from './runtime/runningCommand';
export type { Scheduler, Dest, SchedService, Candidate, Explanation } from './ipvs/types';
export { frameLength, packetLength } from './packet/frame';
export type { TcpOption, Mac, Ipv4 } from './packet/types';
export type {
  VrrpStateEvent,
  VrrpAdvertEvent,
  VrrpRejectEvent,
  VrrpGarpEvent,
  VrrpVipEvent,
  VrrpStateName,
} from './keepalived/vrrp/events';
export type { CheckResultEvent, RealServerStateEvent, QuorumEvent } from './keepalived/check/events';
export type { KeepalivedLogEvent } from './keepalived/syslog';
export { decodeVrrp } from './packet/vrrp';
export type { VrrpAdvert } from './packet/vrrp';
export { scanFindings, newFindingsState, FINDING_KINDS } from './findings';
export type { Finding, FindingParam, FindingsScan, FindingsState } from './findings';
