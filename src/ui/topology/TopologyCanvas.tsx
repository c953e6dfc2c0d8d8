import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { hostRows } from '../layout/hostRows';
import { hostStatesAtCursor } from '../model/hostStatesAtCursor';
import { stickyKindBetween } from '../model/kindBetween';
import type { HostRow } from '../layout/hostRows';
import { DEFAULT_METRICS, layoutTopology, PROJECTOR_METRICS } from '../layout/topologyLayout';
import type { HostShape } from '../layout/topologyLayout';
import { Icon } from '../Icon';
import type { PanZoom } from './createPanZoom';
import { DropLayer } from './DropLayer';
import { FindingLayer } from './FindingLayer';
import { FrameCanvas } from './FrameCanvas';
import { FrameLayer } from './FrameLayer';
import { HostLayer } from './HostLayer';
import { MasterBadges } from './MasterBadges';
import { SegmentBus } from './SegmentBus';
import { TopologyDescription } from './TopologyDescription';
import { WireLayer } from './WireLayer';

/** The events that change what a host card shows (hostRows reads links and addresses): sticky kinds. */
const CARD_KINDS = new Set(['net.link', 'net.addr']);

/** The lab's network as SVG: React draws every element, D3 only computes and pans/zooms. */
export function TopologyCanvas({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { runtime, def } = useLab();
  const labId = useAppStore((s) => s.spec.labId);
  // The cards show the addresses at the cursor: scrubbing back before `ip addr add` hides it.
  // Selected as a string, so the topology re-renders only when a card's rows change, not at
  // every step of the cursor.
  const rowsAt = useMemo(() => {
    let last: { cursor: number; trace: unknown; length: number; json: string } | undefined;
    return (cursor: number) => {
      const at = cursor < 0 ? runtime.trace.length : cursor;
      const { trace } = runtime;
      if (last?.cursor === at && last.trace === trace && last.length === trace.length) return last.json;
      // Moving forward over events that change no card (the cards show links and addresses):
      // the same rows, without folding host state and writing JSON in every animation frame.
      if (last && last.trace === trace && last.length <= trace.length && last.cursor < at) {
        if (!stickyKindBetween(trace, last.cursor, at, CARD_KINDS)) {
          Object.assign(last, { cursor: at, length: trace.length });
          return last.json;
        }
      }
      const states = hostStatesAtCursor(runtime.trace, at);
      const json = JSON.stringify(
        runtime.hostNames().map((name) => [name, hostRows(def, name, states.get(name))]),
      );
      last = { cursor: at, trace, length: trace.length, json };
      return json;
    };
  }, [runtime, def]);
  const rowsJson = useAppStore((s) => rowsAt(s.cursor));
  // Only a card whose rows really changed draws again as the cursor moves.
  const rows = useMemo(() => new Map(JSON.parse(rowsJson) as [string, HostRow[]][]), [rowsJson]);
  // Lay out again only when the shape of a card really changed (an address added, say).
  const shapesJson = JSON.stringify(
    [...rows].map(([name, r]) => ({ name, rows: r.map((x) => ({ dev: x.dev, segment: x.segment })) })),
  );
  const projector = useAppStore((s) => s.scheme === 'projector');
  const layout = useMemo(
    () =>
      layoutTopology(
        def,
        JSON.parse(shapesJson) as HostShape[],
        projector ? PROJECTOR_METRICS : DEFAULT_METRICS,
      ),
    [def, shapesJson, projector],
  );
  const svgRef = useRef<SVGSVGElement>(null);
  const pz = useRef<PanZoom | null>(null);
  const [tf, setTf] = useState({ x: 0, y: 0, k: 1 });
  useEffect(() => {
    // d3's zoom arrives in its own chunk after the first paint: the topology does not wait for it.
    let live = true;
    void import('./createPanZoom').then(({ createPanZoom }) => {
      if (live && svgRef.current) pz.current = createPanZoom({ domNode: svgRef.current, onTransform: setTf });
    });
    return () => {
      live = false;
      pz.current?.destroy();
      pz.current = null;
    };
  }, []);
  const titleId = `topo-title-${labId}`;
  const descId = `topo-desc-${labId}`;
  return (
    <div className={`topology${compact ? ' compact' : ''}`}>
      <FrameCanvas layout={layout} tf={tf} svgRef={svgRef} />
      <svg
        ref={svgRef}
        className="topology-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMidYMid meet"
        role="group"
        aria-labelledby={titleId}
        aria-describedby={descId}
        data-topology-drawn="engine"
      >
        <title id={titleId}>{t('topology.title', { lab: t(`lab.${labId}.name`) })}</title>
        <g transform={`translate(${tf.x},${tf.y}) scale(${tf.k})`}>
          {[...layout.segments.values()].map((s) => (
            <SegmentBus key={s.name} bus={s} />
          ))}
          <WireLayer layout={layout} />
          <HostLayer layout={layout} rows={rows} />
          <MasterBadges layout={layout} />
          <FindingLayer layout={layout} />
          <DropLayer layout={layout} />
          <FrameLayer layout={layout} />
        </g>
      </svg>
      <TopologyDescription id={descId} />
      {!compact && (
        <div className="zoom-controls" role="group" aria-label={t('topology.zoom')}>
          <button
            type="button"
            className="icon-button"
            aria-label={t('topology.zoomIn')}
            onClick={() => pz.current?.zoomBy(1.25)}
          >
            <Icon name="plus" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('topology.zoomOut')}
            onClick={() => pz.current?.zoomBy(0.8)}
          >
            <Icon name="minus" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('topology.zoomReset')}
            onClick={() => pz.current?.reset()}
          >
            <Icon name="reset" />
          </button>
        </div>
      )}
    </div>
  );
}
