import { useCallback, useMemo } from 'react';
import { useAppStore } from '@/store/useAppStore';
import { cursorOf, useSettledStore } from '../hooks/useSettledStore';
import { useLab } from '../hooks/useLab';
import { hookPath, pktOf } from '../model/hookPath';
import type { Stage } from '../model/hookPath';
import type { HostRow } from '../layout/hostRows';
import type { TopologyLayout } from '../layout/topologyLayout';
import type { TraceModel } from '../model/traceModel';
import { HostNode } from './HostNode';

/** Which host the current event happens on, and where on its netfilter path the packet is. */
function actingStage(
  model: TraceModel,
  cursor: number,
): { host: string; stage: Stage | undefined } | undefined {
  const e = cursor > 0 ? model.trace.at(cursor - 1) : undefined;
  if (!e?.host) return undefined;
  const pkt = pktOf(e);
  if (!pkt) return { host: e.host, stage: undefined };
  const path = hookPath(model.trace, model.pktEvents.get(pkt) ?? [], cursor, e.host);
  return { host: e.host, stage: path.current };
}

/** A host without interfaces: one array, so its card's memo holds across renders. */
const NO_ROWS: HostRow[] = [];

export function HostLayer({ layout, rows }: { layout: TopologyLayout; rows: Map<string, HostRow[]> }) {
  const { model, def } = useLab();
  // The acting host follows a moving cursor a few times a second, not every frame: worked out
  // from the settled cursor (a selector runs on every change of the store, and this one builds
  // the packet's events).
  const cursor = useSettledStore(cursorOf);
  const acting = useMemo(() => {
    const a = actingStage(model, cursor);
    return a ? `${a.host}|${a.stage ?? ''}` : '';
  }, [model, cursor]);
  const selectedHost = useAppStore((s) => s.selectedHost);
  const selectHost = useAppStore((s) => s.selectHost);
  const setTab = useAppStore((s) => s.setInspectorTab);
  const [actHost, actStage] = acting.split('|');
  const onSelect = useCallback(
    (name: string) => {
      selectHost(name);
      setTab('hooks');
    },
    [selectHost, setTab],
  );
  return (
    <g className="hosts">
      {[...layout.hosts.values()].map((box) => (
        <HostNode
          key={box.name}
          box={box}
          rows={rows.get(box.name) ?? NO_ROWS}
          role={def.hosts.find((h) => h.name === box.name)?.role ?? 'client'}
          acting={actHost === box.name}
          stage={actHost === box.name && actStage ? (actStage as Stage) : undefined}
          selected={selectedHost === box.name}
          onSelect={onSelect}
        />
      ))}
    </g>
  );
}
