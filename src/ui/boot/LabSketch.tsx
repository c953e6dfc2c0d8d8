import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabDefinition } from '@/engine/labData';
import { rowsFromDef } from '../layout/hostRows';
import { layoutTopology } from '../layout/topologyLayout';
import { HostNode } from '../topology/HostNode';
import { SegmentBus } from '../topology/SegmentBus';
import { WireLines } from '../topology/WireLines';

/**
 * A lab's topology from its definition alone: segments, wires, hosts and their configured
 * addresses, laid out exactly as the live view lays out the bare lab. Nothing here is
 * interactive; the live view replaces it once the engine has loaded.
 */
export function LabSketch({ def }: { def: LabDefinition }) {
  const { t } = useTranslation();
  const layout = useMemo(() => layoutTopology(def), [def]);
  const titleId = `topo-sketch-title-${def.id}`;
  return (
    <div className="topology">
      <svg
        className="topology-svg topology-sketch"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMidYMid meet"
        role="group"
        aria-labelledby={titleId}
        data-topology-drawn="lab-data"
      >
        <title id={titleId}>{t('topology.title', { lab: t(`lab.${def.id}.name`) })}</title>
        {[...layout.segments.values()].map((s) => (
          <SegmentBus key={s.name} bus={s} />
        ))}
        <g className="wires">
          <WireLines layout={layout} />
        </g>
        <g className="hosts">
          {[...layout.hosts.values()].map((box) => (
            <HostNode
              key={box.name}
              box={box}
              rows={rowsFromDef(def, box.name)}
              role={def.hosts.find((h) => h.name === box.name)?.role ?? 'client'}
              acting={false}
              stage={undefined}
              selected={false}
            />
          ))}
        </g>
      </svg>
    </div>
  );
}
