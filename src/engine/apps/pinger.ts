/**
 * The echo sender behind `ping`, with iputils' wire behaviour: 56 data bytes by default (so
 * replies are 64 ICMP bytes), one request per interval, replies and ICMP errors collected until
 * the command stops it. The `ping` tool and apps/ping.ts (tests, embeds) both use it.
 */
import { newSkb } from '../stack/skb';
import { ICMP_ECHO, IPPROTO_ICMP } from '../packet/types';
import type { Ipv4Packet } from '../packet/types';
import type { Host } from '../stack/host';
import { nextIpId } from '../stack/icmpSend';
import { ipLocalOut, routeOutput } from '../stack/ipOutput';

export interface PingEvent {
  seq: number;
  from: string;
  /** Reply: ttl and round trip; error: ICMP type and code. */
  ttl?: number;
  rttUs?: number;
  type?: number;
  code?: number;
  at: number;
}

export interface Pinger {
  readonly ident: number;
  sent: number;
  lastSendUs: number;
  readonly replies: PingEvent[];
  readonly errors: PingEvent[];
  /** Sequence numbers neither answered nor failed yet. */
  outstanding(): number[];
  /** Largest number of requests in flight at once (iputils' "pipe"). */
  pipe: number;
  stop(): void;
}

export interface PingerOptions {
  count: number;
  intervalUs: number;
  size: number;
  src?: string;
  /** -w: no request leaves at or after this virtual time. */
  untilUs?: number;
}

/** iputils fills the payload with 0, 1, 2 ...; kept ASCII here so one char is one byte. */
function payload(size: number): string {
  let s = '';
  for (let i = 0; i < size; i++) s += String.fromCharCode(i % 128);
  return s;
}

/** One echo request, routed and sent as a raw ICMP socket would (nothing when unroutable). */
function sendEcho(
  host: Host,
  dst: string,
  src: string | undefined,
  ident: number,
  seq: number,
  data: string,
): void {
  const rt = routeOutput(host, dst, src);
  if (!rt.ok) return;
  const pkt: Ipv4Packet = {
    proto: 'ipv4',
    tos: 0,
    id: nextIpId(host),
    df: true,
    mf: false,
    fragOffset: 0,
    ttl: 64,
    protocol: IPPROTO_ICMP,
    src: rt.src,
    dst,
    payload: { proto: 'icmp', type: ICMP_ECHO, code: 0, ident, sequence: seq, data },
  };
  ipLocalOut(host, newSkb(host.sim.ids.next('pkt'), pkt), rt.dev, rt.nexthop);
}

export function startPinger(host: Host, dst: string, o: PingerOptions): Pinger {
  const ident = host.sim.rng.child(`ping:${host.name}:${host.sim.now}`).int(65536);
  const sentAt = new Map<number, number>();
  const settled = new Set<number>();
  let stopped = false;
  const p: Pinger = {
    ident,
    sent: 0,
    lastSendUs: host.sim.now,
    replies: [],
    errors: [],
    pipe: 0,
    outstanding: () => [...sentAt.keys()].filter((s) => !settled.has(s)),
    stop() {
      stopped = true;
      if (host.sockets.echo.get(ident)?.ident === ident) host.sockets.echo.delete(ident);
    },
  };
  host.sockets.echo.set(ident, {
    ident,
    onReply(from, seq, ttl) {
      const t0 = sentAt.get(seq);
      if (t0 === undefined || settled.has(seq)) return;
      settled.add(seq);
      p.replies.push({ seq, from, ttl, rttUs: host.sim.now - t0, at: host.sim.now });
    },
    onError(from, type, code, seq) {
      // The quoted echo header names the sequence; 0 means the quote was too short to hold it.
      const s = seq !== 0 ? seq : p.outstanding()[0];
      if (s === undefined) return;
      settled.add(s);
      p.errors.push({ seq: s, from, type, code, at: host.sim.now });
    },
  });
  const data = payload(o.size);
  const sendOne = (): void => {
    if (stopped || (o.untilUs !== undefined && host.sim.now >= o.untilUs)) return;
    const seq = ++p.sent;
    p.lastSendUs = host.sim.now;
    sentAt.set(seq, host.sim.now);
    p.pipe = Math.max(p.pipe, p.outstanding().length);
    sendEcho(host, dst, o.src, ident, seq, data);
    if (seq < o.count) host.sim.after(o.intervalUs, 'ping-next', sendOne);
  };
  sendOne();
  return p;
}
