import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { buildTraceModel } from '../model/traceModel';
import { newFrameBuffer } from './frameBuffer';
import type { FrameBuffer } from './frameBuffer';
import { DENSE_FRAMES } from './FrameLayer';
import { listedHops, listThrottle, NO_LIST } from './FrameList';
import type { Listed } from './FrameList';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A buffer holding `hops` in order, each placed twice (a frame crossing to two receivers). */
function bufferOf(hops: FrameBuffer['hops']): FrameBuffer {
  const b = newFrameBuffer(hops.length * 2);
  for (const h of hops) for (let k = 0; k < 2; k++) b.hops[b.count++] = h;
  return b;
}

test('the crowd offered from the buffer is listed as listedHops lists it, and only when it changed', () => {
  const all = buildTraceModel(labAfterRequest('nat').trace).hops.hops;
  expect(all.length).toBeGreaterThan(8);
  const shown: Listed[] = [];
  const list = listThrottle((l) => shown.push(l));
  const a = bufferOf(all.slice(0, 6));
  list.offerFrom(a, null);
  vi.advanceTimersByTime(2000);
  expect(shown).toHaveLength(1);
  expect(shown[0]).toEqual(listedHops(a, null));
  expect(shown[0]!.hops).toHaveLength(6);
  // The same frames again (the crowd moved along its wires): nothing new for React.
  list.offerFrom(bufferOf(all.slice(0, 6)), null);
  vi.advanceTimersByTime(2000);
  expect(shown).toHaveLength(1);
  // Other frames: listed once the throttle lets it, a copy the next frame's list does not overwrite.
  const b = bufferOf(all.slice(2, 9));
  list.offerFrom(b, null);
  list.offerFrom(b, null);
  vi.advanceTimersByTime(2000);
  expect(shown).toHaveLength(2);
  expect(shown[1]).toEqual(listedHops(b, null));
  list.offerFrom(a, null);
  expect(shown[1]!.hops).toEqual(all.slice(2, 9));
  // No crowd: the empty list.
  list.offerFrom(undefined, null);
  vi.advanceTimersByTime(2000);
  expect(shown[shown.length - 1]).toBe(NO_LIST);
  list.cancel();
});

test('past DENSE_FRAMES the rest are counted and the selected frame is named', () => {
  const all = buildTraceModel(labAfterRequest('nat').trace).hops.hops;
  const many = Array.from({ length: DENSE_FRAMES + 5 }, (_, i) => all[i % all.length]!);
  // Distinct neighbours so that none merges with the one before it.
  const b = newFrameBuffer(many.length);
  for (const h of many) b.hops[b.count++] = h;
  const shown: Listed[] = [];
  const list = listThrottle((l) => shown.push(l));
  const picked = many[DENSE_FRAMES + 2]!.frame;
  list.offerFrom(b, picked);
  vi.advanceTimersByTime(2000);
  expect(shown[0]).toEqual(listedHops(b, picked));
  expect(shown[0]!.hops.length).toBe(DENSE_FRAMES + 1);
  expect(shown[0]!.more).toBe(4);
  list.cancel();
});
