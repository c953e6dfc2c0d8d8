import { memo } from 'react';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { polylineD } from '../layout/pathMath';
import type { TopologyLayout } from '../layout/topologyLayout';
import { hopPaths } from './hopPaths';

/** The cables from each interface to its switch, and the selected frame's route drawn over them. */
export const WireLayer = memo(function WireLayer({ layout }: { layout: TopologyLayout }) {
  const selected = useAppStore((s) => s.selectedFrame);
  const { model } = useLab();
  const hop = selected ? model.hops.byFrame.get(selected) : undefined;
  return (
    <g className="wires">
      {[...layout.hosts.values()].flatMap((box) =>
        box.ifaces.map((i) => {
          const bus = layout.segments.get(i.segment);
          if (!bus) return null;
          return (
            <g key={`${box.name}-${i.dev}`}>
              <line className="wire" x1={i.x} y1={i.y} x2={bus.x} y2={i.y} />
              <circle className="port" cx={bus.x} cy={i.y} r={4} />
            </g>
          );
        }),
      )}
      {hop &&
        hopPaths(layout, hop).map((p, k) => (
          <path key={k} className="wire-selected" d={polylineD(p.points)} />
        ))}
    </g>
  );
});
