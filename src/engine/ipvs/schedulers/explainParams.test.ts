/**
 * Schedulers make their params with `new` (no allocation site to pretenure); readers of the plain
 * explanation must still get a plain object with the same keys, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { realDest } from '../../testing/schedulers';
import { createRng } from '../../core/rng';
import { explanation, plainExplanation, plainParams } from './explain';
import { USABLE } from './judges';
import type { SchedContext } from '../types';

class TwoParams {
  [name: string]: string | number | boolean;
  constructor(
    readonly cost: number,
    readonly weight: number,
  ) {}
}

const ctx = (lazyExplain: boolean): SchedContext => ({
  now: 0,
  rng: createRng(1),
  lblcExpiration: 0,
  lblcrExpiration: 0,
  explain: true,
  lazyExplain,
});

describe('explanation params made by a class', () => {
  const a = realDest({ addr: '10.0.0.1', weight: 1 });

  it('read back plain, same keys in the same order, recorded or eager', () => {
    for (const lazy of [true, false]) {
      const ex = plainExplanation(
        explanation(ctx(lazy), 'nq', [a], USABLE, a, 'nq.first-idle', new TwoParams(4e9, 2)),
      );
      expect(Object.getPrototypeOf(ex.params)).toBe(Object.prototype);
      expect(Object.keys(ex.params)).toEqual(['cost', 'weight']);
      expect(ex.params).toEqual({ cost: 4e9, weight: 2 });
      expect(JSON.stringify(ex)).toContain('"params":{"cost":4000000000,"weight":2}');
    }
  });

  it('leaves a plain object as it is', () => {
    const p = { from: -1, prev: '' };
    expect(plainParams(p)).toBe(p);
    expect(plainParams(new TwoParams(1, 2))).not.toBeInstanceOf(TwoParams);
  });
});
