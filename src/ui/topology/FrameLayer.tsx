import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import type { TopologyLayout } from '../layout/topologyLayout';
import { connectionColour } from '../model/connections';
import { frameTag } from '../model/frameSummary';
import { FrameGlyph } from './FrameGlyph';
import { framePictureFor, placeFramesFor } from './frameSprites';

/**
 * Above this many frames on the wire they are dots, drawn on a canvas under the SVG
 * (FrameCanvas): labels would only pile up, and hundreds of SVG nodes cost a frame's budget.
 */
export const DENSE_FRAMES = 60;

function frameOf(target: EventTarget | null): string | undefined {
  return (target as Element | null)?.closest?.('[data-frame]')?.getAttribute('data-frame') ?? undefined;
}

/**
 * Frames on the wire, each placed as a pure function of (simulation time, cursor): the same
 * inputs always draw the same picture, whether playing, stepping or scrubbing.
 */
export function FrameLayer({ layout }: { layout: TopologyLayout }) {
  const { t } = useTranslation();
  const { model } = useLab();
  // A crowd is the canvas layer's: then this layer re-renders only when the flooded segments
  // change, not at animation rate. Fewer frames are glyphs here, placed every frame.
  const view = useAppStore((s) => {
    const b = placeFramesFor(layout, model.hops, s.simTime, s.cursor);
    return b.count > DENSE_FRAMES
      ? b.flooding.join(' ')
      : framePictureFor(layout, model.hops, s.simTime, s.cursor);
  });
  const selected = useAppStore((s) => s.selectedFrame);
  const selectFrame = useAppStore((s) => s.selectFrame);
  const dense = typeof view === 'string';
  const glyphs = dense ? [] : view.sprites;
  const flooding = dense ? (view === '' ? [] : view.split(' ')) : view.flooding;
  const suffix = t('topology.frameLabel', { frame: '{frame}' });
  const onClick = (e: MouseEvent) => {
    const f = frameOf(e.target);
    if (f) selectFrame(f);
  };
  const onKey = (e: KeyboardEvent) => {
    const f = frameOf(e.target);
    if (f && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      selectFrame(f);
    }
  };
  return (
    // Clicks and keys are delegated here from the glyphs (each glyph is a focusable button).
    <g className="frames" onClick={onClick} onKeyDown={onKey}>
      {flooding.map((seg) => {
        const bus = layout.segments.get(seg);
        return bus ? (
          <rect
            key={seg}
            className="bus-flood"
            x={bus.x - 12}
            y={bus.top}
            width={24}
            height={bus.bottom - bus.top}
            rx={12}
          />
        ) : null;
      })}
      {!dense &&
        glyphs.map((g) => {
          const tag = frameTag(g.hop.eth);
          return (
            <FrameGlyph
              key={g.key}
              frame={g.hop.frame}
              x={g.x}
              y={g.y}
              tag={tag}
              label={`${tag} ${suffix.replace('{frame}', g.hop.frame)}`}
              colour={connectionColour(model.colours.indexOf(g.hop))}
              broadcast={g.hop.eth.dst === 'ff:ff:ff:ff:ff:ff'}
              selected={selected === g.hop.frame}
              dense={false}
            />
          );
        })}
    </g>
  );
}
