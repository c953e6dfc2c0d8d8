import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';
import type { TraceEvent } from '../core/trace';
import { DEFAULT_SPEED_MBPS, wireBytes } from './linkQueue';
import { initialCwndMoves, TCP_INIT_CWND, TcpCwnd } from './tcpCwnd';
import { Sim } from '../core/sim';
import type { Host } from './host';
import { TCP_SEG_DATA, TCP_WINDOW, TCP_WSCALE } from './tcpTypes';

const BIG = 262_144;
const VIP = { nat: '172.16.132.18', dr: '192.168.99.188' } as const;

/**
 * A configured lab whose real servers hold a 256 KiB file, and one curl of `path` through the VIP
 * after two warm-up requests (so no ARP resolution sits inside the measured round trips).
 */
function fetchOnce(lab: 'nat' | 'dr', path: string): { rt: LabRuntime; from: number; out: string } {
  const rt = LabRuntime.create(lab);
  for (const rs of ['rs1', 'rs2']) rt.exec({ host: rs, command: 'fallocate -l 256K /var/www/html/big' });
  for (let i = 0; i < 2; i++) rt.exec({ host: 'client', command: `curl -s ${VIP[lab]}` });
  const from = rt.trace.length;
  const out = rt.exec({
    host: 'client',
    command: `curl -s -o /dev/null -w '%{size_download}' ${VIP[lab]}${path}`,
  }).stdout;
  return { rt, from, out };
}

type Ev<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;
const of = <K extends TraceEvent['kind']>(events: readonly TraceEvent[], kind: K): Ev<K>[] =>
  events.filter((e): e is Ev<K> => e.kind === kind);

const dataOf = (e: Ev<'frame.tx'>): string => {
  const ip = e.eth.payload as { payload?: { data?: string } };
  return ip.payload?.data ?? '';
};

/** Round trips slow start needs for `segments` when the receive window holds `wnd` segments. */
function slowStartRounds(segments: number, wnd: number): number {
  let cwnd = TCP_INIT_CWND;
  let sent = 0;
  let rounds = 0;
  while (sent < segments) {
    const flight = Math.min(cwnd, wnd, segments - sent);
    sent += flight;
    cwnd += flight;
    rounds++;
  }
  return rounds;
}

/** Client-side timing: handshake RTT, and from ESTAB to the server's FIN arriving. */
function clientTimes(events: readonly TraceEvent[]): { rtt: number; transfer: number } {
  const socks = of(events, 'sock').filter((e) => e.host === 'client');
  const start = socks.find((e) => e.to === 'SYN-SENT')!;
  const estab = socks.find((e) => e.to === 'ESTAB' && e.sock === start.sock)!;
  const fin = socks.find((e) => e.sock === start.sock && (e.to === 'CLOSE-WAIT' || e.to === 'TIME-WAIT'))!;
  return { rtt: estab.t - start.t, transfer: fin.t - estab.t };
}

describe('TCP slow start (initial cwnd 10, one segment per segment acked)', () => {
  test('the first flight of a large reply is 10 segments; then cwnd grows per ACK', () => {
    const { rt, from, out } = fetchOnce('dr', '/big');
    expect(out).toBe(String(BIG));
    const events = rt.trace.slice(from);
    const cw = of(events, 'tcp.cwnd');
    const server = cw[0]!.host;
    expect(server).toMatch(/^rs[12]$/);
    const firstGrowth = events.indexOf(cw[0]!);
    const sentBefore = of(events.slice(0, firstGrowth), 'frame.tx').filter(
      (e) => e.host === server && dataOf(e) !== '',
    );
    expect(sentBefore).toHaveLength(TCP_INIT_CWND);
    expect(cw[0]).toMatchObject({ cwnd: TCP_INIT_CWND + 1, reason: 'slow-start' });
    // Growth stops once the receive window, not cwnd, limits the flight.
    const wnd = Math.floor((TCP_WINDOW << TCP_WSCALE) / TCP_SEG_DATA);
    const top = Math.max(...cw.map((e) => e.cwnd));
    expect(top).toBeGreaterThan(wnd);
    expect(top).toBeLessThanOrEqual(2 * wnd + 1);
  });

  test('a small reply is not cwnd-limited and leaves the window alone', () => {
    const { rt, from } = fetchOnce('nat', '/');
    expect(of(rt.trace.slice(from), 'tcp.cwnd')).toHaveLength(0);
  });

  test('a 256 KiB reply takes as many round trips as slow start in a 64 KB window needs', () => {
    const segments = Math.ceil(BIG / TCP_SEG_DATA);
    const wnd = Math.floor((TCP_WINDOW << TCP_WSCALE) / TCP_SEG_DATA);
    const rounds = slowStartRounds(segments, wnd);
    for (const lab of ['nat', 'dr'] as const) {
      const big = fetchOnce(lab, '/big');
      const small = fetchOnce(lab, '/');
      const t = clientTimes(big.rt.trace.slice(big.from));
      const s = clientTimes(small.rt.trace.slice(small.from));
      // The request takes one round trip, then the reply's rounds are paced by ACKs.
      // Beyond the rounds, the frames' own time on a 1 Gbit/s link (linkQueue.ts) adds up.
      const wireUs = (segments * wireBytes(TCP_SEG_DATA + 66) * 8) / DEFAULT_SPEED_MBPS;
      expect(t.transfer / t.rtt, lab).toBeGreaterThanOrEqual(rounds);
      expect((t.transfer - wireUs) / t.rtt, lab).toBeLessThanOrEqual(rounds + 2);
      expect(t.transfer / s.transfer, lab).toBeGreaterThan(rounds / 2);
    }
  });

  test('NAT: the director carries every reply segment; DR: none of them', () => {
    const count = (lab: 'nat' | 'dr') => {
      const { rt, from } = fetchOnce(lab, '/big');
      return of(rt.trace.slice(from), 'frame.tx').filter(
        (e) => e.host === 'director' && dataOf(e).length > 0 && !dataOf(e).startsWith('GET'),
      ).length;
    };
    expect(count('nat')).toBeGreaterThanOrEqual(Math.ceil(BIG / TCP_SEG_DATA));
    expect(count('dr')).toBe(0);
  });

  test('the same run twice gives the same trace, byte for byte', () => {
    const a = fetchOnce('nat', '/big');
    const b = fetchOnce('nat', '/big');
    expect(JSON.stringify(b.rt.trace)).toBe(JSON.stringify(a.rt.trace));
  });
});

describe('initialCwndMoves (a socket makes its TcpCwnd only then)', () => {
  test('is true exactly when a new window would change on that ACK', () => {
    const sim = new Sim(1);
    const host = { sim, name: 'h' } as unknown as Host;
    let moved = 0;
    for (let acked = -1; acked <= 12; acked++)
      for (let inFlight = 0; inFlight <= 24; inFlight++) {
        const cc = new TcpCwnd(host, 'sock#1');
        const before = sim.trace.length;
        cc.onAck(acked, inFlight);
        const changed = cc.cwnd !== TCP_INIT_CWND || sim.trace.length !== before;
        if (changed) moved++;
        expect(initialCwndMoves(acked, inFlight), `acked ${acked} in flight ${inFlight}`).toBe(changed);
      }
    expect(moved).toBeGreaterThan(0);
  });
});
