import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { engine } from '@/store/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { hostRows } from '../layout/hostRows';
import { DEFAULT_METRICS, layoutTopology } from '../layout/topologyLayout';
import { buildHops } from '../model/frameHops';
import { withSeed } from '../model/fuzzSeed';
import { copyAt, newFrameBuffer, placeFrames } from './frameBuffer';
import { framePicture, hopPathCache, placeFramesFor } from './frameSprites';

function drLab() {
  const rt = labAfterRequest('dr');
  const states = engine().hostStatesAt(rt.trace, rt.trace.length);
  const shapes = rt.hostNames().map((name) => ({
    name,
    rows: hostRows(rt.def, name, states.get(name)).map((r) => ({ dev: r.dev, segment: r.segment })),
  }));
  return { rt, layout: layoutTopology(rt.def, shapes, DEFAULT_METRICS), hops: buildHops(rt.trace) };
}

describe('placeFrames: framePicture without allocating', () => {
  test('the same copies, in the same order, at the same places, at every instant of a request', () => {
    const { rt, layout, hops } = drLab();
    const paths = hopPathCache(layout);
    // One small buffer for the whole walk: it grows, and nothing of an earlier instant leaks.
    const b = newFrameBuffer(1);
    const trace = rt.trace.slice();
    const end = trace[trace.length - 1]!.t;
    let seen = 0;
    for (let t = 0; t <= end; t += 3) {
      const after = trace.findIndex((e) => e.t > t);
      // The cursor anywhere up to the instant's last event: scrubbing and stepping both happen.
      for (const cursor of [after < 0 ? rt.trace.length : after, Math.max(0, after - 2)]) {
        const want = framePicture(hops, paths, t, cursor);
        placeFrames(hops, paths, t, cursor, b);
        expect(b.count).toBe(want.sprites.length);
        want.sprites.forEach((s, i) => {
          expect(b.hops[i]).toBe(s.hop);
          expect(b.xs[i]).toBe(s.x);
          expect(b.ys[i]).toBe(s.y);
        });
        expect(b.flooding).toEqual(want.flooding);
        seen += b.count;
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  test('the layout shares one buffer per instant; another instant overwrites it', () => {
    const { layout, hops } = drLab();
    const t = hops.hops[3]!.t0 + 10;
    const a = placeFramesFor(layout, hops, t, hops.hops[3]!.seq + 1);
    const n = a.count;
    expect(n).toBeGreaterThan(0);
    expect(placeFramesFor(layout, hops, 0, 0)).toBe(a);
    expect(a.count).toBe(0);
    expect(placeFramesFor(layout, hops, t, hops.hops[3]!.seq + 1).count).toBe(n);
  });
});

describe('hit-testing the dots', () => {
  const point = fc.record({
    x: fc.double({ min: -500, max: 3000, noNaN: true }),
    y: fc.double({ min: -500, max: 3000, noNaN: true }),
  });
  const dots = (pts: { x: number; y: number }[]) => ({
    count: pts.length,
    xs: Float64Array.from(pts, (p) => p.x),
    ys: Float64Array.from(pts, (p) => p.y),
  });

  test('a click picks the nearest dot within the radius, the one on top on a tie, nothing beyond', () => {
    const b = dots([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 100, y: 100 },
    ]);
    expect(copyAt(b, 3, 0, 8)).toBe(0);
    expect(copyAt(b, 7, 0, 8)).toBe(1);
    expect(copyAt(b, 50, 50, 8)).toBe(-1);
    expect(
      copyAt(
        dots([
          { x: 5, y: 5 },
          { x: 5, y: 5 },
        ]),
        5,
        5,
        8,
      ),
    ).toBe(1);
    // Entries past the count are left over from an earlier instant: never picked.
    expect(copyAt({ ...b, count: 1 }, 10, 0, 8)).toBe(-1);
  });

  test('the pick is the brute-force nearest dot, for random crowds', () => {
    withSeed((seed) =>
      fc.assert(
        fc.property(fc.array(point, { maxLength: 80 }), point, (pts, q) => {
          const got = copyAt(dots(pts), q.x, q.y, 40);
          const d = (p: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
          const near = pts.filter((p) => d(p) <= 40);
          if (near.length === 0) expect(got).toBe(-1);
          else expect(d(pts[got]!)).toBeCloseTo(Math.min(...near.map(d)), 9);
        }),
        { numRuns: 1000, seed },
      ),
    );
  });
});
