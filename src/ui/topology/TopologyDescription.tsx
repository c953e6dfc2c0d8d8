import { useTranslation } from 'react-i18next';
import type { AppState } from '@/store/types';
import { useLab } from '../hooks/useLab';
import { eventText } from '../model/eventText';
import { countInFlight } from '../model/inFlight';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { useSettledStore } from '../hooks/useSettledStore';
import { formatMicros } from '../format';

const cursorAndTime = (s: AppState) => `${s.cursor} ${Math.round(s.simTime)}`;

/** The picture in words, for screen readers: the time, the frames on the wire, the current event
 * (following a moving clock a few times a second).
 */
export function TopologyDescription({ id }: { id: string }) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { model } = useLab();
  const [cursor, simTime] = useSettledStore(cursorAndTime).split(' ').map(Number) as [number, number];
  const count = countInFlight(model.hops, simTime, cursor);
  const ev = cursor > 0 ? model.trace.at(cursor - 1) : undefined;
  return (
    <p id={id} className="visually-hidden">
      {t('topology.description', { time: formatMicros(simTime), count })}{' '}
      {ev ? render(eventText(ev, model.hops)) : ''}
    </p>
  );
}
