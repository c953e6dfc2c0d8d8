import { describe, expect, test } from 'vitest';
import { ParamsMemo } from './paramsMemo';

class Two {
  constructor(
    readonly cost: number,
    readonly weight: number,
  ) {}
}

describe('ParamsMemo', () => {
  test('equal values give the same object; any other value a new object of its own values', () => {
    let made = 0;
    const memo = new ParamsMemo((x, y) => (made++, new Two(x, y)));
    const a = memo.of(300, 5);
    expect(memo.of(300, 5)).toBe(a);
    expect(made).toBe(1);
    for (const [x, y] of [
      [300, 6],
      [301, 5],
      [5, 300],
      [300.5, 5],
      [2 ** 32 + 300, 5],
      [-0, 5],
    ] as const) {
      const p = memo.of(x, y);
      expect(p).not.toBe(a);
      expect(p).toEqual(new Two(x, y));
      expect(Object.is(p.cost, x)).toBe(true);
    }
  });

  test('a collision replaces the slot: both values still read right, over many values', () => {
    const memo = new ParamsMemo((x, y) => new Two(x, y));
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 5000; i++) {
        const p = memo.of(i * 7, i & 15);
        expect(p.cost).toBe(i * 7);
        expect(p.weight).toBe(i & 15);
      }
  });

  test('one-number params', () => {
    const memo = new ParamsMemo((x) => ({ weight: x }));
    expect(memo.of(3)).toBe(memo.of(3));
    expect(memo.of(4)).toEqual({ weight: 4 });
  });
});
