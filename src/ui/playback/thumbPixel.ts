/**
 * The device pixel of its travel a range input's thumb stands at for `cursor` of `total`, on a
 * track `travel` device pixels long (0 while unknown: every cursor then has its own place).
 * In a long trace hundreds of events share a pixel, and a range input's value written lays out
 * and repaints its thumb even where it does not move: the scrubber writes the value when this
 * changes, and the exact value once the cursor settles (Scrubber.tsx).
 */
export function thumbPixel(cursor: number, total: number, travel: number): number {
  if (!(travel > 0) || !(total > 0)) return cursor;
  return Math.round((cursor / total) * travel);
}
