import type { EthernetFrame, Ipv4Packet, TraceEvent } from '@/engine';

/** Typed views of the trace events the views read (the engine fixes only the envelope). */
export interface FrameTxEvent extends TraceEvent {
  kind: 'frame.tx';
  host: string;
  dev: string;
  segment: string;
  frame: string;
  pkt: string | null;
  eth: EthernetFrame;
}

export interface FrameRxEvent extends TraceEvent {
  kind: 'frame.rx';
  host: string;
  dev: string;
  frame: string;
  pkt: string | null;
  accepted: boolean;
}

export interface HookFnRun {
  name: string;
  priority: number;
  verdict: string;
}

export interface HookEvent extends TraceEvent {
  kind: 'hook';
  host: string;
  hook: HookName;
  pkt: string;
  src: string;
  dst: string;
  fns: HookFnRun[];
  verdict: string;
  reason?: string;
}

export interface RouteEvent extends TraceEvent {
  kind: 'route';
  host: string;
  pkt: string;
  dir: 'input' | 'output';
  result: string;
  dev?: string;
  outDev?: string;
  nexthop?: string;
  reason?: string;
}

export interface ScheduleCandidate {
  dest: string;
  weight: number;
  active: number;
  inactive: number;
  overloaded: boolean;
  eligible: boolean;
  cost?: number;
}

export interface ScheduleEvent extends TraceEvent {
  kind: 'ipvs.schedule';
  host: string;
  pkt: string;
  service: string;
  scheduler: string;
  client: string;
  dest: string | null;
  explanation: {
    scheduler: string;
    candidates: ScheduleCandidate[];
    winner: string | null;
    rule: string;
    params: Record<string, number | string | boolean>;
  } | null;
}

export interface XmitEvent extends TraceEvent {
  kind: 'ipvs.xmit' | 'ipvs.snat';
  host: string;
  conn: string;
  pkt: string;
  method?: string;
  before: Ipv4Packet;
  after: Ipv4Packet;
}

export type HookName = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export const HOOK_ORDER: readonly HookName[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

export function isKind<E extends TraceEvent>(ev: TraceEvent | undefined, kind: E['kind']): ev is E {
  return ev?.kind === kind;
}

export function str(ev: TraceEvent, key: string): string {
  const v = ev[key];
  return v === undefined || v === null ? '' : String(v);
}
