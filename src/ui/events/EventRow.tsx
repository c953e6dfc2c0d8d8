import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, TraceEvent } from '@/engine';
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
  /** Findings anchored at this event that have happened (none for a future row). */
  findings?: readonly Finding[] | undefined;
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
  findings,
  onPick,
}: Props) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const why = eventWhy(event);
  const cat = eventCategory(event, model.hops);
  return (
    <li
      className={`event-row cat-${cat}${current ? ' current' : ''}${future ? ' future' : ''}${findings ? ' has-finding' : ''}`}
      style={{ top, height }}
      data-seq={event.seq}
      data-kind={event.kind}
      data-finding={findings?.map((f) => f.kind).join(' ')}
    >
      <button type="button" onClick={() => onPick(event.seq)} aria-current={current ? 'step' : undefined}>
        <span className="event-time">{formatMicros(event.t)}</span>
        <span className="event-host">{event.host ?? ''}</span>
        <span className="event-text">{render(eventText(event, model.hops))}</span>
        {findings ? (
          <span className="event-why event-finding">
            {findings.map((f) => t(`finding.${f.kind}.title`, f.params)).join(' · ')}
          </span>
        ) : (
          why && <span className="event-why">{render(why)}</span>
        )}
      </button>
    </li>
  );
});
