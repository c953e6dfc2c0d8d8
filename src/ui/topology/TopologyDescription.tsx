import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { eventText } from '../model/eventText';
import { framesInFlight } from '../model/inFlight';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { formatMicros } from '../format';

/** The picture in words, for screen readers: the time, the frames on the wire, the current event. */
export function TopologyDescription({ id }: { id: string }) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { model } = useLab();
  const cursor = useAppStore((s) => s.cursor);
  const simTime = useAppStore((s) => Math.round(s.simTime));
  const count = framesInFlight(model.hops, simTime, cursor).length;
  const ev = cursor > 0 ? model.trace.at(cursor - 1) : undefined;
  return (
    <p id={id} className="visually-hidden">
      {t('topology.description', { time: formatMicros(simTime), count })}{' '}
      {ev ? render(eventText(ev, model.hops)) : ''}
    </p>
  );
}
