import { SEC } from '../core/sim';
import { ICMP_ECHO, IPPROTO_ICMP } from '../packet/types';
import type { Ipv4, Ipv4Packet } from '../packet/types';
import type { Host } from '../stack/host';
import { nextIpId } from '../stack/icmpSend';
import { ipLocalOut, routeOutput } from '../stack/ipOutput';

export interface PingReply {
  seq: number;
  from: Ipv4;
  ttl: number;
  rttUs: number;
}

export interface PingHandle {
  readonly done: boolean;
  readonly sent: number;
  readonly replies: PingReply[];
  readonly errors: { seq: number; from: Ipv4; type: number; code: number }[];
  interrupt(): void;
}

/** iputils ping: `count` echo requests one second apart; done one second after the last. */
export function startPing(
  host: Host,
  dst: Ipv4,
  count: number,
  opts: { src?: Ipv4; intervalUs?: number } = {},
): PingHandle {
  const ident = host.sim.rng.child(`ping:${host.name}`).int(65536);
  const interval = opts.intervalUs ?? SEC;
  const sentAt = new Map<number, number>();
  const replies: PingReply[] = [];
  const errors: PingHandle['errors'] = [];
  let sent = 0;
  let done = false;
  host.sockets.echo.set(ident, {
    ident,
    onReply(from, seq, ttl) {
      const t0 = sentAt.get(seq);
      if (t0 !== undefined) replies.push({ seq, from, ttl, rttUs: host.sim.now - t0 });
    },
    onError(from, type, code, seq) {
      errors.push({ seq, from, type, code });
    },
  });
  const finish = (): void => {
    done = true;
    host.sockets.echo.delete(ident);
  };
  const sendOne = (): void => {
    if (done) return;
    const seq = ++sent;
    sentAt.set(seq, host.sim.now);
    const rt = routeOutput(host, dst, opts.src);
    if (rt.ok) {
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
        payload: {
          proto: 'icmp',
          type: ICMP_ECHO,
          code: 0,
          ident,
          sequence: seq,
          data: '0123456789abcdef0123456789abcdef0123456789abcdef01234567',
        },
      };
      ipLocalOut(host, { id: host.sim.ids.next('pkt'), pkt }, rt.dev, rt.nexthop);
    }
    if (seq < count) host.sim.after(interval, 'ping-next', sendOne);
    else host.sim.after(SEC, 'ping-done', finish);
  };
  sendOne();
  return {
    get done() {
      return done;
    },
    get sent() {
      return sent;
    },
    replies,
    errors,
    interrupt: finish,
  };
}
