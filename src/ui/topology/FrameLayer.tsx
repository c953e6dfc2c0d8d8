import { useMemo } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { hopPosition } from '../layout/pathMath';
import type { Point, TopologyLayout } from '../layout/topologyLayout';
import { connectionColour } from '../model/connections';
import type { Hop } from '../model/frameHops';
import { frameTag } from '../model/frameSummary';
import { framesInFlight } from '../model/inFlight';
import { FrameGlyph } from './FrameGlyph';
import { hopPaths } from './hopPaths';
import type { LegPath } from './hopPaths';

/** Above this many frames on the wire, frames are drawn as dots: labels would only pile up. */
export const DENSE_FRAMES = 60;

interface Glyph {
  key: string;
  hop: Hop;
  at: Point;
}

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
  const simTime = useAppStore((s) => s.simTime);
  const cursor = useAppStore((s) => s.cursor);
  const selected = useAppStore((s) => s.selectedFrame);
  const selectFrame = useAppStore((s) => s.selectFrame);
  const paths = useMemo(() => {
    const cache = new Map<Hop, LegPath[]>();
    return (hop: Hop) => {
      let p = cache.get(hop);
      if (!p) cache.set(hop, (p = hopPaths(layout, hop)));
      return p;
    };
  }, [layout]);
  const flights = framesInFlight(model.hops, simTime, cursor);
  const glyphs: Glyph[] = [];
  const flooding = new Set<string>();
  for (const f of flights) {
    const legs = paths(f.hop);
    if (f.hop.eth.dst === 'ff:ff:ff:ff:ff:ff') flooding.add(f.hop.segment);
    if (f.progress <= 0.5 || f.legs.length === 0) {
      const p = legs[f.legs[0] ?? 0] ?? legs[0];
      if (p)
        glyphs.push({
          key: `${f.hop.frame}-${f.legs[0] ?? 0}`,
          hop: f.hop,
          at: hopPosition(p.points, f.progress),
        });
      continue;
    }
    for (const leg of f.legs) {
      const p = legs.find((l) => l.leg === leg);
      if (p) glyphs.push({ key: `${f.hop.frame}-${leg}`, hop: f.hop, at: hopPosition(p.points, f.progress) });
    }
  }
  const dense = glyphs.length > DENSE_FRAMES;
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
      {[...flooding].map((seg) => {
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
      {glyphs.map((g) => {
        const tag = frameTag(g.hop.eth);
        return (
          <FrameGlyph
            key={g.key}
            frame={g.hop.frame}
            x={g.at.x}
            y={g.at.y}
            tag={tag}
            label={`${tag} ${suffix.replace('{frame}', g.hop.frame)}`}
            colour={connectionColour(model.colours.indexOf(g.hop))}
            broadcast={g.hop.eth.dst === 'ff:ff:ff:ff:ff:ff'}
            selected={selected === g.hop.frame}
            dense={dense}
          />
        );
      })}
    </g>
  );
}
