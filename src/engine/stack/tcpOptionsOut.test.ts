import { afterEach, describe, expect, test } from 'vitest';
import { TCP_ACK, TCP_RST, TCP_SYN } from '../packet/types';
import { resetTcpOptionsMemo, tcpOptionsFor } from './tcpOptionsOut';

afterEach(() => resetTcpOptionsMemo());

describe('tcpOptionsFor', () => {
  test('the same TSval and TSecr share one list; any other value makes its own', () => {
    const a = tcpOptionsFor(TCP_ACK, 100, 7, true);
    expect(a).toEqual([{ kind: 'nop' }, { kind: 'nop' }, { kind: 'ts', val: 100, ecr: 7 }]);
    expect(tcpOptionsFor(TCP_ACK, 100, 7, true)).toBe(a);
    const b = tcpOptionsFor(TCP_ACK, 101, 7, true);
    expect(b).not.toBe(a);
    expect(b[2]).toEqual({ kind: 'ts', val: 101, ecr: 7 });
    const c = tcpOptionsFor(TCP_ACK, 101, 8, true);
    expect(c).not.toBe(b);
    expect(c[2]).toEqual({ kind: 'ts', val: 101, ecr: 8 });
    // The list shared before is as it was.
    expect(a[2]).toEqual({ kind: 'ts', val: 100, ecr: 7 });
  });

  test('two ends in turn share their lists; a third pair lets go of the oldest', () => {
    const c = tcpOptionsFor(TCP_ACK, 100, 7, true);
    const s = tcpOptionsFor(TCP_ACK, 7, 100, true);
    expect(tcpOptionsFor(TCP_ACK, 100, 7, true)).toBe(c);
    expect(tcpOptionsFor(TCP_ACK, 7, 100, true)).toBe(s);
    const d = tcpOptionsFor(TCP_ACK, 101, 7, true);
    expect(d[2]).toEqual({ kind: 'ts', val: 101, ecr: 7 });
    // Kept: the last two (d and s); c was the oldest and a new list stands for it now.
    expect(tcpOptionsFor(TCP_ACK, 7, 100, true)).toBe(s);
    const c2 = tcpOptionsFor(TCP_ACK, 100, 7, true);
    expect(c2).not.toBe(c);
    expect(c2).toEqual(c);
    // A reset forgets both.
    resetTcpOptionsMemo();
    expect(tcpOptionsFor(TCP_ACK, 7, 100, true)).not.toBe(s);
  });

  test('the shared timestamp cannot be written', () => {
    const a = tcpOptionsFor(TCP_ACK, 100, 7, true);
    expect(Object.isFrozen(a[2])).toBe(true);
  });

  test('SYN lists are never the shared one; RST and a peer without timestamps get none', () => {
    const ack = tcpOptionsFor(TCP_ACK, 100, 7, true);
    const syn = tcpOptionsFor(TCP_SYN | TCP_ACK, 100, 7, true);
    expect(syn).not.toBe(ack);
    expect(syn.map((o) => o.kind)).toEqual(['mss', 'sackOk', 'ts', 'nop', 'wscale']);
    expect(tcpOptionsFor(TCP_SYN, 100, 7, true)[2]).toEqual({ kind: 'ts', val: 100, ecr: 0 });
    expect(tcpOptionsFor(TCP_RST | TCP_ACK, 100, 7, true)).toEqual([]);
    expect(tcpOptionsFor(TCP_ACK, 100, 7, false)).toEqual([]);
    expect(tcpOptionsFor(TCP_ACK, 100, 7, true)).toBe(ack);
  });
});
