/** Gap between two settled views' updates (ms): about one animation frame. */
const PUMP_MS = 16;

const queue: (() => void)[] = [];
let pumping: ReturnType<typeof setTimeout> | undefined;

function pump(): void {
  pumping = undefined;
  const next = queue.shift();
  if (!next) return;
  next();
  if (queue.length > 0) pumping = setTimeout(pump, PUMP_MS);
  // The gap after the last one runs pump too: an update queued during the gap must not wait forever.
  else pumping = setTimeout(pump, PUMP_MS);
}

/**
 * Run `update` now if no other settled view has updated within the last frame, else after the
 * ones before it, one per frame: the event list, the inspector and the words for screen readers
 * then never all redraw in one animation frame. Returns a function that drops it if still waiting.
 */
export function settleUpdate(update: () => void): () => void {
  if (pumping === undefined && queue.length === 0) {
    update();
    pumping = setTimeout(pump, PUMP_MS);
    return () => {};
  }
  queue.push(update);
  pumping ??= setTimeout(pump, PUMP_MS);
  return () => {
    const i = queue.indexOf(update);
    if (i >= 0) queue.splice(i, 1);
  };
}
