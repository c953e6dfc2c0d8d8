import { describe, expect, it } from 'vitest';
import { DestEntry } from '../destEntry';
import type { Dest } from '../types';
import { destListChanged } from './explain';
import { at, cum, placeOf, sums, sumWeights } from './twosWeights';

function entry(i: number, weight: number): DestEntry {
  const d = new DestEntry(`10.9.0.${i}:80`, `10.9.0.${i}`, 80, 'masq');
  d.weight = weight;
  return d;
}

/** The sums as a walk over the list finds them, for comparison. */
function expected(dests: readonly Dest[]): { sums: number[]; at: number[] } {
  const out = { sums: [] as number[], at: [] as number[] };
  let total = 0;
  dests.forEach((d, i) => {
    if (d.overloaded || d.weight <= 0) return;
    total += d.weight;
    out.sums.push(total);
    out.at.push(i);
  });
  return out;
}

function check(dests: readonly Dest[]): void {
  sumWeights(dests);
  const e = expected(dests);
  expect([...cum.slice(0, sums.usable)]).toEqual(e.sums);
  expect([...at.slice(0, sums.usable)]).toEqual(e.at);
  expect(sums.total).toBe(e.sums.at(-1) ?? 0);
  if (!sums.table) return;
  // Every draw r in [0, total] is at the first place whose sum reaches it.
  for (let r = 0; r <= sums.total; r++) expect(placeOf[r], `r=${r}`).toBe(e.sums.findIndex((s) => s >= r));
}

describe('twosWeights', () => {
  it('sums again after a weight or OVERLOAD change of a counted dest', () => {
    const list = [entry(1, 2), entry(2, 3), entry(3, 1)];
    check(list);
    list[1]!.weight = 5;
    check(list);
    list[0]!.overloaded = true;
    check(list);
    list[0]!.overloaded = false;
    list[2]!.weight = 0;
    check(list);
  });

  it('sums again when the list changed in place (a dest swapped, added or removed)', () => {
    // Made before the first sum: no weight is set between two sums here.
    const [a, b, c, d, e] = [entry(1, 2), entry(2, 3), entry(3, 1), entry(4, 7), entry(5, 4)];
    const list = [a!, b!, c!];
    check(list);
    list[1] = d!;
    check(list);
    list.push(e!);
    check(list);
    list.splice(0, 1);
    check(list);
  });

  it('sums an announced list again when its change is announced', () => {
    const [a, b, c, d] = [entry(1, 2), entry(2, 3), entry(3, 1), entry(4, 7)];
    const list = [a!, b!, c!];
    destListChanged(list);
    check(list);
    list[1] = d!;
    destListChanged(list);
    check(list);
    list.pop();
    destListChanged(list);
    check(list);
  });

  it('sums plain dests at every call: their changes are not counted', () => {
    const plain: Dest[] = [2, 3].map((weight, i) => ({
      key: `10.9.0.${i}:80`,
      addr: `10.9.0.${i}`,
      port: 80,
      fwd: 'masq',
      weight,
      lastWeight: weight,
      uThreshold: 0,
      lThreshold: 0,
      activeconns: 0,
      inactconns: 0,
      persistconns: 0,
      available: true,
      overloaded: false,
    }));
    check(plain);
    plain[0]!.weight = 9;
    check(plain);
    plain[1]!.overloaded = true;
    check(plain);
  });

  it('finds the place by counting when the total is past the draw table', () => {
    const list = [entry(1, 3000), entry(2, 2000), entry(3, 65535)];
    check(list);
    expect(sums.table).toBe(false);
  });
});
