import type { LabDefinition } from '@/engine';

/** A host as the layout needs it: how many card rows, and which row each wired device is on. */
export interface HostShape {
  name: string;
  rows: { dev: string; segment: string | undefined }[];
}

export interface Point {
  x: number;
  y: number;
}

export interface IfaceAnchor extends Point {
  dev: string;
  segment: string;
  side: 'left' | 'right';
  /** Row centre inside the host card. */
  rowY: number;
}

export interface HostBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Card header height and address row height (the projector scheme uses larger ones). */
  head: number;
  row: number;
  ifaces: IfaceAnchor[];
}

/** A segment drawn as a switch backplane: a vertical bus at x from top to bottom. */
export interface SegmentBus {
  name: string;
  subnet: string;
  x: number;
  top: number;
  bottom: number;
  /** Label written along the bus (several buses share a column), not above it. */
  vertical: boolean;
}

export interface TopologyLayout {
  width: number;
  height: number;
  hosts: Map<string, HostBox>;
  segments: Map<string, SegmentBus>;
}

export const HOST_W = 272;
export const HOST_HEAD = 46;
export const IFACE_ROW = 42;
export const HOOK_STRIP = 28;
const HOST_GAP = 34;
/** Card sizes: the default, and the projector's (larger type needs wider rows). */
export interface LayoutMetrics {
  hostW: number;
  head: number;
  row: number;
}

export const DEFAULT_METRICS: LayoutMetrics = { hostW: HOST_W, head: HOST_HEAD, row: IFACE_ROW };
export const PROJECTOR_METRICS: LayoutMetrics = { hostW: 344, head: 46, row: 44 };

const COL_SEG = 130;
/** Distance between the buses of segments that share a column (TUN's lan, dc1, dc2). */
const BUS_STEP = 46;
const MARGIN = 28;
const BUS_PAD = 30;

function segColWidth(buses: number): number {
  return COL_SEG + Math.max(0, buses - 1) * BUS_STEP;
}

export function hostHeight(rowCount: number, m: LayoutMetrics = DEFAULT_METRICS): number {
  return m.head + Math.max(1, rowCount) * m.row + HOOK_STRIP + 10;
}

/** The shape of each host from the lab definition alone (one row per configured interface). */
export function shapesFromDef(def: LabDefinition): HostShape[] {
  return def.hosts.map((h) => ({
    name: h.name,
    rows: h.ifaces.map((i) => ({ dev: i.dev, segment: i.segment })),
  }));
}

type NodeKey = `h:${string}` | `s:${string}`;

/** Breadth-first layers from the client: hosts on even layers, segments on odd ones. */
function layers(def: LabDefinition): NodeKey[][] {
  const adj = new Map<NodeKey, NodeKey[]>();
  const link = (a: NodeKey, b: NodeKey) => adj.set(a, [...(adj.get(a) ?? []), b]);
  for (const h of def.hosts)
    for (const i of h.ifaces) {
      link(`h:${h.name}`, `s:${i.segment}`);
      link(`s:${i.segment}`, `h:${h.name}`);
    }
  const start = def.hosts.find((h) => h.role === 'client') ?? def.hosts[0]!;
  const depth = new Map<NodeKey, number>([[`h:${start.name}`, 0]]);
  const queue: NodeKey[] = [`h:${start.name}`];
  while (queue.length) {
    const n = queue.shift()!;
    for (const m of adj.get(n) ?? []) {
      if (depth.has(m)) continue;
      depth.set(m, depth.get(n)! + 1);
      queue.push(m);
    }
  }
  const out: NodeKey[][] = [];
  // Definition order first, so ties keep the lab's own order (rs1 above rs2).
  const all: NodeKey[] = [
    ...def.segments.map((s) => `s:${s.name}` as const),
    ...def.hosts.map((h) => `h:${h.name}` as const),
  ];
  for (const n of all) {
    const d = depth.get(n) ?? 0;
    (out[d] ??= []).push(n);
  }
  // A director behind a router (DR, TUN) stands under the router, as lab diagrams draw it,
  // instead of crowding the real servers' column.
  for (let d = 4; d < out.length; d += 2) {
    const col = out[d]!;
    if (col.length < 3) continue;
    for (const n of [...col]) {
      const role = def.hosts.find((h) => `h:${h.name}` === n)?.role;
      if (role !== 'director' || out[d - 2]!.length > 1) continue;
      out[d] = out[d]!.filter((x) => x !== n);
      out[d - 2]!.push(n);
    }
  }
  // Barycentre ordering against the previous layer.
  for (let d = 1; d < out.length; d++) {
    const prev = out[d - 1]!;
    const score = (n: NodeKey) => {
      const ns = (adj.get(n) ?? []).map((m) => prev.indexOf(m)).filter((i) => i >= 0);
      return ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : 0;
    };
    // Buses that share a column: the one with most hosts behind it nearest to them.
    const behind = (n: NodeKey) => (adj.get(n) ?? []).filter((m) => prev.includes(m)).length;
    out[d] = [...out[d]!].sort((a, b) => (d % 2 === 1 ? behind(b) - behind(a) : 0) || score(a) - score(b));
  }
  return out;
}

/**
 * Deterministic layered layout: client on the left, the servers on the right, each segment a
 * vertical switch bus between the columns it joins. Pure: the same lab always gives the same
 * picture, so it is computed once, headless, and unit-tested in node.
 */
export function layoutTopology(
  def: LabDefinition,
  shapes: HostShape[] = shapesFromDef(def),
  m: LayoutMetrics = DEFAULT_METRICS,
): TopologyLayout {
  const colHost = m.hostW + 40;
  const cols = layers(def);
  const shapeOf = (n: string): HostShape =>
    shapes.find((s) => `h:${s.name}` === n) ?? { name: n.slice(2), rows: [] };
  const hosts = new Map<string, HostBox>();
  const colX: number[] = [];
  let x = MARGIN;
  cols.forEach((col, d) => {
    colX[d] = x;
    x += d % 2 === 0 ? colHost : segColWidth(col.length);
  });
  const last = cols.length - 1;
  const width = colX[last]! + (last % 2 === 0 ? m.hostW : segColWidth(cols[last]!.length)) + MARGIN;
  const stackHeight = (col: NodeKey[]) =>
    col.reduce(
      (s, n) => (n.startsWith('h:') ? s + hostHeight(shapeOf(n).rows.length, m) + HOST_GAP : s),
      -HOST_GAP,
    );
  const height = Math.max(...cols.map(stackHeight)) + 2 * MARGIN + 40;
  cols.forEach((col, d) => {
    if (d % 2 === 1) return;
    let y = (height - stackHeight(col)) / 2;
    for (const n of col) {
      const shape = shapeOf(n);
      const box: HostBox = {
        name: shape.name,
        x: colX[d]!,
        y,
        w: m.hostW,
        h: hostHeight(shape.rows.length, m),
        head: m.head,
        row: m.row,
        ifaces: [],
      };
      shape.rows.forEach((r, k) => {
        if (!r.segment || box.ifaces.some((i) => i.dev === r.dev)) return;
        const segCol = cols.findIndex((c) => c.includes(`s:${r.segment}`));
        const side = segCol < d ? 'left' : 'right';
        const rowY = y + m.head + k * m.row + m.row / 2;
        box.ifaces.push({
          dev: r.dev,
          segment: r.segment,
          side,
          rowY,
          x: side === 'left' ? box.x : box.x + m.hostW,
          y: rowY,
        });
      });
      hosts.set(shape.name, box);
      y += box.h + HOST_GAP;
    }
  });
  const segments = new Map<string, SegmentBus>();
  cols.forEach((col, d) => {
    if (d % 2 === 0) return;
    col.forEach((n, k) => {
      const name = n.slice(2);
      const ys = [...hosts.values()].flatMap((b) =>
        b.ifaces.filter((i) => i.segment === name).map((i) => i.y),
      );
      const subnet = def.segments.find((s) => s.name === name)?.subnet ?? '';
      const cx = colX[d]! + (COL_SEG - 40) / 2 + k * BUS_STEP;
      const shared = col.length > 1;
      segments.set(name, {
        name,
        subnet,
        x: cx,
        top: Math.min(...ys) - BUS_PAD - (shared ? 0 : 24),
        bottom: Math.max(...ys) + BUS_PAD,
        vertical: shared,
      });
    });
  });
  return { width, height, hosts, segments };
}

/** The wire from an interface to its switch port and on along the bus to another port. */
export function wirePath(layout: TopologyLayout, from: IfaceAnchor, to: IfaceAnchor | undefined): Point[] {
  const bus = layout.segments.get(from.segment);
  const a = offWire(from);
  if (!bus) return [a];
  const port = { x: bus.x, y: from.y };
  if (!to) return [a, port];
  return [a, port, { x: bus.x, y: to.y }, offWire(to)];
}

/** Frames start and end on the cable just outside the card, so they never cover its labels. */
export const GLYPH_INSET = 28;

function offWire(i: IfaceAnchor): Point {
  return { x: i.x + (i.side === 'left' ? -GLYPH_INSET : GLYPH_INSET), y: i.y };
}
