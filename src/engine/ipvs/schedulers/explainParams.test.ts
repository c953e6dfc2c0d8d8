/**
 * A recorded explanation keeps its params as names and values and builds the object when read:
 * the object must list the names in the scheduler's order (the trace's JSON follows it), with the
 * values given, and be built once.
 */
import { describe, expect, it } from 'vitest';
import { realDest } from '../../testing/schedulers';
import { createRng } from '../../core/rng';
import { explainWith, explanation, NO_PARAMS, RecordedExplanation } from './explain';
import { USABLE } from './judges';
import type { SchedContext } from '../types';

const ctx = (lazyExplain: boolean): SchedContext => ({
  now: 0,
  rng: createRng(1),
  lblcExpiration: 0,
  lblcrExpiration: 0,
  explain: true,
  lazyExplain,
});

describe('explanation params recorded as names and values', () => {
  const a = realDest({ addr: '10.0.0.1', weight: 1 });
  const KEYS = ['hash', 'slot', 'final', 'probes', 'port', 'fallback'];

  it('reads back in the given order, with the given values, once built', () => {
    const ex = explainWith(ctx(true), 'mh', [a], USABLE, a, 'mh.slot', a, KEYS, 4e9, 7, 9, 1, 80, true);
    expect(ex).toBeInstanceOf(RecordedExplanation);
    expect(Object.keys(ex.params)).toEqual(KEYS);
    expect(ex.params).toEqual({ hash: 4e9, slot: 7, final: 9, probes: 1, port: 80, fallback: true });
    expect(ex.params).toBe(ex.params);
    expect(JSON.stringify(ex)).toContain(
      '"params":{"hash":4000000000,"slot":7,"final":9,"probes":1,"port":80,"fallback":true}',
    );
  });

  it('takes only as many values as names; none gives {}', () => {
    const two = explainWith(
      ctx(true),
      'nq',
      [a],
      USABLE,
      a,
      'nq.first-idle',
      undefined,
      ['cost', 'weight'],
      3,
      1,
      5,
    );
    expect(two.params).toEqual({ cost: 3, weight: 1 });
    const none = explainWith(ctx(false), 'nq', [a], USABLE, undefined, 'none', undefined, NO_PARAMS, 3);
    expect(none).not.toBeInstanceOf(RecordedExplanation);
    expect(none.params).toEqual({});
  });

  it('keeps a params object handed in as is', () => {
    const given = { from: -1, prev: '' };
    expect(explanation(ctx(true), 'rr', [a], USABLE, a, 'rr.next', given).params).toBe(given);
  });
});
