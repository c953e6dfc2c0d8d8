/** Gap between two settled views' updates where there are no animation frames to wait for (ms). */
const PUMP_MS = 16;
/** With animation frames, the longest a gap waits for one (a hidden tab draws none). */
const FRAME_WAIT_MS = 250;

const queue: (() => void)[] = [];
/** A gap is running: the next update waits for its end. */
let gap = false;

/**
 * Wait one frame, then pump: with animation frames, until the next frame has started and drawn
 * (a task posted from its callback runs after it paints), so that at most one settled view
 * updates per frame however long frames take on a loaded machine; without them, PUMP_MS.
 */
function startGap(): void {
  gap = true;
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    pump();
  };
  const framed = typeof requestAnimationFrame === 'function';
  const fallback = setTimeout(go, framed ? FRAME_WAIT_MS : PUMP_MS);
  if (framed) requestAnimationFrame(() => setTimeout(go, 0));
}

function pump(): void {
  gap = false;
  const next = queue.shift();
  if (!next) return;
  next();
  // The gap after the last one too: an update queued during it must wait its turn, and run.
  startGap();
}

/**
 * Run `update` now if no other settled view has updated within the last frame, else after the
 * ones before it, one per frame: the event list, the inspector and the words for screen readers
 * then never all redraw in one animation frame. Returns a function that drops it if still waiting.
 */
export function settleUpdate(update: () => void): () => void {
  if (!gap && queue.length === 0) {
    update();
    startGap();
    return () => {};
  }
  queue.push(update);
  return () => {
    const i = queue.indexOf(update);
    if (i >= 0) queue.splice(i, 1);
  };
}
