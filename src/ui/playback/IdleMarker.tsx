import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { formatMicros } from '../format';
import { useLab } from '../hooks/useLab';
import { countInFlight } from '../model/inFlight';
import { IDLE_MARK_US, idleGap } from './playbackMath';

/** "+0.500 s of quiet skipped" while playback crosses an idle stretch (the time map compresses it). */
export function IdleMarker() {
  const { t } = useTranslation();
  const { model } = useLab();
  // The quiet gap being crossed, or 0: re-renders when that changes, not every frame.
  const quiet = useAppStore((s) => {
    const gap = idleGap(model.trace, s.cursor);
    return gap >= IDLE_MARK_US && countInFlight(model.hops, s.simTime, s.cursor) === 0 ? gap : 0;
  });
  return (
    <output className="idle-marker muted" aria-live="off">
      {quiet ? t('playback.idle', { time: formatMicros(quiet) }) : ''}
    </output>
  );
}
