import { describe, expect, test } from 'vitest';
import { Sim } from '../core/sim';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN } from '../packet/types';
import type { Host } from './host';
import { TcpRetransmitQueue } from './tcpRetransmitQueue';
import type { RetransmitHooks, Unacked } from './tcpRetransmitQueue';

/** A queue on a bare simulation, recording what its timer sends again. */
function queue(): { q: TcpRetransmitQueue; sim: Sim; resent: Unacked[] } {
  const sim = new Sim(1);
  const resent: Unacked[] = [];
  const hooks: RetransmitHooks = {
    rtxXmit: (u) => void resent.push({ ...u }),
    rtxGiveUp: () => {},
    rtxOnRto: () => {},
  };
  return { q: new TcpRetransmitQueue({ sim, name: 'h' } as unknown as Host, 'sock#1', hooks), sim, resent };
}

describe('TcpRetransmitQueue', () => {
  test('a record an ACK let go of is written over by the next segment, which retransmits as sent', () => {
    const { q, sim, resent } = queue();
    q.push(1000, TCP_SYN, '');
    const syn = q.first!;
    expect(q.ackUpTo(1001)).toBe(0);
    q.push(1001, TCP_ACK | TCP_PSH, 'hello');
    // The SYN's record, now the request's: nothing else held it.
    expect(q.first).toBe(syn);
    expect({ ...q.first! }).toEqual({ seq: 1001, end: 1006, flags: TCP_ACK | TCP_PSH, data: 'hello' });
    q.push(1006, TCP_FIN | TCP_ACK, '');
    expect(q.first).toBe(syn);
    expect(q.inFlight).toBe(1);
    // The request is acknowledged, the FIN is not: the FIN goes again when the timer fires.
    expect(q.ackUpTo(1006)).toBe(1);
    sim.runUntil(5_000_000);
    expect(resent[0]).toEqual({ seq: 1006, end: 1007, flags: TCP_FIN | TCP_ACK, data: '' });
    q.stop();
  });

  test('the list keeps what an ACK does not cover, in order, and appends after emptying', () => {
    const { q, sim, resent } = queue();
    q.push(1000, TCP_ACK | TCP_PSH, 'aaaa');
    q.push(1004, TCP_ACK | TCP_PSH, 'bbbb');
    q.push(1008, TCP_ACK | TCP_PSH, 'cccc');
    expect(q.inFlight).toBe(3);
    // Covers the first only (an ACK inside the second covers nothing more).
    expect(q.ackUpTo(1006)).toBe(1);
    expect(q.first).toMatchObject({ seq: 1004, end: 1008 });
    expect(q.first?.next).toMatchObject({ seq: 1008, end: 1012 });
    // The rest: both records go, and the list is empty.
    expect(q.ackUpTo(1012)).toBe(2);
    expect(q.first).toBeUndefined();
    expect(q.inFlight).toBe(0);
    // Emptied: the next push is first and last (no stale tail linking to it), across the 32-bit wrap.
    q.push(0xfffffffe, TCP_FIN | TCP_ACK, 'x');
    q.push(0, TCP_ACK | TCP_PSH, 'yy');
    expect(q.first).toMatchObject({ seq: 0xfffffffe, end: 0 });
    expect(q.first?.next).toMatchObject({ seq: 0, end: 2 });
    expect(q.ackUpTo(0)).toBe(1);
    expect(q.first).toMatchObject({ seq: 0, end: 2, next: undefined });
    sim.runUntil(5_000_000);
    expect(resent[0]).toMatchObject({ seq: 0, end: 2, data: 'yy' });
    q.stop();
  });
});
