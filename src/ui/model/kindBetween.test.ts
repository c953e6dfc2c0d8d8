import { expect, test } from 'vitest';
import type { TraceLog } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { stickyKindBetween } from './kindBetween';

const CARD_KINDS = new Set(['net.link', 'net.addr']);

/** The answer by reading every event's kind. */
function byReading(trace: TraceLog, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CARD_KINDS.has(trace.at(i)!.kind)) return true;
  return false;
}

test('a card-changing event between two cursors is found from the sticky list as by reading every event', () => {
  // Addresses and links come up while the lab starts, then a request crosses: both answers occur.
  const rt = labAfterRequest('nat');
  // The runtime's log lists its sticky events; a plain array is read event by event.
  expect(rt.trace.eachSticky).toBeTypeOf('function');
  const n = rt.trace.length;
  let yes = 0;
  let no = 0;
  for (const trace of [rt.trace, rt.trace.slice()] as TraceLog[]) {
    for (let from = 0; from < n; from += 7)
      for (const to of [from, from + 1, from + 13, from + 200, n]) {
        const want = byReading(trace, from, Math.min(to, n));
        expect(stickyKindBetween(trace, from, Math.min(to, n), CARD_KINDS)).toBe(want);
        if (want) yes++;
        else no++;
      }
  }
  expect(yes).toBeGreaterThan(0);
  expect(no).toBeGreaterThan(0);
});
