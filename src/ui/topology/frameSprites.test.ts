import { describe, expect, test } from 'vitest';
import { engine } from '@/store/engine';
import { hostRows } from '../layout/hostRows';
import { DEFAULT_METRICS, layoutTopology } from '../layout/topologyLayout';
import { buildHops } from '../model/frameHops';
import { framesInFlight } from '../model/inFlight';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { framePicture, framePictureFor, hopPathCache } from './frameSprites';

async function drLab() {
  const rt = labAfterRequest('dr');
  // The cards as the topology draws them at the end of the trace.
  const states = engine().hostStatesAt(rt.trace, rt.trace.length);
  const shapes = rt.hostNames().map((name) => ({
    name,
    rows: hostRows(rt.def, name, states.get(name)).map((r) => ({ dev: r.dev, segment: r.segment })),
  }));
  const layout = layoutTopology(rt.def, shapes, DEFAULT_METRICS);
  return { rt, layout, hops: buildHops(rt.trace) };
}

describe('framePicture: the sprites both frame layers draw', () => {
  test('a flooded ARP request is one sprite before the switch and one per port after it', async () => {
    const { layout, hops } = await drLab();
    const flood = hops.hops.find((h) => h.eth.dst === 'ff:ff:ff:ff:ff:ff' && h.segment === 'lan')!;
    const paths = hopPathCache(layout);
    const mine = (t: number) =>
      framePicture(hops, paths, t, flood.seq + 1).sprites.filter((s) => s.hop === flood);
    const span = flood.t1 - flood.t0;
    expect(mine(flood.t0 + span * 0.25)).toHaveLength(1);
    expect(mine(flood.t0 + span * 0.75)).toHaveLength(flood.rx.length);
    expect(framePicture(hops, paths, flood.t0 + span * 0.25, flood.seq + 1).flooding).toContain('lan');
  });

  test('every frame in flight has a sprite on its wire, at every instant of the request', async () => {
    const { rt, layout, hops } = await drLab();
    const paths = hopPathCache(layout);
    const end = rt.trace.at(rt.trace.length - 1)!.t;
    for (let t = 0; t <= end; t += 7) {
      const cursor = rt.trace.slice().findIndex((e) => e.t > t);
      const c = cursor < 0 ? rt.trace.length : cursor;
      const framed = new Set(framePicture(hops, paths, t, c).sprites.map((s) => s.hop));
      const flying = framesInFlight(hops, t, c).map((f) => f.hop);
      expect(framed).toEqual(new Set(flying));
    }
  });

  test('the layers share one answer per instant', async () => {
    const { layout, hops } = await drLab();
    const a = framePictureFor(layout, hops, 500, 40);
    expect(framePictureFor(layout, hops, 500, 40)).toBe(a);
    expect(framePictureFor(layout, hops, 501, 40)).not.toBe(a);
  });
});
