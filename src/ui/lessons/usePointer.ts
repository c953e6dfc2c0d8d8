import { useEffect } from 'react';
import type { PointTarget } from '@/lessons';

const CLASS = 'lesson-pointed';

/** The page elements a point step names: the host on the map, a packet field row, a hook of the lane. */
function selectors(t: PointTarget): string[] {
  const q = (v: string) => JSON.stringify(v);
  const out = [`.topology [data-host=${q(t.host)}]`];
  if (t.field) out.push(`tr[data-field=${q(t.field)}]`);
  if (t.hook) out.push(`[data-stage=${q(t.hook)}]`);
  return out;
}

/**
 * Highlight what a point step names while it is on screen. The views redraw as playback moves,
 * so the class is put back whenever the page changes; it goes when the step does.
 */
export function usePointer(target: PointTarget | undefined): void {
  useEffect(() => {
    if (!target || typeof document === 'undefined') return undefined;
    const sel = selectors(target).join(', ');
    const mark = () => {
      try {
        for (const el of document.querySelectorAll(sel))
          if (!el.classList.contains(CLASS)) el.classList.add(CLASS);
      } catch {
        // A name no selector can hold: nothing is highlighted, the step's text still says where.
      }
    };
    mark();
    const obs = new MutationObserver(mark);
    obs.observe(document.body, { childList: true, subtree: true });
    return () => {
      obs.disconnect();
      for (const el of document.querySelectorAll(`.${CLASS}`)) el.classList.remove(CLASS);
    };
  }, [target]);
}
