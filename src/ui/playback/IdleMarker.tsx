import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { formatMicros } from '../format';
import { useLab } from '../hooks/useLab';
import { framesInFlight } from '../model/inFlight';
import { IDLE_MARK_US, idleGap } from './playbackMath';

/** "+0.500 s of quiet skipped" while playback crosses an idle stretch (the time map compresses it). */
export function IdleMarker() {
  const { t } = useTranslation();
  const { model } = useLab();
  const cursor = useAppStore((s) => s.cursor);
  const simTime = useAppStore((s) => s.simTime);
  const gap = idleGap(model.trace, cursor);
  const quiet = gap >= IDLE_MARK_US && framesInFlight(model.hops, simTime, cursor).length === 0;
  return (
    <output className="idle-marker muted" aria-live="off">
      {quiet ? t('playback.idle', { time: formatMicros(gap) }) : ''}
    </output>
  );
}
