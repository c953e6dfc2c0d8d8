import { SEC } from '../core/sim';
import type { Ipv4 } from '../packet/types';
import type { Host } from '../stack/host';
import { startPinger } from './pinger';
import type { PingEvent } from './pinger';

export interface PingHandle {
  readonly done: boolean;
  readonly sent: number;
  readonly replies: PingEvent[];
  readonly errors: PingEvent[];
  interrupt(): void;
}

/**
 * `ping -c count` without the terminal: iputils' echo requests one second apart (56 data
 * bytes); done one second after the last request, by which time a LAN answer is in.
 */
export function startPing(
  host: Host,
  dst: Ipv4,
  count: number,
  opts: { src?: Ipv4; intervalUs?: number } = {},
): PingHandle {
  const interval = opts.intervalUs ?? SEC;
  const p = startPinger(host, dst, {
    count,
    intervalUs: interval,
    size: 56,
    ...(opts.src !== undefined ? { src: opts.src } : {}),
  });
  let done = false;
  host.sim.after(interval * (count - 1) + SEC, 'ping-done', () => {
    done = true;
    p.stop();
  });
  return {
    get done() {
      return done;
    },
    get sent() {
      return p.sent;
    },
    replies: p.replies,
    errors: p.errors,
    interrupt() {
      done = true;
      p.stop();
    },
  };
}
