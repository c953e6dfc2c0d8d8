import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import type { TopologyLayout } from '../layout/topologyLayout';
import type { TraceModel } from '../model/traceModel';

/** How long (simulation µs) a drop stays marked where it happened. */
export const DROP_LINGER_US = 300;

/**
 * The drops marked at (cursor, time): applied, and recent or the current event. A binary search
 * and a walk back over the recent ones (trace times never decrease), so the cost does not grow
 * with the trace.
 */
export function dropsShown(model: TraceModel, cursor: number, simTime: number): number[] {
  const { drops, trace } = model;
  let lo = 0;
  let hi = drops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (drops[mid]! < cursor) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo - 1; i >= 0; i--) {
    const seq = drops[i]!;
    if (simTime - trace.at(seq)!.t > DROP_LINGER_US && seq !== cursor - 1) break;
    out.push(seq);
  }
  return out.reverse();
}

/** A red mark where a packet was dropped, with the reason, for a while after it happened. */
export function DropLayer({ layout }: { layout: TopologyLayout }) {
  const { t } = useTranslation();
  const { model } = useLab();
  // A string of positions: the layer re-renders when a mark comes or goes, not every frame.
  const shown = useAppStore((s) => dropsShown(model, s.cursor, s.simTime).join(' '));
  const marks = shown === '' ? [] : shown.split(' ').map((seq) => model.trace.at(Number(seq))!);
  return (
    <g className="drops">
      {marks.map((e) => {
        const box = layout.hosts.get(e.host ?? '');
        if (!box) return null;
        const anchor = e.kind === 'frame.rx' ? box.ifaces.find((i) => i.dev === e.dev) : undefined;
        const x = anchor ? anchor.x : box.x + box.w - 18;
        const y = anchor ? anchor.y - 18 : box.y + 20;
        const reason = e.kind === 'drop' ? t(`reason.${e.reason}`) : t('topology.notForUs');
        return (
          <g key={e.seq} className="drop-mark" transform={`translate(${x},${y})`} data-drop={e.seq}>
            <title>{reason}</title>
            <circle r={13} />
            <text y={5} textAnchor="middle" aria-hidden="true">
              ✕
            </text>
            <text className="drop-reason" y={-18} textAnchor="middle">
              {reason}
            </text>
          </g>
        );
      })}
    </g>
  );
}
