import { useTranslation } from 'react-i18next';
import type { AppState } from '@/store/types';
import { useLab } from '../hooks/useLab';
import { eventText } from '../model/eventText';
import { countInFlight } from '../model/inFlight';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { useSettledStore } from '../hooks/useSettledStore';
import { formatMicros } from '../format';

const cursorAndTime = (s: AppState) => `${s.cursor} ${Math.round(s.simTime)}`;

/**
 * How often at most the words follow a moving clock (ms): they are read when the picture gets
 * focus (not announced as they change), and each update is a frame's layout of the panel.
 */
const DESCRIBE_EVERY_MS = 1000;

/** The picture in words, for screen readers: the time, the frames on the wire, the current event
 * (following a moving clock once a second; where it stops always lands).
 */
export function TopologyDescription({ id }: { id: string }) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { model } = useLab();
  const [cursor, simTime] = useSettledStore(cursorAndTime, DESCRIBE_EVERY_MS).split(' ').map(Number) as [
    number,
    number,
  ];
  const count = countInFlight(model.hops, simTime, cursor);
  const ev = cursor > 0 ? model.trace.at(cursor - 1) : undefined;
  return (
    <p id={id} className="visually-hidden clock-words">
      {t('topology.description', { time: formatMicros(simTime), count })}{' '}
      {ev ? render(eventText(ev, model.hops)) : ''}
    </p>
  );
}
