/**
 * The broadcast address an address *shows* (IFA_BROADCAST). The kernel only stores one when it
 * was given: `ip addr add 10.0.0.1/24 dev eth0` has none (ip shows no `brd`, ifconfig shows
 * `broadcast 0.0.0.0`), while boot-time and ifconfig-made addresses have one. Routing is not
 * affected (fib_add_ifaddr derives broadcast routes from the prefix): IfAddr.shownBroadcast is
 * display state only.
 */
import type { IfAddr } from '../../../stack/netdev';

/** Record what `a` shows: an address, or null for none. */
export function setShownBroadcast(a: IfAddr, brd: string | null): void {
  a.shownBroadcast = brd;
}

/**
 * What an address shows. Without a record: boot-time addresses on Ethernet devices show the
 * broadcast of their prefix (NetworkManager sets it); loopback ones show none.
 */
export function shownBroadcast(a: IfAddr, loopback = false): string | undefined {
  const v = a.shownBroadcast;
  if (v === null) return undefined;
  if (v !== undefined) return v;
  return loopback ? undefined : a.broadcast;
}
