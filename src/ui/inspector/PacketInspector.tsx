import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { formatMicros } from '../format';
import { connectionColour } from '../model/connections';
import { previousHop } from '../model/frameHops';
import { frameSummary, frameTag } from '../model/frameSummary';
import { msg } from '../model/message';
import { diffLayers } from '../model/packetDiff';
import { fixedText } from './fixedText';
import { frameViewOf } from './frameView';
import { HexView } from './HexView';
import { LayerTable } from './LayerTable';
import { RewriteSummary } from './RewriteSummary';
import { useInspectedFrame } from './useInspectedFrame';

/** Every header of one frame as layers, the fields changed since its previous hop marked, and its bytes. */
export function PacketInspector() {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { model } = useLab();
  const selectFrame = useAppStore((s) => s.selectFrame);
  const { hop, pinned } = useInspectedFrame(model);
  const [hover, setHover] = useState<string | null>(null);
  const view = useMemo(() => {
    if (!hop) return undefined;
    const { bytes, layers } = frameViewOf(hop);
    const prev = previousHop(model.hops, hop);
    const changes = prev ? diffLayers(frameViewOf(prev).layers, layers) : undefined;
    const changed = new Map((changes ?? []).map((c) => [c.path, c]));
    return { bytes, layers, prev, changes, changed };
  }, [hop, model]);
  if (!hop || !view) return <p className="empty-state">{fixedText(t, 'packet.empty')}</p>;
  const { changed } = view;
  const receivers = hop.rx.map((r) => `${r.host} ${r.dev}`).join(', ');
  return (
    <div className="packet-inspector" data-frame={hop.frame}>
      <header className="packet-head">
        <span className="frame-chip" style={{ background: connectionColour(model.colours.indexOf(hop)) }}>
          {frameTag(hop.eth)}
        </span>
        <p className="packet-summary">{render(frameSummary(hop.eth))}</p>
        <p className="packet-route">
          {render(
            msg(receivers ? 'packet.route' : 'packet.routeNone', {
              frame: hop.frame,
              from: `${hop.host} ${hop.dev}`,
              to: receivers,
              segment: hop.segment,
              time: formatMicros(hop.t0),
            }),
          )}
        </p>
        <div className="packet-follow">
          {pinned ? (
            <button type="button" className="quiet" onClick={() => selectFrame(null)}>
              {fixedText(t, 'packet.follow')}
            </button>
          ) : (
            <span className="badge">{fixedText(t, 'packet.following')}</span>
          )}
        </div>
      </header>
      <RewriteSummary hop={hop} prev={view.prev} changes={view.changes} render={render} t={t} model={model} />
      {view.layers.map((l) => (
        <LayerTable
          key={`${l.kind}-${l.start}`}
          layer={l}
          changed={changed}
          render={render}
          hover={hover}
          onHover={setHover}
          t={t}
        />
      ))}
      <HexView bytes={view.bytes} layers={view.layers} hover={hover} onHover={setHover} t={t} />
    </div>
  );
}
