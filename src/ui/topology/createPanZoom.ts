import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { ZoomBehavior, ZoomTransform } from 'd3-zoom';

export interface PanZoom {
  zoomBy(k: number): void;
  reset(): void;
  destroy(): void;
}

/**
 * d3-zoom on one element, framework-free (xyflow's XYPanZoom shape): D3 owns the gesture, the
 * caller gets the transform and lets React apply it. No transitions: the change is immediate.
 */
export function createPanZoom({
  domNode,
  onTransform,
}: {
  domNode: SVGSVGElement;
  onTransform: (t: { x: number; y: number; k: number }) => void;
}): PanZoom {
  const sel = select(domNode);
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.4, 4])
    .filter((e: Event) => {
      // Wheel zooms only with a modifier so the page still scrolls; drags pan from the background.
      if (e.type === 'wheel') return (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey;
      const target = e.target as Element | null;
      return !target?.closest('[data-interactive]') && !(e as MouseEvent).button;
    })
    .on('zoom', (e: { transform: ZoomTransform }) =>
      onTransform({ x: e.transform.x, y: e.transform.y, k: e.transform.k }),
    );
  sel.call(behaviour).on('dblclick.zoom', null);
  return {
    zoomBy(k) {
      behaviour.scaleBy(sel, k);
    },
    reset() {
      behaviour.transform(sel, zoomIdentity);
    },
    destroy() {
      sel.on('.zoom', null);
    },
  };
}
