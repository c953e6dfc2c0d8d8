/**
 * Requests a course page posts while the lab is still loading (the topology sketch is up, the app
 * and its bridge are not) are kept here and handed to the bridge when it starts, in order. A page
 * that posts at once, without waiting for `lvs-lab:ready` (or without an origin, so it never hears
 * it), loses nothing. The bridge checks each one as if it had just arrived. Kept in the boot chunk:
 * no imports.
 */

interface Listening {
  addEventListener(type: 'message', l: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', l: (e: MessageEvent) => void): void;
}

/** A page that floods the frame while it loads gets its first requests kept, not all of them. */
const LIMIT = 64;

let kept: { win: Listening; listener: (e: MessageEvent) => void; events: MessageEvent[] } | undefined;

/** Start keeping the `lvs-lab:*` messages `win` receives (once; later calls do nothing). */
export function keepEarlyMessages(win: Listening): void {
  if (kept) return;
  const events: MessageEvent[] = [];
  const listener = (e: MessageEvent) => {
    const type = (e.data as { type?: unknown } | null)?.type;
    if (events.length < LIMIT && typeof type === 'string' && type.startsWith('lvs-lab:')) events.push(e);
  };
  kept = { win, listener, events };
  win.addEventListener('message', listener);
}

/** Stop keeping and hand over what `win` received so far (nothing if it was not keeping). */
export function takeEarlyMessages(win: Listening): MessageEvent[] {
  if (!kept || kept.win !== win) return [];
  const { listener, events } = kept;
  kept = undefined;
  win.removeEventListener('message', listener);
  return events;
}
