import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withSeed } from '../model/fuzzSeed';
import { toLayout, toScreen, viewMap } from './canvasView';

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
