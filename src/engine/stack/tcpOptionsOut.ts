import { TCP_ACK, TCP_RST, TCP_SYN } from '../packet/types';
import type { TcpOption } from '../packet/types';
import { TCP_MSS, TCP_WSCALE } from './tcpTypes';

/**
 * The options Linux puts on a segment: SYN and SYN-ACK carry `mss, sackOK, TS, nop, wscale`
 * (tcpdump's familiar order); later segments `nop, nop, TS` when the peer spoke timestamps;
 * RST none.
 */
export function tcpOptionsFor(flags: number, tsval: number, tsRecent: number, peerTs: boolean): TcpOption[] {
  if (flags & TCP_RST) return [];
  if (flags & TCP_SYN) {
    const ts: TcpOption = { kind: 'ts', val: tsval, ecr: flags & TCP_ACK ? tsRecent : 0 };
    return [
      { kind: 'mss', value: TCP_MSS },
      { kind: 'sackOk' },
      ts,
      { kind: 'nop' },
      { kind: 'wscale', shift: TCP_WSCALE },
    ];
  }
  if (!peerTs) return [];
  return [{ kind: 'nop' }, { kind: 'nop' }, { kind: 'ts', val: tsval, ecr: tsRecent }];
}
