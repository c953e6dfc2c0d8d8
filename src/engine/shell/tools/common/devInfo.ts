/** Device facts several tools print the same way (flags, queue lengths, operational state). */
import type { Netdev } from '../../../stack/netdev';

export const IFF_UP = 0x1;
export const IFF_BROADCAST = 0x2;
export const IFF_LOOPBACK = 0x8;
export const IFF_RUNNING = 0x40;
export const IFF_NOARP = 0x80;
export const IFF_MULTICAST = 0x1000;

/** The SIOCGIFFLAGS word of a device. */
export function devFlags(d: Netdev): number {
  const base =
    d.kind === 'loopback' ? IFF_LOOPBACK : d.kind === 'ipip' ? IFF_NOARP : IFF_BROADCAST | IFF_MULTICAST;
  return base | (d.up ? IFF_UP | IFF_RUNNING : 0);
}

/** tx_queue_len: 1000 for NICs and lo (RHEL 7.6 kernels), 1 for the ipip fallback device. */
export function txQueueLen(d: Netdev): number {
  return d.txqueuelen ?? (d.kind === 'ipip' ? 1 : 1000);
}

/** IFLA_OPERSTATE as ip prints it. */
export function operState(d: Netdev): string {
  if (!d.up) return 'DOWN';
  return d.kind === 'ether' ? 'UP' : 'UNKNOWN';
}

export function qdisc(d: Netdev): string {
  if (d.kind === 'ether') return 'pfifo_fast';
  return d.up ? 'noqueue' : 'noop';
}
