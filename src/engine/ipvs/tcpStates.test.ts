import { describe, expect, test } from 'vitest';
import { ACTIVE_STATES, IPVS_TCP_STATES, isActiveState } from './tcpStates';

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
