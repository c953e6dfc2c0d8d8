import { describe, expect, test } from 'vitest';
import {
  ACTIVE_STATES,
  defaultTimeouts,
  IPVS_TCP_STATES,
  isActiveState,
  nextTcpState,
  TCP_TABLES,
  TCP_TIMEOUTS_S,
  timeoutSeconds,
  UDP_TIMEOUT_S,
} from './tcpStates';
import type { TcpDirection, TcpEvent } from './tcpStates';

describe('isActiveState', () => {
  test('answers as ACTIVE_STATES for every state, and for copies of the names', () => {
    for (const s of [...IPVS_TCP_STATES, 'UDP', 'ASSURED'] as const) {
      expect(isActiveState(s)).toBe(ACTIVE_STATES.has(s));
      const copy = s.split('').join('') as typeof s;
      expect(isActiveState(copy)).toBe(ACTIVE_STATES.has(s));
    }
    expect([...IPVS_TCP_STATES].filter(isActiveState).sort()).toEqual([...ACTIVE_STATES].sort());
  });
});

describe('nextTcpState', () => {
  test('reads each table row and column (syn, fin, ack, rst); no event is CLOSE', () => {
    const events: TcpEvent[] = ['syn', 'fin', 'ack', 'rst'];
    for (const dir of ['INPUT', 'OUTPUT', 'INPUT_ONLY'] as TcpDirection[])
      IPVS_TCP_STATES.forEach((s, i) => {
        events.forEach((ev, col) => expect(nextTcpState(dir, s, ev)).toBe(TCP_TABLES[dir][i]![col]));
        expect(nextTcpState(dir, s, undefined)).toBe('CLOSE');
      });
    expect(nextTcpState('INPUT', 'NONE', 'syn')).toBe('SYN_RECV');
    expect(nextTcpState('OUTPUT', 'SYN_RECV', 'ack')).toBe('ESTABLISHED');
    expect(nextTcpState('INPUT_ONLY', 'ESTABLISHED', 'fin')).toBe('FIN_WAIT');
  });
});

describe('timeoutSeconds', () => {
  test('reads the slot named by the state, as timeouts[state] would, for every state and a copy of its name', () => {
    // Distinct values, so a case reading the wrong slot shows.
    const timeouts = { ...TCP_TIMEOUTS_S, UDP: UDP_TIMEOUT_S };
    [...IPVS_TCP_STATES, 'UDP' as const].forEach((s, i) => (timeouts[s] = 1000 + i));
    for (const s of [...IPVS_TCP_STATES, 'UDP'] as const) {
      expect(timeoutSeconds(timeouts, s)).toBe(timeouts[s]);
      expect(timeoutSeconds(timeouts, s.split('').join(''))).toBe(timeouts[s]);
    }
    expect(timeoutSeconds(timeouts, 'ASSURED')).toBeUndefined();
    expect(timeoutSeconds(timeouts, 'constructor')).toBeUndefined();
  });
});

describe('defaultTimeouts', () => {
  test("is the kernel's defaults, every state and UDP, in a table of each director's own", () => {
    const t = defaultTimeouts();
    expect(t).toEqual({ ...TCP_TIMEOUTS_S, UDP: UDP_TIMEOUT_S });
    expect(Object.keys(t)).toEqual([...IPVS_TCP_STATES, 'UDP']);
    // `ipvsadm --set` on one director changes no other's.
    t.ESTABLISHED = 1;
    expect(defaultTimeouts().ESTABLISHED).toBe(TCP_TIMEOUTS_S.ESTABLISHED);
  });
});
