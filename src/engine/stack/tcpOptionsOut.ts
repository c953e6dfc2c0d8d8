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
  return [NOP, NOP, { kind: 'ts', val: tsval, ecr: tsRecent }];
}
