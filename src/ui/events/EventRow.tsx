import { memo } from 'react';
import type { RowText } from './rowText';

interface Props {
  seq: number;
  kind: string;
  /** The row's words (rowText: built once per event and language). */
  words: RowText;
  top: number;
  height: number;
  current: boolean;
  future: boolean;
  /** Findings anchored at this event that have happened (none for a future row): kinds and titles. */
  findingKinds?: string | undefined;
  findingTitles?: string | undefined;
  onPick(seq: number): void;
}

/**
 * One event: when, where, what happened and, for decisions, why. It translates nothing itself:
 * the list hands it words already built, so following a moving cursor costs little per row.
 */
export const EventRow = memo(function EventRow({
  seq,
  kind,
  words,
  top,
  height,
  current,
  future,
  findingKinds,
  findingTitles,
  onPick,
}: Props) {
  const finding = findingKinds !== undefined;
  return (
    <li
      className={`event-row cat-${words.cat}${current ? ' current' : ''}${future ? ' future' : ''}${finding ? ' has-finding' : ''}`}
      style={{ top, height }}
      data-seq={seq}
      data-kind={kind}
      data-finding={findingKinds}
    >
      <button type="button" onClick={() => onPick(seq)} aria-current={current ? 'step' : undefined}>
        <span className="event-time">{words.time}</span>
        <span className="event-host">{words.host}</span>
        <span className="event-text">{words.text}</span>
        {finding ? (
          <span className="event-why event-finding">{findingTitles}</span>
        ) : (
          words.why && <span className="event-why">{words.why}</span>
        )}
      </button>
    </li>
  );
});
