import { TCP_ACK, TCP_RST, TCP_SYN } from '../packet/types';
import type { TcpOption } from '../packet/types';
import { TCP_MSS, TCP_WSCALE } from './tcpTypes';

/**
 * The options that never change, made once and shared by every segment (frozen: packets are
 * data, never written after they are built). Only the timestamp differs per segment.
 */
const MSS: TcpOption = Object.freeze({ kind: 'mss', value: TCP_MSS });
const SACK_OK: TcpOption = Object.freeze({ kind: 'sackOk' });
const NOP: TcpOption = Object.freeze({ kind: 'nop' });
const WSCALE: TcpOption = Object.freeze({ kind: 'wscale', shift: TCP_WSCALE });
const NONE: TcpOption[] = Object.freeze([]) as unknown as TcpOption[];

/**
 * The options Linux puts on a segment: SYN and SYN-ACK carry `mss, sackOK, TS, nop, wscale`
 * (tcpdump's familiar order); later segments `nop, nop, TS` when the peer spoke timestamps;
 * RST none.
 */
export function tcpOptionsFor(flags: number, tsval: number, tsRecent: number, peerTs: boolean): TcpOption[] {
  if (flags & TCP_RST) return NONE;
  if (flags & TCP_SYN)
    return [MSS, SACK_OK, { kind: 'ts', val: tsval, ecr: flags & TCP_ACK ? tsRecent : 0 }, NOP, WSCALE];
  if (!peerTs) return NONE;
  if (tsval === lastVal && tsRecent === lastEcr) return lastList;
  if (tsval === prevVal && tsRecent === prevEcr) return prevList;
  prevVal = lastVal;
  prevEcr = lastEcr;
  prevList = lastList;
  lastVal = tsval;
  lastEcr = tsRecent;
  return (lastList = [NOP, NOP, Object.freeze({ kind: 'ts', val: tsval, ecr: tsRecent })]);
}

/**
 * The last two `nop, nop, TS` lists made, shared by the next segments with the same TSval and
 * TSecr: an ACK and the request after it, sent in the same millisecond; and a server's ACK of a
 * request and its reply's FIN, between which the client sent its own (two ends alternate, so one
 * entry lost the second). Never written, as no packet is; not
 * frozen: `for…of` over a frozen array leaves V8's fast path and allocates an iterator result per
 * element (some 5 KB per request, measured), while its option objects are frozen like those above.
 */
let lastVal = -1;
let lastEcr = -1;
let lastList: TcpOption[] = NONE;
let prevVal = -1;
let prevEcr = -1;
let prevList: TcpOption[] = NONE;

/** @internal Tests: forget the shared lists (a new lab's first segment builds its own). */
export function resetTcpOptionsMemo(): void {
  lastVal = -1;
  lastEcr = -1;
  lastList = NONE;
  prevVal = -1;
  prevEcr = -1;
  prevList = NONE;
}
