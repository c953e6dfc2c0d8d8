import { useTranslation } from 'react-i18next';
import { SPEEDS } from '@/store/slices/prefsSlice';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { Icon } from '../Icon';
import { IdleMarker } from './IdleMarker';
import { Scrubber } from './Scrubber';

/** Play, pause, exact steps both ways, a scrubber over the trace, speed, and "start paused". */
export function PlaybackBar() {
  const { t } = useTranslation();
  const { model } = useLab();
  const total = model.trace.length;
  // The buttons re-render when they are enabled or disabled, not at every step of the cursor.
  const atStart = useAppStore((s) => s.cursor === 0);
  const atEnd = useAppStore((s) => s.cursor >= total);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const startPaused = useAppStore((s) => s.startPaused);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const stepBack = useAppStore((s) => s.stepBack);
  const stepForward = useAppStore((s) => s.stepForward);
  const seek = useAppStore((s) => s.seek);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const setStartPaused = useAppStore((s) => s.setStartPaused);
  return (
    <div className="playback-bar" role="group" aria-label={t('playback.label')}>
      <div className="playback-buttons">
        <button
          type="button"
          className="icon-button"
          aria-label={t('playback.start')}
          onClick={() => seek(0)}
          disabled={atStart}
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('playback.back')}
          aria-keyshortcuts="ArrowLeft"
          onClick={stepBack}
          disabled={atStart}
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="icon-button play-button"
          aria-label={playing ? t('playback.pause') : t('playback.play')}
          aria-keyshortcuts="Space"
          onClick={togglePlay}
          disabled={total === 0}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('playback.forward')}
          aria-keyshortcuts="ArrowRight"
          onClick={stepForward}
          disabled={atEnd}
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('playback.end')}
          onClick={() => seek(total)}
          disabled={atEnd}
        >
          <Icon name="end" />
        </button>
      </div>
      <Scrubber total={total} first={model.trace.first ?? 0} seek={seek} />
      <IdleMarker />
      <label className="field-inline" title={t('playback.speedHint')}>
        <span className="field-label">{t('playback.speed')}</span>
        <select
          value={speed}
          aria-describedby="speed-hint"
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <span id="speed-hint" className="visually-hidden">
        {t('playback.speedHint')}
      </span>
      <label className="field-inline checkbox">
        <input type="checkbox" checked={startPaused} onChange={(e) => setStartPaused(e.target.checked)} />
        <span>{t('playback.startPaused')}</span>
      </label>
    </div>
  );
}
