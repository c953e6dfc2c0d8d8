import { describe, expect, it } from 'vitest';
import { lblc } from './lblc';
import { serviceWith } from '../../testing/schedulers';

const MIN = 60_000_000;

function two() {
  const {
    t,
    d: [A, B],
  } = serviceWith(lblc, {}, [
    { addr: '10.12.0.1', weight: 2 },
    { addr: '10.12.0.2', weight: 2 },
  ]);
  return { t, A, B };
}

describe('lblc', () => {
  it('a destination address sticks to the dest first chosen by wlc', () => {
    const { t, A, B } = two();
    const first = t.pick({ daddr: '203.0.113.1' });
    expect(first.dest).toBe(A);
    expect(first.explanation).toMatchObject({ rule: 'lblc.new-entry', params: { cache: 'miss' } });
    A.activeconns = 2;
    const again = t.pick({ daddr: '203.0.113.1' });
    expect(again.dest).toBe(A);
    expect(again.explanation).toMatchObject({ rule: 'lblc.cache-hit', params: { cached: A.key } });
    expect(t.pick({ daddr: '203.0.113.2' }).dest).toBe(B);
  });

  it('re-picks by wlc when the cached dest is overloaded in the lblc sense', () => {
    const { t, A, B } = two();
    t.pick({ daddr: '203.0.113.1' });
    A.activeconns = 3; // > weight 2, and B has 2·0 < 2
    const r = t.pick({ daddr: '203.0.113.1' });
    expect(r.dest).toBe(B);
    expect(r.explanation).toMatchObject({
      rule: 'lblc.new-entry',
      params: { cache: 'overloaded', cached: A.key },
    });
    expect(t.state.entries.get('203.0.113.1')?.dest).toBe(B);
  });

  it('keeps an over-weight cached dest when no dest runs below half its weight', () => {
    const { t, A, B } = two();
    t.pick({ daddr: '203.0.113.1' });
    A.activeconns = 3;
    B.activeconns = 1; // 2·1 = 2, not < 2
    expect(t.pick({ daddr: '203.0.113.1' }).dest).toBe(A);
  });

  it('drops a cached dest that is quiesced (weight 0) or deleted', () => {
    const { t, A, B } = two();
    t.pick({ daddr: '203.0.113.1' });
    t.edit(A, 0);
    const r = t.pick({ daddr: '203.0.113.1' });
    expect(r.dest).toBe(B);
    expect(r.explanation?.params.cache).toBe('weight-zero');
    t.del(B);
    t.edit(A, 1);
    const s = t.pick({ daddr: '203.0.113.1' });
    expect(s.dest).toBe(A);
    expect(s.explanation?.params.cache).toBe('unavailable');
  });

  it('like the kernel, a cache hit does not check the OVERLOAD threshold flag; fresh picks do', () => {
    const { t, A, B } = two();
    t.pick({ daddr: '203.0.113.1' });
    A.overloaded = true;
    const r = t.pick({ daddr: '203.0.113.1' });
    expect(r.dest).toBe(A);
    expect(r.explanation?.candidates[0]).toMatchObject({ overloaded: true, eligible: true });
    expect(t.pick({ daddr: '203.0.113.9' }).dest).toBe(B);
    B.overloaded = true;
    expect(t.pick({ daddr: '203.0.113.10' }).explanation?.rule).toBe('none.no-eligible');
  });

  it('idle entries expire at the 30th GC tick (every 30 min) once older than lblc_expiration', () => {
    const { t, A, B } = two();
    t.ctx.lblcExpiration = 60;
    t.pick({ daddr: '203.0.113.1' }); // t = 0: entry → A, GC timer starts
    A.activeconns = 1;
    t.ctx.now = 29 * MIN + 59_000_000;
    expect(t.pick({ daddr: '203.0.113.1' }).explanation?.rule).toBe('lblc.cache-hit');
    t.ctx.now = 30 * MIN; // full check: idle 1 s < 60 s, kept
    expect(t.pick({ daddr: '203.0.113.1' }).explanation?.rule).toBe('lblc.cache-hit');
    t.ctx.now = 60 * MIN; // next full check: idle 30 min → collected, wlc picks afresh
    const r = t.pick({ daddr: '203.0.113.1' });
    expect(r.explanation?.params.cache).toBe('miss');
    expect(r.dest).toBe(B);
  });

  it('the default 24 h expiration keeps entries through many full checks', () => {
    const { t, A } = two();
    t.pick({ daddr: '203.0.113.1' });
    A.activeconns = 1;
    t.ctx.now = 23 * 60 * MIN;
    expect(t.pick({ daddr: '203.0.113.1' }).dest).toBe(A);
  });

  it('counts entries as the kernel does: a replaced entry is counted again', () => {
    const { t, A } = two();
    t.pick({ daddr: '203.0.113.1' });
    expect(t.state.count).toBe(1);
    A.activeconns = 3;
    t.pick({ daddr: '203.0.113.1' });
    expect([t.state.entries.size, t.state.count]).toEqual([1, 2]);
  });
});
