import { memo } from 'react';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { polylineD } from '../layout/pathMath';
import type { TopologyLayout } from '../layout/topologyLayout';
import { hopPaths } from './hopPaths';
import { WireLines } from './WireLines';

/** The cables from each interface to its switch, and the selected frame's route drawn over them. */
export const WireLayer = memo(function WireLayer({ layout }: { layout: TopologyLayout }) {
  const selected = useAppStore((s) => s.selectedFrame);
  const { model } = useLab();
  const hop = selected ? model.hops.byFrame.get(selected) : undefined;
  return (
    <g className="wires">
      <WireLines layout={layout} />
      {hop &&
        hopPaths(layout, hop).map((p, k) => (
          <path key={k} className="wire-selected" d={polylineD(p.points)} />
        ))}
    </g>
  );
});
