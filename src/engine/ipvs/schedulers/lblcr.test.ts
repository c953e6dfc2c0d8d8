import { describe, expect, it } from 'vitest';
import { lblcr, setMax, setMin } from './lblcr';
import { serviceWith } from '../../testing/schedulers';

function two() {
  const {
    t,
    d: [A, B],
  } = serviceWith(lblcr, {}, [
    { addr: '10.13.0.1', weight: 2 },
    { addr: '10.13.0.2', weight: 2 },
  ]);
  return { t, A, B };
}

const members = (t: ReturnType<typeof two>['t'], daddr: string) => t.state.entries.get(daddr)?.set;

describe('lblcr', () => {
  it('creates a one-member set by wlc, then keeps using its best member', () => {
    const { t, A } = two();
    const r = t.pick({ daddr: '198.51.100.1' });
    expect(r.dest).toBe(A);
    expect(r.explanation?.rule).toBe('lblcr.new-entry');
    A.activeconns = 2;
    const s = t.pick({ daddr: '198.51.100.1' });
    expect(s.dest).toBe(A);
    expect(s.explanation).toMatchObject({ rule: 'lblcr.set-member', params: { member: A.key, set: A.key } });
  });

  it('adds the wlc choice at the set head when the best member is lblc-overloaded', () => {
    const { t, A, B } = two();
    t.pick({ daddr: '198.51.100.1' });
    A.activeconns = 3;
    const r = t.pick({ daddr: '198.51.100.1' });
    expect(r.dest).toBe(B);
    expect(r.explanation?.rule).toBe('lblcr.new-member');
    expect(members(t, '198.51.100.1')).toEqual([B, A]);
    // both now members: the weighted least loaded one serves
    B.activeconns = 1;
    expect(t.pick({ daddr: '198.51.100.1' }).dest).toBe(B);
  });

  it('drops the most loaded member once the set is older than lblcr_expiration', () => {
    const { t, A, B } = two();
    t.ctx.lblcrExpiration = 10;
    t.pick({ daddr: '198.51.100.1' });
    A.activeconns = 3;
    t.pick({ daddr: '198.51.100.1' }); // set [B, A], lastmod 0
    B.activeconns = 1;
    t.ctx.now = 10_000_000; // not yet: needs now > lastmod + expiration
    t.pick({ daddr: '198.51.100.1' });
    expect(members(t, '198.51.100.1')).toHaveLength(2);
    t.ctx.now = 10_000_001;
    const r = t.pick({ daddr: '198.51.100.1' });
    expect(r.dest).toBe(B);
    expect(r.explanation?.params.dropped).toBe(A.key);
    expect(members(t, '198.51.100.1')).toEqual([B]);
  });

  it('names the set as it was at each decision while it grows and shrinks in place, across entries', () => {
    const { t, A, B } = two();
    t.ctx.lblcrExpiration = 10;
    const names = (daddr: string) =>
      members(t, daddr)!
        .map((d) => d.key)
        .join(',');
    const seen: string[] = [];
    const pick = (daddr: string) => {
      const r = t.pick({ daddr });
      expect(r.explanation?.params.set).toBe(names(daddr));
      seen.push(r.explanation?.params.set as string);
    };
    pick('198.51.100.1'); // [A]
    A.activeconns = 3;
    pick('198.51.100.1'); // [B, A]: the same array, grown at its head
    pick('198.51.100.2'); // another entry's set
    pick('198.51.100.1');
    B.activeconns = 1;
    t.ctx.now = 10_000_001;
    pick('198.51.100.1'); // A dropped: [B]
    expect(seen).toEqual([A.key, `${B.key},${A.key}`, names('198.51.100.2'), `${B.key},${A.key}`, B.key]);
  });

  it('set members with weight 0, OVERLOAD or deleted are skipped', () => {
    const {
      t,
      d: [A, B, C, D],
    } = serviceWith(lblcr, {}, [
      { addr: '10.13.0.1', weight: 0 },
      { addr: '10.13.0.2', overloaded: true },
      { addr: '10.13.0.3', active: 9 },
      { addr: '10.13.0.4', active: 50 },
    ]);
    t.del(C);
    expect(setMin([A, B, C, D])).toBe(D);
    expect(setMin([A, B, C])).toBeUndefined();
    expect(setMax([A, B, C, D])).toBe(D);
    expect(setMax([A])).toBeUndefined();
  });

  it('a deleted member is replaced by the wlc choice', () => {
    const { t, A, B } = two();
    t.pick({ daddr: '198.51.100.1' });
    t.del(A);
    const r = t.pick({ daddr: '198.51.100.1' });
    expect(r.dest).toBe(B);
    expect(r.explanation?.rule).toBe('lblcr.new-member');
  });

  it('fails when nothing is eligible', () => {
    const { t, A, B } = two();
    A.overloaded = true;
    B.overloaded = true;
    const r = t.pick({ daddr: '198.51.100.1' });
    expect(r.dest).toBeUndefined();
    expect(r.explanation?.rule).toBe('none.no-eligible');
    expect(t.state.entries.size).toBe(0);
  });
});
