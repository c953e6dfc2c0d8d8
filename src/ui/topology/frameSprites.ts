import { hopPosition } from '../layout/pathMath';
import type { TopologyLayout } from '../layout/topologyLayout';
import type { Hop, HopIndex } from '../model/frameHops';
import { framesInFlight } from '../model/inFlight';
import { newFrameBuffer, placeFrames } from './frameBuffer';
import type { FrameBuffer } from './frameBuffer';
import { hopPaths } from './hopPaths';
import type { LegPath } from './hopPaths';

/** One copy of a frame on a wire at one instant, in layout coordinates. */
export interface FrameSprite {
  key: string;
  hop: Hop;
  x: number;
  y: number;
}

export interface FramePicture {
  sprites: FrameSprite[];
  /** Segments a broadcast is being flooded on (the switch sends it to every port). */
  flooding: string[];
}

/** The wires of each hop, laid out once per layout (the hops are immutable trace data). */
export function hopPathCache(layout: TopologyLayout): (hop: Hop) => LegPath[] {
  const cache = new Map<Hop, LegPath[]>();
  return (hop) => {
    let p = cache.get(hop);
    if (!p) cache.set(hop, (p = hopPaths(layout, hop)));
    return p;
  };
}

/**
 * Every frame copy on the wire at sim time `t` with the first `cursor` events applied: before
 * the switch one sprite per frame, after it one per leg still travelling. A pure function of its
 * inputs, so the SVG and the canvas layer draw the same picture for the same instant.
 */
export function framePicture(
  hops: HopIndex,
  paths: (hop: Hop) => LegPath[],
  t: number,
  cursor: number,
): FramePicture {
  const sprites: FrameSprite[] = [];
  const flooding = new Set<string>();
  for (const f of framesInFlight(hops, t, cursor)) {
    const legs = paths(f.hop);
    if (f.hop.eth.dst === 'ff:ff:ff:ff:ff:ff') flooding.add(f.hop.segment);
    if (f.progress <= 0.5 || f.legs.length === 0) {
      const p = legs[f.legs[0] ?? 0] ?? legs[0];
      if (p)
        sprites.push({
          key: `${f.hop.frame}-${f.legs[0] ?? 0}`,
          hop: f.hop,
          ...hopPosition(p.points, f.progress),
        });
      continue;
    }
    for (const leg of f.legs) {
      const p = legs.find((l) => l.leg === leg);
      if (p) sprites.push({ key: `${f.hop.frame}-${leg}`, hop: f.hop, ...hopPosition(p.points, f.progress) });
    }
  }
  return { sprites, flooding: [...flooding] };
}

interface Memo {
  paths: (hop: Hop) => LegPath[];
  last?: { hops: HopIndex; t: number; cursor: number; picture: FramePicture };
  buffer: FrameBuffer;
  placed?: { hops: HopIndex; t: number; cursor: number };
}
const memos = new WeakMap<TopologyLayout, Memo>();

function memoOf(layout: TopologyLayout): Memo {
  let memo = memos.get(layout);
  if (!memo) memos.set(layout, (memo = { paths: hopPathCache(layout), buffer: newFrameBuffer() }));
  return memo;
}

/**
 * The frames on the wire at (t, cursor) in the layout's one reusable buffer (placeFrames): read it
 * at once, the next instant asked overwrites it. The canvas layer and the SVG layer's count share it.
 */
export function placeFramesFor(
  layout: TopologyLayout,
  hops: HopIndex,
  t: number,
  cursor: number,
): FrameBuffer {
  const memo = memoOf(layout);
  const l = memo.placed;
  if (l && l.hops === hops && l.t === t && l.cursor === cursor) return memo.buffer;
  placeFrames(hops, memo.paths, t, cursor, memo.buffer);
  if (l) Object.assign(l, { hops, t, cursor });
  else memo.placed = { hops, t, cursor };
  return memo.buffer;
}

/**
 * framePicture for a layout, remembered for the last instant asked: the SVG layer and the canvas
 * layer both ask for the same (sim time, cursor) in one animation frame and share one answer.
 */
export function framePictureFor(
  layout: TopologyLayout,
  hops: HopIndex,
  t: number,
  cursor: number,
): FramePicture {
  const memo = memoOf(layout);
  const l = memo.last;
  if (l && l.hops === hops && l.t === t && l.cursor === cursor) return l.picture;
  const picture = framePicture(hops, memo.paths, t, cursor);
  memo.last = { hops, t, cursor, picture };
  return picture;
}
