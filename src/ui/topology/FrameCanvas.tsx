import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import type { TopologyLayout } from '../layout/topologyLayout';
import { connectionColour } from '../model/connections';
import { frameTag } from '../model/frameSummary';
import type { Hop } from '../model/frameHops';
import { spriteAt, toLayout, viewMap } from './canvasView';
import type { ViewMap, ZoomTf } from './canvasView';
import { drawFrames } from './drawFrames';
import { DENSE_FRAMES } from './FrameLayer';
import { framePictureFor } from './frameSprites';
import type { FrameSprite } from './frameSprites';
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
 * SVG: one canvas draw per animation frame instead of hundreds of SVG nodes to style, lay out
 * and paint. Clicking a dot selects its frame (hit-tested here, on the SVG above it), and the
 * frames are listed for screen readers. With fewer frames the SVG layer draws labelled glyphs.
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
  const { model } = useLab();
  const simTime = useAppStore((s) => s.simTime);
  const cursor = useAppStore((s) => s.cursor);
  const selected = useAppStore((s) => s.selectedFrame);
  const selectFrame = useAppStore((s) => s.selectFrame);
  const scheme = useAppStore((s) => s.scheme);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useEffect(() => {
    const c = canvasRef.current;
    if (!c) return;
    const ro = new ResizeObserver(() => setSize({ w: c.clientWidth, h: c.clientHeight }));
    ro.observe(c);
    return () => ro.disconnect();
  }, []);
  const { sprites } = framePictureFor(layout, model.hops, simTime, cursor);
  const dense = sprites.length > DENSE_FRAMES;
  const map = viewMap(size.w, size.h, layout.width, layout.height, tf);
  // What the click handler (attached once) needs of the latest picture.
  const hit = useRef<{ dense: boolean; sprites: FrameSprite[]; map: ViewMap }>({ dense, sprites, map });
  hit.current = { dense, sprites, map };
  useLayoutEffect(() => {
    const c = canvasRef.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(size.w * dpr);
    const h = Math.round(size.h * dpr);
    if (c.width !== w || c.height !== h) Object.assign(c, { width: w, height: h });
    const colour = resolver(c);
    drawFrames(
      ctx,
      dense ? sprites : [],
      map,
      { w: size.w, h: size.h, dpr },
      {
        colourOf: (s) => colour(connectionColour(model.colours.indexOf(s.hop))),
        edge: colour('var(--panel)'),
        ring: colour('var(--text)'),
        selected,
      },
    );
    // `scheme` changes the CSS variables the colours resolve to.
  }, [sprites, dense, map.scale, map.ox, map.oy, size, selected, model, scheme]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onClick = (e: MouseEvent) => {
      const h = hit.current;
      if (!h.dense || (e.target as Element | null)?.closest?.('[data-interactive]')) return;
      const box = svg.getBoundingClientRect();
      const p = toLayout(h.map, e.clientX - box.left, e.clientY - box.top);
      const s = spriteAt(h.sprites, p.x, p.y, HIT_RADIUS);
      if (s) selectFrame(s.hop.frame);
    };
    svg.addEventListener('click', onClick);
    return () => svg.removeEventListener('click', onClick);
  }, [svgRef, selectFrame]);
  return (
    <>
      <canvas
        ref={canvasRef}
        className="frame-canvas"
        aria-hidden="true"
        data-frames-drawn={sprites.length}
      />
      {dense && <FrameList {...listedHops(sprites, selected)} selected={selected} onSelect={selectFrame} />}
    </>
  );
}

/**
 * The frames the list names: the first DENSE_FRAMES on the wire (oldest first) and the selected
 * one. Hundreds of hidden buttons would make every layout of the page slower than the canvas
 * saves; the rest are counted (and each is in the event list).
 */
function listedHops(sprites: readonly FrameSprite[], selected: string | null): { hops: Hop[]; more: number } {
  const all: Hop[] = [];
  let last: Hop | undefined;
  for (const s of sprites) if (s.hop !== last) all.push((last = s.hop));
  const hops = all.slice(0, DENSE_FRAMES);
  const pick = all.find((h) => h.frame === selected);
  if (pick && !hops.includes(pick)) hops.push(pick);
  return { hops, more: all.length - hops.length };
}

/**
 * The crowd in words: one button per frame on the wire, for screen readers (not tab stops: a
 * keyboard user reaches frames through the event list). Re-rendered only when the set changes.
 */
const FrameList = memo(
  function FrameList({
    hops,
    more,
    selected,
    onSelect,
  }: {
    hops: Hop[];
    more: number;
    selected: string | null;
    onSelect: (frame: string) => void;
  }) {
    const { t } = useTranslation();
    return (
      <ul className="visually-hidden" aria-label={t('topology.framesOnWire')}>
        {hops.map((h) => {
          const tag = frameTag(h.eth);
          return (
            <li key={h.frame}>
              <button
                type="button"
                tabIndex={-1}
                aria-pressed={selected === h.frame}
                onClick={() => onSelect(h.frame)}
              >
                {`${tag} ${t('topology.frameLabel', { frame: h.frame })}`}
              </button>
            </li>
          );
        })}
        {more > 0 && <li>{t('topology.framesMore', { count: more })}</li>}
      </ul>
    );
  },
  (a, b) =>
    a.selected === b.selected &&
    a.more === b.more &&
    a.onSelect === b.onSelect &&
    a.hops.length === b.hops.length &&
    a.hops.every((h, i) => h === b.hops[i]),
);
