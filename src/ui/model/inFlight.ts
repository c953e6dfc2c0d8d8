import type { Hop, HopIndex } from './frameHops';
import { lowerBoundT0 } from './frameHops';

/** A frame's place at one instant: the hop, its progress 0…1, and the legs still travelling. */
export interface FlightState {
  hop: Hop;
  progress: number;
  /** Indices into hop.rx whose leg is still being drawn (all of them before the switch). */
  legs: number[];
}

/** Clamp to [0, 1]. */
function unit(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Frames on the wire at sim time `t` with the first `cursor` trace events applied: a pure
 * function, so stepping, scrubbing and playing all draw the same picture for the same inputs.
 */
export function framesInFlight(index: HopIndex, t: number, cursor: number): FlightState[] {
  const { hops } = index;
  const out: FlightState[] = [];
  const from = lowerBoundT0(hops, t - index.maxSpan);
  for (let i = from; i < hops.length; i++) {
    const hop = hops[i]!;
    if (hop.t0 > t || hop.seq >= cursor) break;
    const span = hop.t1 - hop.t0;
    const progress = span > 0 ? unit((t - hop.t0) / span) : 1;
    if (hop.rx.length === 0) {
      if (t < hop.t1) out.push({ hop, progress, legs: [] });
      continue;
    }
    const legs: number[] = [];
    hop.rx.forEach((leg, k) => {
      if (leg.seq >= cursor || t < leg.t) legs.push(k);
    });
    if (legs.length > 0) out.push({ hop, progress, legs });
  }
  return out;
}

/**
 * How many frames framesInFlight would return, without building them: the words for screen
 * readers and the playback clock only need the count, and a crowd of hundreds of objects per
 * call fed the garbage collector at animation rate.
 */
export function countInFlight(index: HopIndex, t: number, cursor: number): number {
  const { hops } = index;
  let n = 0;
  for (let i = lowerBoundT0(hops, t - index.maxSpan); i < hops.length; i++) {
    const hop = hops[i]!;
    if (hop.t0 > t || hop.seq >= cursor) break;
    if (hop.rx.length === 0) {
      if (t < hop.t1) n++;
      continue;
    }
    // Indexed, not for…of: the playback clock counts at every animation frame, and each array
    // iterator (and its results) was an allocation per frame on the wire.
    const { rx } = hop;
    for (let k = 0; k < rx.length; k++)
      if (rx[k]!.seq >= cursor || t < rx[k]!.t) {
        n++;
        break;
      }
  }
  return n;
}
