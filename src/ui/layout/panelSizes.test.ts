import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import {
  BIG_STEP,
  DEFAULT_SIZES,
  PANEL_SPLITS,
  SPLIT_RANGE,
  STEP,
  clampSplit,
  sizeForKey,
  sizeForPointer,
  sizesFrom,
} from './panelSizes';

const split = fc.constantFrom(...PANEL_SPLITS);
const inRange = (s: (typeof PANEL_SPLITS)[number], v: number) =>
  v >= SPLIT_RANGE[s].min && v <= SPLIT_RANGE[s].max;

describe('panel sizes', () => {
  test('every default is inside its range', () => {
    for (const sizes of Object.values(DEFAULT_SIZES))
      for (const s of PANEL_SPLITS) expect(inRange(s, sizes[s])).toBe(true);
  });

  test('arrow keys step by 2 %, the arrow that grows the panel depends on which side it is', () => {
    expect(sizeForKey('events', 40, 'ArrowRight')).toBe(40 + STEP);
    expect(sizeForKey('events', 40, 'ArrowLeft')).toBe(40 - STEP);
    expect(sizeForKey('inspector', 30, 'ArrowLeft')).toBe(30 + STEP);
    expect(sizeForKey('top', 60, 'ArrowDown')).toBe(60 + STEP);
    expect(sizeForKey('top', 60, 'ArrowUp')).toBe(60 - STEP);
    expect(sizeForKey('top', 60, 'PageUp')).toBe(60 + BIG_STEP);
    expect(sizeForKey('top', 60, 'Home')).toBe(SPLIT_RANGE.top.min);
    expect(sizeForKey('top', 60, 'End')).toBe(SPLIT_RANGE.top.max);
    expect(sizeForKey('top', 60, 'ArrowLeft')).toBeUndefined();
    expect(sizeForKey('events', 40, 'Enter')).toBeUndefined();
  });

  test('a pointer gives the share of the area; the inspector is measured from the right', () => {
    expect(sizeForPointer('events', 400, 1000)).toBe(40);
    expect(sizeForPointer('inspector', 700, 1000)).toBe(30);
    expect(sizeForPointer('top', 10, 1000)).toBe(SPLIT_RANGE.top.min);
    expect(sizeForPointer('top', 500, 0)).toBe(SPLIT_RANGE.top.min);
  });

  test('whatever comes in (keys, pointers, saved junk), a size stays in its range', () => {
    const junk = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(
        split,
        fc.double(),
        fc.string(),
        fc.double(),
        fc.double(),
        junk,
        (s, v, key, pos, len, saved) => {
          expect(inRange(s, clampSplit(s, v))).toBe(true);
          const k = sizeForKey(s, clampSplit(s, v), key);
          if (k !== undefined) expect(inRange(s, k)).toBe(true);
          expect(inRange(s, sizeForPointer(s, pos, len))).toBe(true);
          const back = sizesFrom({ [s]: saved }, DEFAULT_SIZES.light);
          for (const t of PANEL_SPLITS) expect(inRange(t, back[t])).toBe(true);
        },
      ),
      { seed: fuzzSeed(), numRuns: 3000 },
    );
  });

  test('saved sizes come back; malformed ones fall back to the default', () => {
    expect(sizesFrom({ top: 50, events: 30, inspector: 40 }, DEFAULT_SIZES.light)).toEqual({
      top: 50,
      events: 30,
      inspector: 40,
    });
    expect(sizesFrom('nope', DEFAULT_SIZES.projector)).toEqual(DEFAULT_SIZES.projector);
    expect(sizesFrom({ top: 'x', events: Infinity }, DEFAULT_SIZES.dark)).toEqual(DEFAULT_SIZES.dark);
  });
});
