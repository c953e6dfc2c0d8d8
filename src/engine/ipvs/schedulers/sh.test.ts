import { describe, expect, it } from 'vitest';
import { schedService, serviceWith } from '../../testing/schedulers';
import { sh, shTable } from './sh';

function weighted(flags: { flag1?: boolean; flag2?: boolean } = {}) {
  const t = schedService(sh, flags);
  const A = t.add({ addr: '10.11.0.1', weight: 3 });
  const B = t.add({ addr: '10.11.0.2', weight: 2 });
  const C = t.add({ addr: '10.11.0.3', weight: 1 });
  return { t, A, B, C };
}

const counts = (table: number[]) =>
  table.reduce((acc, j) => ({ ...acc, [j]: (acc[j] ?? 0) + 1 }), {} as Record<number, number>);

describe('sh', () => {
  it('list [C:1,B:2,A:3] → C,B,B,A,A,A,C,… (A 127, B 86, C 43 buckets)', () => {
    const { t } = weighted();
    expect(t.state.table.slice(0, 9)).toEqual([0, 1, 1, 2, 2, 2, 0, 1, 1]);
    expect(counts(t.state.table)).toEqual({ 0: 43, 1: 86, 2: 127 });
  });

  it('a weight-0 dest still takes one bucket', () => {
    const { d } = serviceWith(sh, {}, [
      { addr: '10.11.0.1', weight: 0 },
      { addr: '10.11.0.2', weight: 2 },
    ]);
    expect(shTable(d).slice(0, 6)).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it('hashes the source address: 10.0.0.1 → 39, 10.0.0.2 → 137, 192.168.1.1 → 136, 172.16.0.5 → 1', () => {
    const { t } = weighted();
    const bucket = (saddr: string) => t.pick({ saddr, daddr: '1.1.1.1' }).explanation?.params.bucket;
    expect(['10.0.0.1', '10.0.0.2', '192.168.1.1', '172.16.0.5'].map(bucket)).toEqual([39, 137, 136, 1]);
    const r = t.pick({ saddr: '10.0.0.1' });
    expect(r.dest).toBe(t.svc.dests[t.state.table[39]!]);
    expect(r.explanation?.rule).toBe('sh.bucket');
  });

  it('with sh-port (flag2) the source port is added: 10.0.0.1:1234 → 128', () => {
    const { t } = weighted({ flag2: true });
    const r = t.pick({ saddr: '10.0.0.1', sport: 1234 });
    expect(r.explanation?.params).toMatchObject({ bucket: 128, port: 1234 });
    const plain = weighted();
    expect(plain.t.pick({ saddr: '10.0.0.1', sport: 1234 }).explanation?.params.bucket).toBe(39);
  });

  it('unavailable bucket → fail, unless sh-fallback probes (2·idx + k) mod 256', () => {
    const { t, A, B, C } = weighted();
    const owner = t.svc.dests[t.state.table[39]!]!;
    owner.overloaded = true;
    expect(t.pick({ saddr: '10.0.0.1' }).explanation?.rule).toBe('none.bucket-unavailable');
    t.setFlags({ flag1: true });
    const r = t.pick({ saddr: '10.0.0.1' });
    const firstUsable = [...Array(256)]
      .map((_, k) => (78 + k) & 255)
      .find((b) => !t.svc.dests[t.state.table[b]!]!.overloaded);
    expect(r.dest).toBe(t.svc.dests[t.state.table[firstUsable!]!]);
    expect(r.explanation).toMatchObject({ rule: 'sh.fallback', params: { bucket: 39, final: firstUsable } });
    for (const d of [A, B, C]) d.overloaded = true;
    expect(t.pick({ saddr: '10.0.0.1' }).dest).toBeUndefined();
  });

  it('rebuilds on edit too (weights change the bucket split)', () => {
    const { t, A } = weighted();
    t.edit(A, 1);
    expect(counts(t.state.table)).toEqual({ 0: 64, 1: 128, 2: 64 });
  });

  it('never returns a weight-0 dest (quiesced keeps its buckets)', () => {
    const { t, A, B, C } = weighted({ flag1: true });
    t.edit(A, 0);
    t.edit(B, 0);
    for (let i = 0; i < 30; i++) expect(t.pick({ saddr: `10.0.${i}.7` }).dest).toBe(C);
  });
});
