import { describe, expect, it } from 'vitest';
import { getScheduler, SCHEDULERS } from './registry';

describe('registry', () => {
  it('lists every scheduler by its ipvsadm name, in order', () => {
    expect([...SCHEDULERS.keys()]).toEqual([
      'rr',
      'wrr',
      'lc',
      'wlc',
      'lblc',
      'lblcr',
      'dh',
      'sh',
      'sed',
      'nq',
      'fo',
      'ovf',
      'mh',
      'twos',
    ]);
    for (const [name, s] of SCHEDULERS) expect(s.name).toBe(name);
  });

  it('getScheduler finds by name', () => {
    expect(getScheduler('wlc')?.name).toBe('wlc');
    expect(getScheduler('nope')).toBeUndefined();
  });
});
