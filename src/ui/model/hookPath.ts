import type { HookName, TraceEvent, TraceLog } from '@/engine';

export const HOOK_ORDER: readonly HookName[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

/** The packet an event is about, if it names one. */
export function pktOf(e: TraceEvent | undefined): string | undefined {
  return e && 'pkt' in e && typeof e.pkt === 'string' ? e.pkt : undefined;
}

/** The places on a host's packet path (netfilter hooks, the two routing decisions, the wires). */
export type Stage = 'wire-in' | 'route-in' | 'local-in' | 'local-out' | 'route-out' | 'wire-out' | HookName;

export interface StageVisit {
  stage: Stage;
  seq: number;
  verdict?: string;
  event: TraceEvent;
  /** A hook's summary written after the packet moved on (IPVS stole it and sent it out). */
  late?: boolean;
}

export interface HookPath {
  visits: StageVisit[];
  /** The stage of the newest visit (the packet's position now), or undefined when it has left. */
  current: Stage | undefined;
  dropped: boolean;
}

function stageOf(e: TraceEvent): Stage | undefined {
  switch (e.kind) {
    case 'frame.rx':
      return 'wire-in';
    case 'frame.tx':
      return 'wire-out';
    case 'hook':
      return e.hook;
    case 'route':
      return e.dir === 'input' ? 'route-in' : 'route-out';
    case 'ipvs.schedule':
    case 'ipvs.conn':
    case 'ipvs.xmit':
      return 'INPUT';
    case 'ipvs.snat':
      return 'FORWARD';
    case 'ipvs.state':
      return e.table === 'OUTPUT' ? 'FORWARD' : 'INPUT';
    case 'ipip.decap':
      return 'local-in';
    default:
      return undefined;
  }
}

/**
 * Where packet `pkt` went on `host` with the first `cursor` events applied. IPVS events are placed
 * at the hook they run in (LOCAL_IN for the request, FORWARD for NAT replies), so the path reads
 * in the order the kernel takes even though a hook's summary event is written when it returns.
 */
export function hookPath(trace: TraceLog, seqs: readonly number[], cursor: number, host: string): HookPath {
  const visits: StageVisit[] = [];
  let dropped = false;
  for (const seq of seqs) {
    if (seq >= cursor) break;
    const e = trace.at(seq);
    if (!e || e.host !== host) continue;
    if (e.kind === 'drop') {
      dropped = true;
      continue;
    }
    const stage = stageOf(e);
    if (!stage) continue;
    // A packet can cross a host twice (TUN: client → router → director → router → rs):
    // a new arrival starts a new pass, and the lane shows the newest one.
    if (stage === 'wire-in') {
      visits.length = 0;
      dropped = false;
    }
    const visit: StageVisit = { stage, seq, event: e };
    if (e.kind === 'hook') {
      visit.verdict = e.verdict;
      if (visit.verdict === 'STOLEN' && visits.some((v) => v.stage === 'route-out')) visit.late = true;
    }
    if (e.kind === 'route') visit.verdict = e.result;
    visits.push(visit);
    if (e.kind === 'hook' && e.hook === 'INPUT' && e.verdict === 'ACCEPT') {
      visits.push({ stage: 'local-in', seq, event: e });
    }
    if (e.kind === 'route' && e.dir === 'output' && visits.length === 1) {
      visits.unshift({ stage: 'local-out', seq, event: e });
    }
  }
  const last = visits.filter((v) => !v.late).pop();
  const current = last && last.stage !== 'wire-out' && !dropped ? last.stage : undefined;
  return { visits, current, dropped };
}

/** Trace positions of the events that name each packet, in order. */
export function indexPacketEvents(trace: TraceLog): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const e of trace) {
    const pkt = pktOf(e);
    if (pkt === undefined) continue;
    const list = m.get(pkt);
    if (list) list.push(e.seq);
    else m.set(pkt, [e.seq]);
  }
  return m;
}
