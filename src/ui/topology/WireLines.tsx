import { memo } from 'react';
import type { TopologyLayout } from '../layout/topologyLayout';

/** The cables from each interface to its switch port: all a layout needs, no trace or store. */
export const WireLines = memo(function WireLines({ layout }: { layout: TopologyLayout }) {
  return (
    <>
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
    </>
  );
});
