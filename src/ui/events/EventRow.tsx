import { memo } from 'react';
import type { TraceEvent } from '@/engine';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { formatMicros } from '../format';
import { eventCategory } from '../model/eventCategory';
import { eventText } from '../model/eventText';
import { eventWhy } from '../model/eventWhy';
import type { TraceModel } from '../model/traceModel';

interface Props {
  event: TraceEvent;
  model: TraceModel;
  top: number;
  height: number;
  current: boolean;
  future: boolean;
  onPick(seq: number): void;
}

/** One event: when, where, what happened and, for decisions, why. */
export const EventRow = memo(function EventRow({
  event,
  model,
  top,
  height,
  current,
  future,
  onPick,
}: Props) {
  const render = useRenderMessage();
  const why = eventWhy(event);
  const cat = eventCategory(event, model.hops);
  return (
    <li
      className={`event-row cat-${cat}${current ? ' current' : ''}${future ? ' future' : ''}`}
      style={{ top, height }}
      data-seq={event.seq}
      data-kind={event.kind}
    >
      <button type="button" onClick={() => onPick(event.seq)} aria-current={current ? 'step' : undefined}>
        <span className="event-time">{formatMicros(event.t)}</span>
        <span className="event-host">{event.host ?? ''}</span>
        <span className="event-text">{render(eventText(event, model.hops))}</span>
        {why && <span className="event-why">{render(why)}</span>}
      </button>
    </li>
  );
});
