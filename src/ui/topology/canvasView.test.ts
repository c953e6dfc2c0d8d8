import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withSeed } from '../model/fuzzSeed';
import { spriteAt, toLayout, toScreen, viewMap } from './canvasView';
import type { FrameSprite } from './frameSprites';

const size = fc.integer({ min: 50, max: 3000 });
const tf = fc.record({
  x: fc.double({ min: -2000, max: 2000, noNaN: true }),
  y: fc.double({ min: -2000, max: 2000, noNaN: true }),
  k: fc.double({ min: 0.4, max: 4, noNaN: true }),
});
const point = fc.record({
  x: fc.double({ min: -500, max: 3000, noNaN: true }),
  y: fc.double({ min: -500, max: 3000, noNaN: true }),
});

describe('the canvas maps layout points as the SVG viewBox and pan/zoom do', () => {
  test('"xMidYMid meet": the layout is fitted whole and centred on the long side', () => {
    const m = viewMap(1000, 400, 500, 100, { x: 0, y: 0, k: 1 });
    // Height limits the fit: 500×100 scaled by min(2, 4) = 2 → 1000×200, centred vertically.
    expect(m).toEqual({ scale: 2, ox: 0, oy: 100 });
    expect(toScreen(m, 250, 50)).toEqual({ x: 500, y: 200 });
    const z = viewMap(1000, 400, 500, 100, { x: 10, y: -5, k: 2 });
    expect(toScreen(z, 0, 0)).toEqual({ x: 20, y: 90 });
    expect(toScreen(z, 1, 1)).toEqual({ x: 24, y: 94 });
  });

  test('screen → layout undoes layout → screen, for any size, pan and zoom', () => {
    withSeed((seed) =>
      fc.assert(
        fc.property(size, size, size, size, tf, point, (cw, ch, w, h, t, p) => {
          const m = viewMap(cw, ch, w, h, t);
          const s = toScreen(m, p.x, p.y);
          const back = toLayout(m, s.x, s.y);
          expect(back.x).toBeCloseTo(p.x, 6);
          expect(back.y).toBeCloseTo(p.y, 6);
        }),
        { numRuns: 2000, seed },
      ),
    );
  });
});

describe('hit-testing the dots', () => {
  const sprite = (key: string, x: number, y: number) =>
    ({ key, x, y, hop: { frame: key } }) as unknown as FrameSprite;

  test('a click picks the nearest dot within the radius, and nothing beyond it', () => {
    const sprites = [sprite('a', 0, 0), sprite('b', 10, 0), sprite('c', 100, 100)];
    expect(spriteAt(sprites, 3, 0, 8)?.key).toBe('a');
    expect(spriteAt(sprites, 7, 0, 8)?.key).toBe('b');
    expect(spriteAt(sprites, 50, 50, 8)).toBeUndefined();
    // Two dots on one spot: the one drawn last (on top) wins.
    expect(spriteAt([sprite('x', 5, 5), sprite('y', 5, 5)], 5, 5, 8)?.key).toBe('y');
  });

  test('the pick is the brute-force nearest dot, for random crowds', () => {
    withSeed((seed) =>
      fc.assert(
        fc.property(fc.array(point, { maxLength: 60 }), point, (pts, q) => {
          const sprites = pts.map((p, i) => sprite(String(i), p.x, p.y));
          const got = spriteAt(sprites, q.x, q.y, 40);
          const d = (s: FrameSprite) => Math.hypot(s.x - q.x, s.y - q.y);
          const near = sprites.filter((s) => d(s) <= 40);
          if (near.length === 0) expect(got).toBeUndefined();
          else expect(d(got!)).toBeCloseTo(Math.min(...near.map(d)), 9);
        }),
        { numRuns: 1000, seed },
      ),
    );
  });
});
