import type { ChunkClock } from './replayChunks';

/**
 * A clock for tests: every reading is a millisecond later, and `later` work waits until the
 * test runs it, so a replay's chunks are taken one by one.
 */
export function testClock(): ChunkClock & { pending(): number; runNext(): void; runAll(): void } {
  let t = 0;
  const queue: (() => void)[] = [];
  return {
    now: () => ++t,
    later: (fn) => void queue.push(fn),
    pending: () => queue.length,
    runNext: () => queue.shift()?.(),
    runAll() {
      for (let i = 0; i < 100_000 && queue.length > 0; i++) queue.shift()!();
    },
  };
}
