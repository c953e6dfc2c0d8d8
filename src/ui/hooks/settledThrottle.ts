import { settleUpdate } from './settlePump';

/** A write that follows a value changing every animation frame at most every `ms` (settledThrottle). */
export interface SettledThrottle {
  /** Something changed: write it now if the last write is `ms` old, else once it is. */
  offer(): void;
  /** Write now, out of turn (the user is about to read it); a write waiting is dropped. */
  now(): void;
  cancel(): void;
}

/**
 * Runs `write` when offered, at most every `ms` while offers keep coming: the first at once, the
 * last always (it reads the state it writes itself, so a late write shows the latest). A write
 * waits its turn with the settled views (settlePump), so that no two of them land in one frame.
 */
export function settledThrottle(ms: number, write: () => void): SettledThrottle {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  let drop = () => {};
  const run = () => {
    waiting = false;
    last = performance.now();
    write();
  };
  const flush = () => {
    timer = undefined;
    if (waiting) return;
    waiting = true;
    drop = settleUpdate(run);
  };
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    drop();
    waiting = false;
  };
  return {
    offer() {
      const wait = last + ms - performance.now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    now() {
      cancel();
      run();
    },
    cancel,
  };
}
