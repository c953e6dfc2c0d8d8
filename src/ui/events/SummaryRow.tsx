import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceLog } from '@/engine';
import { formatMicros } from '../format';
import { summaryOf } from '../model/summaryModel';

/** Kinds named in the row; the rest are counted together. */
const SHOWN_KINDS = 6;

/**
 * One row in place of the events a long session summarised: how many, over which span of
 * virtual time, of which kinds, and where full detail starts (a screen reader reads it as one note).
 */
export const SummaryRow = memo(function SummaryRow({ trace }: { trace: TraceLog }) {
  const { t } = useTranslation();
  const s = summaryOf(trace);
  if (!s) return null;
  const named = s.kinds
    .slice(0, SHOWN_KINDS)
    .map((k) => t('events.summaryKind', { kind: k.kind, count: k.count }));
  const rest = s.kinds.slice(SHOWN_KINDS).reduce((n, k) => n + k.count, 0);
  if (rest > 0) named.push(t('events.summaryOther', { count: rest }));
  return (
    <div
      className="event-summary"
      role="note"
      aria-label={t('events.summaryLabel')}
      data-summarised={s.events}
    >
      {/* One line, the detail on demand: the rows below keep their room. */}
      <details>
        <summary>
          <strong>{t('events.summaryTitle', { count: s.events })}</strong>{' '}
          {t('events.summaryFirst', { first: s.firstKept })}
        </summary>
        <p>
          {t('events.summarySpan', {
            from: formatMicros(s.fromUs),
            to: formatMicros(s.toUs),
            first: s.firstKept,
          })}
        </p>
        <p className="muted">{named.join(' · ')}</p>
      </details>
    </div>
  );
});
