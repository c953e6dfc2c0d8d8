import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { modelOfStore } from '../hooks/useLab';
import type { TopologyLayout } from '../layout/topologyLayout';
import { CONNECTION_PALETTE } from '../model/connections';
import { toLayout, viewMap } from './canvasView';
import type { ViewMap, ZoomTf } from './canvasView';
import { dotFrameOf } from './drawFrames';
import type { DotStyle } from './drawFrames';
import { painterOf, releasePainter } from './dotPainter';
import { copyAt, newFrameBuffer } from './frameBuffer';
import type { FrameBuffer } from './frameBuffer';
import { DENSE_FRAMES } from './FrameLayer';
import { FrameList, listThrottle, NO_LIST } from './FrameList';
import type { Listed } from './FrameList';
import { placeFramesFor } from './frameSprites';
import './frameCanvas.css';

/** How far from a dot's centre a click still picks it (layout units; a dot's radius is 6). */
const HIT_RADIUS = 10;

/** `var(--x)` → the custom property's value on `el`; any other colour as it is. */
function resolver(el: Element): (c: string) => string {
  const css = getComputedStyle(el);
  const seen = new Map<string, string>();
  return (c) => {
    const m = /^var\((--[\w-]+)\)$/.exec(c);
    if (!m) return c;
    let v = seen.get(c);
    if (v === undefined) seen.set(c, (v = css.getPropertyValue(m[1]!).trim() || '#888'));
    return v;
  };
}

/**
 * A crowd of frames (more than DENSE_FRAMES on the wire) drawn as dots on a canvas under the
 * SVG. The canvas is drawn from a store subscription, not a React render: as the clock moves,
 * only the canvas is redrawn (placed from the layout's reusable frame buffer here, painted in a
 * worker where the browser can hand it the canvas, dotPainter.ts), and React re-renders
 * this component only when the view, the selection or the listed frames change. Clicking a dot
 * selects its frame (hit-tested here, on the SVG above it), and the frames are listed for screen
 * readers. With fewer frames the SVG layer draws labelled glyphs.
 */
export function FrameCanvas({
  layout,
  tf,
  svgRef,
}: {
  layout: TopologyLayout;
  tf: ZoomTf;
  svgRef: RefObject<SVGSVGElement | null>;
}) {
  const store = useStoreApi();
  const selected = useAppStore((s) => s.selectedFrame);
  const selectFrame = useAppStore((s) => s.selectFrame);
  const scheme = useAppStore((s) => s.scheme);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [listed, setListed] = useState<Listed>(NO_LIST);
  // Bumped when the worker painting the canvas failed after taking it: React then makes a fresh
  // canvas element (keyed by it), which the page paints itself (dotPainter.ts).
  const [canvasKey, loseCanvas] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const c = canvasRef.current;
    if (!c) return;
    const ro = new ResizeObserver(() => setSize({ w: c.clientWidth, h: c.clientHeight }));
    ro.observe(c);
    return () => ro.disconnect();
  }, [canvasKey]);
  const map = useMemo(
    () => viewMap(size.w, size.h, layout.width, layout.height, tf),
    [size.w, size.h, layout.width, layout.height, tf],
  );
  // What the click handler (attached once) needs of the latest picture.
  const hit = useRef<{ dense: boolean; buffer?: FrameBuffer; map: ViewMap }>({ dense: false, map });
  useEffect(() => {
    const c = canvasRef.current;
    return () => {
      if (c) releasePainter(c);
    };
  }, [canvasKey]);
  useLayoutEffect(() => {
    const c = canvasRef.current;
    const painter = c && painterOf(c, loseCanvas);
    if (!c || !painter) return;
    const dpr = window.devicePixelRatio || 1;
    const dims = { w: size.w, h: size.h, dpr };
    // `scheme` changes the CSS variables the colours resolve to: resolved once per scheme.
    const colour = resolver(c);
    const fills = ['var(--arp)', ...CONNECTION_PALETTE].map(colour);
    let model = modelOfStore(store);
    const style: DotStyle = {
      fills,
      slotOf: (hop) => {
        const n = model.colours.indexOf(hop);
        return n < 0 ? 0 : 1 + (n % CONNECTION_PALETTE.length);
      },
      edge: colour('var(--panel)'),
      ring: colour('var(--text)'),
      selected,
    };
    const list = listThrottle(setListed);
    let drawn = -1;
    // The canvas holds no dots: with a few frames on the wire (the SVG draws those) there is
    // nothing to clear, and a clear of the whole canvas per animation frame is not free.
    let blank = false;
    const draw = () => {
      const s = store.getState();
      model = modelOfStore(store);
      const b = placeFramesFor(layout, model.hops, s.simTime, s.cursor);
      const dense = b.count > DENSE_FRAMES;
      // Written in place: one object for the page's life, not one per animation frame.
      Object.assign(hit.current, { dense, buffer: b, map });
      if (drawn !== b.count) c.setAttribute('data-frames-drawn', String((drawn = b.count)));
      if (dense || !blank) painter.paint(dotFrameOf(dense ? b : EMPTY, map, dims, style));
      blank = !dense;
      list.offerFrom(dense ? b : undefined, selected);
    };
    draw();
    const off = store.subscribe((s, p) => {
      if (s.simTime !== p.simTime || s.cursor !== p.cursor || s.revision !== p.revision) draw();
    });
    return () => {
      off();
      list.cancel();
    };
  }, [store, layout, map, size, selected, scheme, canvasKey]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onClick = (e: MouseEvent) => {
      const h = hit.current;
      if (!h.dense || !h.buffer || (e.target as Element | null)?.closest?.('[data-interactive]')) return;
      const box = svg.getBoundingClientRect();
      const p = toLayout(h.map, e.clientX - box.left, e.clientY - box.top);
      const i = copyAt(h.buffer, p.x, p.y, HIT_RADIUS);
      if (i >= 0) selectFrame(h.buffer.hops[i]!.frame);
    };
    svg.addEventListener('click', onClick);
    return () => svg.removeEventListener('click', onClick);
  }, [svgRef, selectFrame]);
  return (
    <>
      <canvas key={canvasKey} ref={canvasRef} className="frame-canvas" aria-hidden="true" />
      {listed.hops.length > 0 && <FrameList {...listed} selected={selected} onSelect={selectFrame} />}
    </>
  );
}

const EMPTY = newFrameBuffer(1);
