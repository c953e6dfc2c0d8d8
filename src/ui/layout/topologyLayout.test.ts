import { describe, expect, test } from 'vitest';
import { getLab } from '@/engine';
import { hopPosition, pointAlong } from './pathMath';
import { GLYPH_INSET, layoutTopology, wirePath } from './topologyLayout';

describe('layoutTopology', () => {
  test('is deterministic and puts the client left of the servers', () => {
    for (const id of ['nat', 'dr', 'tun']) {
      const def = getLab(id)!;
      const a = layoutTopology(def);
      const b = layoutTopology(def);
      expect(JSON.stringify([...a.hosts])).toBe(JSON.stringify([...b.hosts]));
      const client = a.hosts.get('client')!;
      for (const rs of ['rs1', 'rs2']) expect(a.hosts.get(rs)!.x).toBeGreaterThan(client.x);
      expect(a.segments.size).toBe(def.segments.length);
    }
  });

  test('DR: router between public and lan; the director under the router; rs1 above rs2', () => {
    const l = layoutTopology(getLab('dr')!);
    const [client, router, director, rs1, rs2] = ['client', 'router', 'director', 'rs1', 'rs2'].map((n) =>
      l.hosts.get(n)!,
    );
    expect(client!.x).toBeLessThan(l.segments.get('public')!.x);
    expect(l.segments.get('public')!.x).toBeLessThan(router!.x);
    expect(router!.x).toBeLessThan(l.segments.get('lan')!.x);
    expect(director!.x).toBe(router!.x);
    expect(director!.y).toBeGreaterThan(router!.y);
    expect(rs1!.x).toBe(rs2!.x);
    expect(rs1!.x).toBeGreaterThan(l.segments.get('lan')!.x);
    expect(rs1!.y).toBeLessThan(rs2!.y);
  });

  test('hosts never overlap and every wire meets its bus inside the bus span', () => {
    for (const id of ['nat', 'dr', 'tun']) {
      const l = layoutTopology(getLab(id)!);
      const boxes = [...l.hosts.values()];
      for (const a of boxes)
        for (const b of boxes) {
          if (a === b) continue;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap).toBe(false);
        }
      for (const box of boxes)
        for (const i of box.ifaces) {
          const bus = l.segments.get(i.segment)!;
          expect(i.y).toBeGreaterThan(bus.top);
          expect(i.y).toBeLessThan(bus.bottom);
          expect(i.side === 'left' ? bus.x < box.x : bus.x > box.x + box.w).toBe(true);
        }
      const xs = [...l.segments.values()].map((b) => b.x);
      expect(new Set(xs).size).toBe(xs.length);
      expect(l.width).toBeGreaterThan(0);
      expect(Math.max(...boxes.map((b) => b.y + b.h))).toBeLessThanOrEqual(l.height);
    }
  });
});

describe('path maths', () => {
  test('pointAlong walks a polyline by length', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
    ];
    expect(pointAlong(pts, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(pts, 0.25)).toEqual({ x: 5, y: 0 });
    expect(pointAlong(pts, 0.75)).toEqual({ x: 10, y: 5 });
    expect(pointAlong(pts, 1)).toEqual({ x: 10, y: 10 });
  });

  test('a hop reaches the switch port at half time, then runs to the receiver', () => {
    const l = layoutTopology(getLab('nat')!);
    const from = l.hosts.get('client')!.ifaces[0]!;
    const to = l.hosts.get('director')!.ifaces.find((i) => i.dev === 'eth1')!;
    const path = wirePath(l, from, to);
    expect(hopPosition(path, 0)).toEqual({ x: from.x + GLYPH_INSET, y: from.y });
    expect(hopPosition(path, 0.5).x).toBeCloseTo(l.segments.get('public')!.x);
    expect(hopPosition(path, 1)).toEqual({ x: to.x - GLYPH_INSET, y: to.y });
  });
});
