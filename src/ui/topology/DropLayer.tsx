import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import type { TopologyLayout } from '../layout/topologyLayout';

/** How long (simulation µs) a drop stays marked where it happened. */
export const DROP_LINGER_US = 300;

/** A red mark where a packet was dropped, with the reason, for a while after it happened. */
export function DropLayer({ layout }: { layout: TopologyLayout }) {
  const { t } = useTranslation();
  const { model } = useLab();
  const cursor = useAppStore((s) => s.cursor);
  const simTime = useAppStore((s) => s.simTime);
  const marks = model.drops
    .map((seq) => model.trace.at(seq)!)
    .filter((e) => e.seq < cursor && (simTime - e.t <= DROP_LINGER_US || e.seq === cursor - 1));
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
